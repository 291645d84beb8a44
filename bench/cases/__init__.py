"""Benchmark modules: every module here is imported by `python -m bench` and registers its benchmarks."""

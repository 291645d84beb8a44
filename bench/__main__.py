"""`python -m bench [name ...] [--list] [--profile]`: run the registered benchmarks and print one table."""

from __future__ import annotations

import argparse
import importlib
import math
import pkgutil
import sys
import time

from bench import cases
from bench.registry import BENCHMARKS, Row, format_number
from bench.timing import import_profile

HEADERS = ("benchmark", "value", "unit", "target", "result", "note")


def discover() -> None:
    for module in pkgutil.iter_modules(cases.__path__):
        importlib.import_module(f"{cases.__name__}.{module.name}")


def table(rows: list[Row]) -> str:
    cells = [
        (r.name, "n/a" if math.isnan(r.value) else format_number(r.value), r.unit, r.target, r.verdict, r.note)
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(HEADERS)]
    right = {1}  # numbers align right

    def line(values: tuple[str, ...]) -> str:
        parts = [v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths, strict=True))]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(HEADERS), rule, *(line(c) for c in cells)])


def profile(module: str = "functions.api.handler") -> str:
    lines = [f"\nslowest imports under {module} (python -X importtime, cumulative ms / self ms):"]
    for name, self_us, cumulative_us in import_profile(module):
        lines.append(f"  {cumulative_us / 1000:8.1f}  {self_us / 1000:7.1f}  {name}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--profile", action="store_true", help="also show where the handler's import time goes")
    args = parser.parse_args(argv)

    discover()
    if args.list:
        print("\n".join(BENCHMARKS))
        return 0
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")

    rows: list[Row] = []
    started = time.perf_counter()
    for name in args.names or list(BENCHMARKS):
        rows.extend(BENCHMARKS[name]())
    print(table(rows))
    print(f"\n{len(rows)} figures in {time.perf_counter() - started:.1f} s (python {sys.version.split()[0]})")
    if args.profile:
        print(profile())
    return 1 if any(r.verdict == "SLOW" for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

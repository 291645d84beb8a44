"""The bench runner's plumbing (no timings are asserted here: figures are for `make bench` to print)."""

from __future__ import annotations

from bench.__main__ import discover, table
from bench.registry import BENCHMARKS, Row


def test_every_case_module_registers_its_benchmarks():
    discover()
    assert {"eligibility", "report", "startup"} <= set(BENCHMARKS)


def test_rows_pass_or_fail_against_their_limit_in_either_direction():
    assert Row("latency", 40.0, "µs", limit=1000.0).verdict == "ok"
    assert Row("latency", 1500.0, "µs", limit=1000.0).verdict == "SLOW"
    assert Row("throughput", 50.0, "/s", limit=100.0, higher_is_better=True).verdict == "SLOW"
    assert Row("figure", 1.0, "ms").verdict == ""


def test_table_columns_line_up():
    rows = [Row("eligibility µs per verdict", 43.1, "µs", limit=1000.0), Row("import", 416.9, "ms", note="median")]
    lines = table(rows).splitlines()
    # header, rule, one line per row; numbers right-aligned under the "value" header
    assert len(lines) == 4
    value_end = lines[0].index("value") + len("value")
    assert lines[2][:value_end].endswith(" 43.1")
    assert lines[3][:value_end].endswith("416.9")
    assert "<= 1,000 µs" in lines[2]
    assert lines[2].split()[-1] == "ok"

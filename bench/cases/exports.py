"""A 100,000-row results export to XLSX and CSV, each in a fresh process: time, peak memory, growth while writing.

Rows are generated lazily (as the workflow streams them from DynamoDB), so a flat peak shows the writer keeps
no rows in memory. The child reports `ru_maxrss` once its imports are done and again after the file is closed.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from bench.registry import Row, benchmark
from bench.samples import OCCUPATIONS, id_number
from bench.timing import ROOT

ROWS = 100_000
PEAK_LIMIT_MB = 200.0
CITIES = ("广州市", "深圳市", "佛山市")
OCCUPATION_NAMES = {"6-18-01-01": "车工", "6-18-01-02": "铣工"}


def results_rows(count: int) -> Iterator[dict[str, Any]]:
    """`count` rows of the results export, one at a time, with valid and distinct ID numbers."""
    for n in range(count):
        code = OCCUPATIONS[n % len(OCCUPATIONS)]
        yield {
            "campaign": "2024",
            "phase": 1 + n % 2,
            "city_name": CITIES[n % len(CITIES)],
            "enterprise_name": f"广东第{n % 400 + 1}精密制造有限公司",
            "uscc": "91440101MA59CDX462",
            "report_id": f"RPT-2024-{n // 40:06d}",
            "name": f"候选人{n:06d}",
            "id_number": id_number(n),
            "occupation_code": code,
            "occupation_name": OCCUPATION_NAMES[code],
            "level": "特级技师" if n % 4 else "首席技师",
            "score": 60 + (n % 400) / 10,
            "review_date": date(2024, 6, 1) + timedelta(days=n % 30),
            "status": "已通过",
        }


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def child(fmt: str, count: int) -> None:
    """Run in a fresh interpreter: write the export to a temporary file and print the figures as JSON."""
    from functions.exports import write_export

    handle, path = tempfile.mkstemp(suffix=f".{fmt}")
    os.close(handle)
    try:
        before = _rss_mb()
        start = time.perf_counter()
        written = write_export("results", fmt, results_rows(count), path)
        seconds = time.perf_counter() - start
        figures = {"rows": written, "seconds": seconds, "peak_mb": _rss_mb(), "growth_mb": _rss_mb() - before}
        print(json.dumps(figures | {"bytes": os.path.getsize(path)}))
    finally:
        os.unlink(path)


def _measure(fmt: str, count: int) -> dict[str, float]:
    code = f"from bench.cases.exports import child; child({fmt!r}, {count})"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["rows"] == count
    return figures


@benchmark("exports")
def export_100k_rows() -> list[Row]:
    rows: list[Row] = []
    for fmt in ("xlsx", "csv"):
        try:
            figures = _measure(fmt, ROWS)
        except subprocess.CalledProcessError as exc:
            last = (exc.stderr or "").strip().splitlines()[-1:] or ["?"]
            return [*rows, Row(f"export {ROWS:,} rows {fmt}", float("nan"), "s", note=f"failed: {last[0]}")]
        size = f"{figures['bytes'] / 2**20:.1f} MB file"
        rows += [
            Row(f"export {ROWS:,} results rows to {fmt.upper()}", figures["seconds"], "s", note=size),
            Row(
                f"export {fmt.upper()} peak memory",
                figures["peak_mb"],
                "MB",
                limit=PEAK_LIMIT_MB,
                note="max RSS of the whole process",
            ),
            Row(
                f"export {fmt.upper()} memory growth while writing", figures["growth_mb"], "MB", note="flat = streamed"
            ),
        ]
    return rows

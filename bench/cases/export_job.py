"""A 100,000-row results export end to end on moto, in a fresh process: the API's 202, the export function
reading 50 reports of 2,000 candidates (BatchGetItem) and writing the XLSX to S3, the job read back done.
Goal (issue 13): under 10 s here, memory flat (growth while exporting, not the whole file's rows)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

from bench.registry import Row, benchmark
from bench.timing import ROOT

REPORTS, PER_REPORT = 50, 2000
LIMIT_SECONDS = 10.0
PROVINCE = {"sub": "bench-province", "cognito:groups": "[province_reviewer]"}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(fmt: str) -> None:
    from bench.cases.report_store import _call, _moto
    from bench.seed import seed_reports
    from infra.local_jobs import deliver_once

    with _moto():
        seed_reports(REPORTS, PER_REPORT)
        before = _rss_mb()
        start, cpu = time.perf_counter(), time.process_time()
        status, job = _call("GET", f"/api/exports/results?format={fmt}", None, PROVINCE)
        assert status == 202, job
        assert deliver_once(os.environ["EXPORT_QUEUE_URL"]) == 1
        status, done = _call("GET", f"/api/exports/jobs/{job['id']}", None, PROVINCE)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        assert (status, done["status"]) == (200, "done"), done
        print(json.dumps({"rows": done["rows"], "seconds": seconds, "cpu": cpu, "growth_mb": _rss_mb() - before}))


@benchmark("export-job")
def export_job_end_to_end() -> list[Row]:
    rows = []
    for fmt in ("xlsx", "csv"):
        code = f"from bench.cases.export_job import child; child({fmt!r})"
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        assert figures["rows"] == REPORTS * PER_REPORT
        rows.append(
            Row(
                f"results export {figures['rows']:,} rows end to end ({fmt.upper()})",
                figures["seconds"],
                "s",
                limit=LIMIT_SECONDS,
                note=f"202 → job on moto → S3 → done; CPU {figures['cpu']:.1f} s (moto included); "
                f"memory growth {figures['growth_mb']:.0f} MB (moto holds the file)",
            )
        )
    return rows

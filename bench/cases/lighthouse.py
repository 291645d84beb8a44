"""Lighthouse (mobile) on the self-check, served by the local server: goals (issue 13) performance >= 0.95,
accessibility 1.00, and no layout shift when `vocab.json` fills the form (`make bench` installs Lighthouse)."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from bench.registry import Row, benchmark
from bench.timing import ROOT

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGE = "/selfcheck/"


@benchmark("lighthouse")
def selfcheck_lighthouse() -> list[Row]:
    from bench.cases.local_server import _server

    if not LIGHTHOUSE.exists() or not (ROOT / "build" / "site").exists():
        return [Row("lighthouse self-check", 0, "", note="skipped: run `make bench` (it builds the site, installs it)")]
    with _server() as port, tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), f"http://127.0.0.1:{port}{PAGE}", "--only-categories=performance,accessibility",
             "--output=json", f"--output-path={report}", "--chrome-flags=--headless --no-sandbox", "--quiet"],
            env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", CHROMIUM)},
            check=True, timeout=300,
        )  # fmt: skip
        result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: category["score"] for name, category in result["categories"].items()}
    audits = result["audits"]
    shift = audits["cumulative-layout-shift"]["numericValue"]
    paint = audits["largest-contentful-paint"]["numericValue"]
    return [
        Row("lighthouse mobile, self-check: performance", scores["performance"], "", limit=0.95,
            higher_is_better=True, note=f"layout shift {shift:.3f}, LCP {paint:.0f} ms (simulated slow 4G)"),
        Row("lighthouse mobile, self-check: accessibility", scores["accessibility"], "", limit=1.0,
            higher_is_better=True),
    ]  # fmt: skip

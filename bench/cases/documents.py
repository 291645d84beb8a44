"""Certificate PDFs: one certificate, and a 500-page report PDF (one page per certificate), each in a fresh
interpreter: the import of fpdf2/segno apart, then the document's wall and CPU time (CPU time is what a Lambda
pays; wall time here also counts other work on the machine), peak memory and size."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from datetime import date

from bench.registry import Row, benchmark
from bench.timing import ROOT

PAGES = 500
ONE_LIMIT_S = 2.0  # a person waiting for a download
REPORT_LIMIT_S = 25.0  # under API Gateway's 30 s integration timeout
PEAK_LIMIT_MB = 400.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def child(pages: int) -> None:
    start = time.perf_counter()
    import fpdf  # noqa: F401  # the import apart from the document: a warm Lambda has it already
    import segno  # noqa: F401

    from functions.documents import CertificateData, certificates_pdf

    imported = time.perf_counter() - start

    certificates = [
        CertificateData(
            number=f"Y00004400001225T{n + 1:06d}",
            name=f"欧阳晓燕{n % 100}",
            masked_id="440106***********X",
            occupation="焊工",
            level="特级技师",
            enterprise="广州精工机械制造有限公司",
            issued_on=date(2025, 6, 20),
            verify_url=f"https://jineng.example.gd.cn/verify/?number=Y00004400001225T{n + 1:06d}&name=%E6%AC%A7",
        )
        for n in range(pages)
    ]
    start, cpu = time.perf_counter(), time.process_time()
    pdf = certificates_pdf(certificates)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "import": imported, "peak_mb": _rss_mb(), "bytes": len(pdf)}))


def _measure(pages: int) -> dict[str, float]:
    code = f"from bench.cases.documents import child; child({pages})"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


@benchmark("documents")
def certificate_pdfs() -> list[Row]:
    one, report = _measure(1), _measure(PAGES)
    return [
        Row("import fpdf2 + segno + documents", one["import"], "s", note="once per Lambda container"),
        Row(
            "certificate PDF, 1 page, CPU",
            one["cpu"],
            "s",
            limit=ONE_LIMIT_S,
            note=f"wall {one['seconds']:.2f} s; {one['bytes'] / 1024:.0f} KB (font subset embedded)",
        ),
        Row("certificate PDF peak memory, 1 page", one["peak_mb"], "MB", note="max RSS of the whole process"),
        Row(
            f"certificates PDF, {PAGES} pages, CPU",
            report["cpu"],
            "s",
            limit=REPORT_LIMIT_S,
            note=f"wall {report['seconds']:.1f} s; {report['bytes'] / 2**20:.1f} MB file",
        ),
        Row(
            f"certificates PDF peak memory, {PAGES} pages",
            report["peak_mb"],
            "MB",
            limit=PEAK_LIMIT_MB,
            note="max RSS of the whole process",
        ),
    ]

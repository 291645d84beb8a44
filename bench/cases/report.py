"""Validation time of a results report of 500 distinct candidates (`schemas.forms.ReportRequest`)."""

from __future__ import annotations

from bench.registry import Row, benchmark
from bench.samples import report_body
from bench.timing import best_of
from schemas.forms import ReportRequest

CANDIDATES = 500
LIMIT_SECONDS = 0.5


@benchmark("report")
def report_validation() -> list[Row]:
    body = report_body(CANDIDATES)
    report = ReportRequest.model_validate(body)  # also warms the reference-data caches
    assert len(report.candidates) == CANDIDATES
    seconds = best_of(lambda: ReportRequest.model_validate(body), repeat=5)
    return [
        Row(
            f"report validation, {CANDIDATES} candidates",
            seconds * 1000,
            "ms",
            limit=LIMIT_SECONDS * 1000,
            note="ReportRequest.model_validate, best of 5",
        )
    ]

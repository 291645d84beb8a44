"""What the API handler adds around the core: an eligibility verdict through `lambda_handler` against the same
verdict in-process, and the debug line Powertools formats on every call (issue 13: 51 ms per 2,000-candidate
POST and 17.5 µs per eligibility check while debug was off, before `functions.api.app.RouteArguments`)."""

from __future__ import annotations

import json
import os
from itertools import cycle
from typing import Any

from bench.registry import Row, benchmark
from bench.samples import ELIGIBILITY_REQUESTS, report_body
from bench.timing import best_of, rates

ABOVE_LIMIT_US = 60.0
REPORT_CANDIDATES = 2000


class _Context:
    function_name = "gdskills-api-bench"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:gdskills-api-bench"
    aws_request_id = "bench"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def _event(body: dict[str, Any]) -> dict[str, Any]:
    path = "/api/eligibility/check"
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": "",
        "headers": {"content-type": "application/json"},
        "requestContext": {
            "http": {"method": "POST", "path": path, "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1"},
            "requestId": "bench",
            "stage": "$default",
        },
        "body": json.dumps(body, ensure_ascii=False),
        "isBase64Encoded": False,
    }


def _debug_line_cost() -> tuple[float, float]:
    """Seconds to format Powertools' "Calling API Route Handler" line for a validated 2,000-candidate report,
    as a plain dict (what Powertools did) and as RouteArguments (what the handler now hands it)."""
    from functions.api.app import RouteArguments
    from schemas.forms import ReportRequest

    form = ReportRequest.model_validate(report_body(REPORT_CANDIDATES))
    plain, quiet = {"form": form}, RouteArguments(form=form)
    return best_of(lambda: f"Calling API Route Handler: {plain}", 3), best_of(lambda: f"{quiet}", 3)


@benchmark("handler")
def verdict_through_the_handler() -> list[Row]:
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    from functions.api.handler import lambda_handler
    from schemas.eligibility import EligibilityRequest, evaluate

    events = cycle([_event(b) for b in ELIGIBILITY_REQUESTS])
    bodies = cycle(ELIGIBILITY_REQUESTS)
    context = _Context()
    answer = lambda_handler(next(events), context)
    assert answer["statusCode"] == 200, answer

    def through_handler() -> None:
        event = next(events)
        lambda_handler({**event, "headers": dict(event["headers"])}, context)

    def in_process() -> None:
        evaluate(EligibilityRequest.model_validate(next(bodies)))

    measured = rates({"handler": through_handler, "core": in_process})
    handler_us, core_us = 1e6 / measured["handler"], 1e6 / measured["core"]
    plain, quiet = _debug_line_cost()
    return [
        Row(
            "eligibility verdict through the handler",
            handler_us,
            "µs",
            note=f"in-process: {core_us:.0f} µs; CPU time per call",
        ),
        Row(
            "  handler cost above the in-process verdict",
            handler_us - core_us,
            "µs",
            limit=ABOVE_LIMIT_US,
            note="routing, validation, middleware, logging context, JSON answer",
        ),
        Row(
            f"Powertools debug line, {REPORT_CANDIDATES:,}-candidate POST",
            quiet * 1000,
            "ms",
            note=f"formatted with debug off; was {plain * 1000:.1f} ms as a plain dict",
        ),
    ]

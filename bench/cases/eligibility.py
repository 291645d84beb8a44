"""Eligibility verdicts per second in-process: request validation plus the engine, as the API runs them."""

from __future__ import annotations

from itertools import cycle

from bench.registry import Row, benchmark
from bench.samples import ELIGIBILITY_REQUESTS
from bench.timing import rates
from schemas.eligibility import EligibilityRequest, evaluate

VERDICT_LIMIT_US = 1000.0  # one verdict under 1 ms


@benchmark("eligibility")
def eligibility_throughput() -> list[Row]:
    bodies = cycle(ELIGIBILITY_REQUESTS)
    requests = cycle([EligibilityRequest.model_validate(b) for b in ELIGIBILITY_REQUESTS])

    def validate_and_evaluate() -> None:
        evaluate(EligibilityRequest.model_validate(next(bodies)))

    def evaluate_only() -> None:
        evaluate(next(requests))

    measured = rates({"full": validate_and_evaluate, "engine": evaluate_only})
    per_second, engine_per_second = measured["full"], measured["engine"]
    mix = f"{len(ELIGIBILITY_REQUESTS)} T/S candidates in turn"
    return [
        Row("eligibility verdicts per second", per_second, "/s", note=f"validation + evaluate, {mix}"),
        Row("eligibility µs per verdict", 1e6 / per_second, "µs", limit=VERDICT_LIMIT_US, note="validation + evaluate"),
        Row("eligibility engine µs per verdict", 1e6 / engine_per_second, "µs", note="evaluate only"),
    ]

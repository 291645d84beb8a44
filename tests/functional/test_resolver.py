"""The resolver's shortcuts (functions/api/resolver.py, validation.py) answer exactly as Powertools' own path."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aws_lambda_powertools.event_handler.api_gateway import ResponseBuilder
from pydantic import TypeAdapter

from functions.api.app import write_json
from functions.api.handler import app, lambda_handler
from functions.api.resolver import _Answer
from schemas.eligibility import EligibilityRequest, EligibilityVerdict, evaluate
from tests.conftest import FakeLambdaContext, http_event


def _scanned(method: str, path: str) -> Any:
    """The route Powertools' own scan picks: static routes first, then dynamic, in registration order."""
    for route in app._static_routes + app._dynamic_routes:
        if route.method == method and route.rule.match(path):
            return route
    return None


def _picked(method: str, path: str) -> Any:
    """The route the resolver calls for a request, caught where Powertools records it."""
    picked: dict[str, Any] = {}
    original = app._call_route

    def spy(route: Any, route_arguments: dict[str, str]) -> Any:
        picked["route"] = route
        return original(route, route_arguments)

    app._call_route = spy  # type: ignore[method-assign]
    try:
        lambda_handler(http_event(method, path), FakeLambdaContext())
    finally:
        del app._call_route
    return picked.get("route")


def test_every_static_route_is_found_as_the_scan_finds_it(aws):
    static = [(r.method, r.path) for r in app._static_routes]
    assert len(static) > 30
    for method, path in static:
        assert _picked(method, path) is _scanned(method, path), (method, path)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/reports/RPT-0123456789abcdef"),  # dynamic
        ("GET", "/api/openapiXjson"),  # no key, but the regex of "/api/openapi.json" matches it: the scan decides
    ],
)
def test_other_paths_take_the_scan(aws, method, path):
    assert _scanned(method, path) is not None
    assert _picked(method, path) is _scanned(method, path)


@pytest.mark.parametrize(("method", "path"), [("POST", "/api/health"), ("GET", "/api/no-such-thing")])
def test_a_path_no_route_takes_goes_to_not_found(aws, method, path):
    picked = _picked(method, path)
    assert _scanned(method, path) is None
    assert picked not in app._static_routes + app._dynamic_routes  # Powertools' not-found route


def test_unknown_path_is_still_404(call_api):
    status, _body = call_api("GET", "/api/no-such-thing")
    assert status == 404


@pytest.mark.parametrize("route_compression", [False, True])
@pytest.mark.parametrize("response_compression", [None, False, True])
@pytest.mark.parametrize("accept_encoding", [None, "gzip, deflate, br", "br"])
def test_compression_decided_as_powertools_decides(route_compression, response_compression, accept_encoding):
    from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2

    headers = {"accept-encoding": accept_encoding} if accept_encoding else {}
    event = APIGatewayProxyEventV2(http_event("GET", "/api/health", headers=headers))
    ours = _Answer._has_compression_enabled(route_compression, response_compression, event)
    theirs = ResponseBuilder._has_compression_enabled(route_compression, response_compression, event)
    assert ours == theirs


def test_a_verdict_is_written_as_powertools_writes_its_model(call_api):
    from bench.samples import ELIGIBILITY_REQUESTS

    for body in ELIGIBILITY_REQUESTS:
        status, answer = call_api("POST", "/api/eligibility/check", body)
        assert status == 200
        verdict = evaluate(EligibilityRequest.model_validate(body))
        powertools = TypeAdapter(EligibilityVerdict).dump_python(verdict, mode="json", by_alias=True)
        assert answer == json.loads(write_json(powertools))


def test_the_answer_validation_runs_in_the_request_validation_frame():
    assert not hasattr(app, "_response_validation_middleware")  # else Powertools stacks a second frame
    body = {"level": "T", "as_of": "2024-06-30"}
    result = lambda_handler(http_event("POST", "/api/eligibility/check", body), FakeLambdaContext())
    assert result["statusCode"] == 200
    frames = [frame for frame in app.processed_stack_frames if "next call chain" in frame]
    assert len(frames) == 2, frames  # validation (request and answer), then the route adapter

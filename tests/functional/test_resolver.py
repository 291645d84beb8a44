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


def test_a_route_runs_validation_then_its_adapter_without_frames(monkeypatch):
    import aws_lambda_powertools.event_handler.api_gateway as powertools

    assert not hasattr(app, "_response_validation_middleware")  # answers are validated in the same step
    steps: list[str] = []
    validation = app._request_validation_middleware
    validate, adapt = validation.handler, powertools._registered_api_adapter
    monkeypatch.setattr(validation, "handler", lambda a, n: steps.append("validation") or validate(a, n))
    monkeypatch.setattr(
        "functions.api.resolver._registered_api_adapter", lambda a, f: steps.append("adapter") or adapt(a, f)
    )
    route = next(r for r in app._static_routes if r.path == "/api/eligibility/check")
    monkeypatch.setattr(route, "_middleware_stack_built", False)  # rebuilt with the spies, restored after

    ok = lambda_handler(http_event("POST", "/api/eligibility/check", {"level": "T"}), FakeLambdaContext())
    bad = lambda_handler(http_event("POST", "/api/eligibility/check", {"level": "X"}), FakeLambdaContext())

    assert (ok["statusCode"], bad["statusCode"]) == (200, 422)
    assert steps == ["validation", "adapter", "validation"]  # a refused body never reaches the route
    assert app.processed_stack_frames == []  # no MiddlewareFrame formatted a debug stack
    monkeypatch.undo()
    route._middleware_stack_built = False  # the next call composes the real steps again


def test_a_route_with_its_own_middleware_keeps_powertools_frames():
    from functions.api.resolver import HttpResolver

    seen: list[str] = []

    def noting(app: Any, next_middleware: Any) -> Any:
        seen.append("middleware")
        return next_middleware(app)

    resolver = HttpResolver(enable_validation=True)

    @resolver.get("/ping", middlewares=[noting])
    def ping():  # type: ignore[no-untyped-def]  # no annotation: a string one cannot be resolved in a test body
        return {"pong": True}

    result = resolver.resolve(http_event("GET", "/ping"), FakeLambdaContext())
    assert (result["statusCode"], json.loads(result["body"]), seen) == (200, {"pong": True}, ["middleware"])
    assert any("noting" in frame for frame in resolver.processed_stack_frames)


def test_an_object_body_is_validated_from_its_text(call_api, monkeypatch):
    from bench.samples import ELIGIBILITY_REQUESTS

    def never(text: str) -> object:
        raise AssertionError("the body was parsed into dicts before validation")

    monkeypatch.setattr(app, "_json_body_deserializer", never)
    status, answer = call_api("POST", "/api/eligibility/check", ELIGIBILITY_REQUESTS[1])
    assert status == 200
    assert answer == json.loads(write_json(evaluate(EligibilityRequest.model_validate(ELIGIBILITY_REQUESTS[1]))))


@pytest.mark.parametrize(
    ("text", "status", "code", "field_type"),
    [
        ('{"level": "T", "as_of": ', 400, "bad_request", "json_invalid"),  # malformed, read from its text
        ("null", 400, "bad_request", "missing"),  # no object: Powertools' path, as before
        ('{"level": "X"}', 422, "validation_failed", "literal_error"),
    ],
)
def test_a_body_that_is_no_valid_object_is_refused_by_field(call_api, text, status, code, field_type):
    answer_status, answer = call_api("POST", "/api/eligibility/check", text)
    assert answer_status == status
    assert answer["error"]["code"] == code
    assert answer["error"]["fields"][0]["type"] == field_type


def test_a_base64_encoded_object_body_is_read_as_its_text():
    import base64

    from bench.samples import ELIGIBILITY_REQUESTS

    event = http_event("POST", "/api/eligibility/check", ELIGIBILITY_REQUESTS[0])
    event["body"] = base64.b64encode(event["body"].encode()).decode()
    event["isBase64Encoded"] = True
    result = lambda_handler(event, FakeLambdaContext())
    assert result["statusCode"] == 200
    assert "eligible" in json.loads(result["body"])

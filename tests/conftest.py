"""Shared fixtures: API Gateway HTTP API events for the handler, and a fake Lambda context."""

from __future__ import annotations

import json
from collections.abc import Callable
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

EVENTS = Path(__file__).parent / "events"


class FakeLambdaContext:
    function_name = "gdskills-api-test"
    function_version = "$LATEST"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:gdskills-api-test"
    aws_request_id = "test-request"
    log_group_name = "/aws/lambda/gdskills-api-test"
    log_stream_name = "test"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def load_event(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


def http_event(
    method: str,
    path: str,
    body: Any = None,
    query: dict[str, str] | None = None,
    claims: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An HTTP API v2 event built on tests/events/http_api_base.json."""
    event = deepcopy(load_event("http_api_base.json"))
    event["rawPath"] = path
    event["requestContext"]["http"]["method"] = method
    event["requestContext"]["http"]["path"] = path
    event["queryStringParameters"] = query
    event["rawQueryString"] = "&".join(f"{k}={v}" for k, v in (query or {}).items())
    event["headers"].update(headers or {})
    if body is not None:
        event["body"] = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    if claims is not None:
        event["requestContext"]["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return event


@pytest.fixture
def call_api() -> Callable[..., tuple[int, Any]]:
    """Invoke the API handler like API Gateway does; answer (status, parsed JSON body or raw text)."""
    from functions.api.handler import lambda_handler

    def call(method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
        result = lambda_handler(http_event(method, path, body, **kwargs), FakeLambdaContext())
        raw = result.get("body") or ""
        content_type = (result.get("headers") or {}).get("Content-Type", "")
        return result["statusCode"], json.loads(raw) if "json" in content_type and raw else raw

    return call

"""The served OpenAPI document is honest: schemathesis generates requests (valid and invalid) for every route
from the document itself, sends each as every role would (nobody signed in, an enterprise, a city reviewer,
the province, an administrator) through the Lambda handler on moto, and checks every answer: no 5xx, and
status, content type, headers and body all as documented."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import admin_claims, city_claims, enterprise_claims, province_claims
from tests.functional._workflow import moto_world

ROLES: dict[str, dict[str, Any] | None] = {
    "anonymous": None,
    "enterprise": enterprise_claims(),
    "city_reviewer": city_claims(),
    "province_reviewer": province_claims(),
    "admin": admin_claims(),
}
ROLE_HEADER = "x-contract-role"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def lambda_as_wsgi(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    """The handler behind API Gateway as a WSGI app; the role header stands for the JWT authorizer's claims."""
    from functions.api.handler import lambda_handler
    from infra.local_gateway import http_api_event
    from tests.conftest import FakeLambdaContext

    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length) if length else b""
    headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = environ["CONTENT_TYPE"]
    claims = ROLES.get(headers.pop(ROLE_HEADER, "anonymous"))
    path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
    target = path + (f"?{environ['QUERY_STRING']}" if environ.get("QUERY_STRING") else "")
    event = http_api_event(environ["REQUEST_METHOD"], target, headers, body, claims, "127.0.0.1")
    event["rawPath"] = event["requestContext"]["http"]["path"] = unquote(path)
    result = lambda_handler(event, FakeLambdaContext())
    raw = result.get("body") or ""
    payload = base64.b64decode(raw) if result.get("isBase64Encoded") else raw.encode()
    out_headers = list((result.get("headers") or {}).items())
    for name, values in (result.get("multiValueHeaders") or {}).items():
        out_headers += [(name, v) for v in values]
    start_response(f"{result['statusCode']} -", out_headers)
    return [payload]


@pytest.fixture(scope="module", autouse=True)
def world() -> Iterator[None]:
    with moto_world("contract"):
        yield


def _document() -> dict[str, Any]:
    from functions.api.handler import lambda_handler
    from tests.conftest import FakeLambdaContext, http_event

    answer = lambda_handler(http_event("GET", "/api/openapi.json"), FakeLambdaContext())
    assert answer["statusCode"] == 200
    document: dict[str, Any] = json.loads(answer["body"])
    return document


schema = schemathesis.openapi.from_dict(_document())
schema.app = lambda_as_wsgi  # type: ignore[attr-defined]


def test_every_route_documents_its_errors_in_the_shared_schema() -> None:
    document = _document()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            statuses = set(operation["responses"])
            assert {"429", "500"} <= statuses, (method, path)
            if "public" not in operation.get("tags", []):
                assert {"401", "403", "404"} <= statuses, (method, path)
            for status, answer in operation["responses"].items():
                if int(status) >= 400:
                    assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}


@schema.parametrize()
@settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_every_answer_of_every_role_is_documented(case: Any) -> None:
    for role in ROLES:
        case.call_and_validate(headers={ROLE_HEADER: role}, app=lambda_as_wsgi, checks=CHECKS)

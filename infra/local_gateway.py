"""What API Gateway does in front of the function, done locally: the JWT check, the event, the answer.

Also the local-only routes under `/api/local/` (the demo login, the movable clock), which never exist in AWS.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import threading
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from pydantic import ValidationError

from infra.local_auth import LocalSessionRequest, issue_token, verify_token

Answer = tuple[int, list[tuple[str, str]], bytes]
TEXT_TYPES = ("application/json", "text/", "application/x-www-form-urlencoded")
LOCAL_PREFIX = "/api/local/"
_ONE_INVOCATION_AT_A_TIME = threading.Lock()


def http_api_event(
    method: str, target: str, headers: dict[str, str], body: bytes, claims: dict[str, Any] | None, source_ip: str
) -> dict[str, Any]:
    """An API Gateway HTTP API (v2) event, as the service would deliver it."""
    # http.server reads the request line as Latin-1; raw UTF-8 (curl "?q=车工") is restored here
    with contextlib.suppress(UnicodeError):
        target = target.encode("latin-1").decode("utf-8")
    parts = urlsplit(target)
    query: dict[str, str] = {}
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        query[key] = f"{query[key]},{value}" if key in query else value
    content_type = headers.get("content-type", "")
    is_text = not body or content_type.startswith(TEXT_TYPES)
    now = datetime.now(UTC)
    context: dict[str, Any] = {
        "accountId": "000000000000",
        "apiId": "local",
        "domainName": headers.get("host", "localhost"),
        "domainPrefix": "local",
        "http": {
            "method": method,
            "path": parts.path,
            "protocol": "HTTP/1.1",
            "sourceIp": source_ip,
            "userAgent": headers.get("user-agent", ""),
        },
        "requestId": str(uuid.uuid4()),
        "routeKey": "$default",
        "stage": "$default",
        "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
        "timeEpoch": int(now.timestamp() * 1000),
    }
    if claims is not None:
        context["authorizer"] = {"jwt": {"claims": claims, "scopes": None}}
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": parts.path,
        "rawQueryString": parts.query,
        "cookies": [c.strip() for c in headers.get("cookie", "").split(";") if c.strip()] or None,
        "headers": headers,
        "queryStringParameters": query or None,
        "requestContext": context,
        "body": (body.decode("utf-8", "replace") if is_text else base64.b64encode(body).decode()) if body else None,
        "isBase64Encoded": not is_text,
    }


class LambdaContext(SimpleNamespace):
    aws_request_id = "local"
    function_name = "gdskills-api-local"
    function_version = "$LATEST"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:000000000000:function:gdskills-api-local"
    log_group_name = "/aws/lambda/gdskills-api-local"
    log_stream_name = "local"

    def get_remaining_time_in_millis(self) -> int:
        return 30_000


def _error(status: int, code: str, message: str, fields: list[dict[str, str]] | None = None) -> Answer:
    body = {"error": {"code": code, "message": message, "fields": fields or []}}
    return status, [("Content-Type", "application/json; charset=utf-8")], json.dumps(body, ensure_ascii=False).encode()


def bootstrap() -> None:
    """Set the local clock (`GDSKILLS_TODAY`); create in moto the tables, buckets and queues the functions expect."""
    from infra import local_clock

    local_clock.install(local_clock.parse_env(os.environ.get(local_clock.ENV)))
    try:
        from functions.dal.local import create_local_resources
    except ImportError:  # before the data layer exists there is nothing to create
        return
    create_local_resources()


def _invalid(exc: ValidationError, message: str) -> Answer:
    from functions.api.errors import problems

    fields = [{"path": p.path, "message": p.message, "type": p.type} for p in problems(exc.errors())]
    status = 400 if any(f["type"] == "json_invalid" for f in fields) else 422
    return _error(status, "validation_failed", message, fields)


def _json(payload: dict[str, Any]) -> Answer:
    return 200, [("Content-Type", "application/json; charset=utf-8")], json.dumps(payload).encode()


def _local_session(body: bytes) -> Answer:
    try:
        session = LocalSessionRequest.model_validate_json(body or b"{}")
    except ValidationError as exc:
        return _invalid(exc, "登录信息有误，请按提示修改")
    return _json({"token": issue_token(session), "role": session.role, "uscc": session.uscc, "city": session.city})


def _local_clock(method: str, body: bytes) -> Answer:
    from infra import local_clock

    if method == "PUT":
        try:
            request = local_clock.LocalClockRequest.model_validate_json(body or b"{}")
        except ValidationError as exc:
            return _invalid(exc, "日期有误，请写成 YYYY-MM-DD，或 null 恢复真实日期")
        local_clock.install(request.today)
    return _json(local_clock.state())


def call(method: str, target: str, headers: dict[str, str], body: bytes, source_ip: str = "127.0.0.1") -> Answer:
    path = target.split("?", 1)[0]
    if path.startswith(LOCAL_PREFIX):
        if path == LOCAL_PREFIX + "session" and method == "POST":
            return _local_session(body)
        if path == LOCAL_PREFIX + "clock" and method in ("GET", "PUT"):
            return _local_clock(method, body)
        return _error(404, "not_found", "没有这个接口，请核对地址和请求方法")

    claims = None
    authorization = headers.get("authorization", "")
    if authorization:
        token = authorization.removeprefix("Bearer ").strip()
        claims = verify_token(token) if authorization.startswith("Bearer ") else None
        if claims is None:
            return _error(401, "unauthorized", "登录已失效或令牌无效，请重新登录")
        # The HTTP API's JWT authorizer hands arrays over as "[a b]" strings; do the same.
        claims = {k: f"[{' '.join(v)}]" if isinstance(v, list) else v for k, v in claims.items()}

    from functions.api.handler import lambda_handler

    event = http_api_event(method, target, headers, body, claims, source_ip)
    # A Lambda environment serves one request at a time, and Powertools' resolver (like moto's DynamoDB)
    # relies on that: the threaded local server must not run two invocations at once.
    with _ONE_INVOCATION_AT_A_TIME:
        result = lambda_handler(event, LambdaContext(aws_request_id=event["requestContext"]["requestId"]))
    status = int(result.get("statusCode", 200))
    out_headers = [(k, str(v)) for k, v in (result.get("headers") or {}).items()]
    for key, values in (result.get("multiValueHeaders") or {}).items():
        out_headers.extend((key, str(v)) for v in values)
    out_headers.extend(("Set-Cookie", c) for c in result.get("cookies") or [])
    raw = result.get("body") or ""
    payload = base64.b64decode(raw) if result.get("isBase64Encoded") else raw.encode("utf-8")
    return status, out_headers, payload

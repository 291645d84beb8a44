"""Every failure becomes API.md's error shape here, and only here."""

from __future__ import annotations

import binascii
from collections.abc import Iterable, Mapping
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from pydantic import ValidationError

from functions.errors import ApiError, FieldProblem, NotFound, ValidationFailed
from functions.observability import logger
from schemas._errors import field_path, zh_message
from schemas.errors import ErrorBody, ErrorDetail, ErrorField

_BODY_UNREADABLE = {"json_invalid", "unsupported_content_type", "multipart_invalid", "form_invalid"}


def problems(errors: Iterable[Mapping[str, Any]]) -> list[FieldProblem]:
    """pydantic / Powertools error dicts → field problems with Chinese messages and `a[1].b` paths."""
    return [
        FieldProblem(path=field_path(e.get("loc", ())), message=zh_message(e), type=str(e.get("type", "invalid")))
        for e in errors
    ]


def error_response(error: ApiError, request_id: str | None = None) -> Response[str]:
    body = ErrorBody(
        error=ErrorDetail(
            code=error.code,
            message=error.message,
            fields=[ErrorField(path=f.path, message=f.message, type=f.type) for f in error.fields],
            request_id=request_id,
        )
    )
    return Response(
        status_code=error.status, content_type="application/json", body=body.model_dump_json(exclude_none=True)
    )


def _from_request_validation(exc: RequestValidationError) -> ApiError:
    errors = list(exc.errors())
    if any(e.get("type") in _BODY_UNREADABLE for e in errors):
        unreadable = next(e for e in errors if e.get("type") in _BODY_UNREADABLE)
        message = zh_message(unreadable)
        return ApiError(message, [FieldProblem("body", message, str(unreadable["type"]))], 400, "bad_request")
    if any(e.get("loc") == ("body",) and e.get("type") == "missing" for e in errors):
        return ApiError(
            "请求缺少 JSON 内容", [FieldProblem("body", "请求缺少 JSON 内容", "missing")], 400, "bad_request"
        )
    return ValidationFailed(problems(errors))


def register_error_handlers(app: APIGatewayHttpResolver) -> None:
    def request_id() -> str | None:
        """API Gateway's id of this request: in every error answer, and in the log line of every 5xx."""
        try:
            return str(app.current_event.request_context.request_id)
        except (AttributeError, KeyError, TypeError):
            return None

    @app.exception_handler(RequestValidationError)
    def _request_invalid(exc: RequestValidationError) -> Response[str]:
        from functions.api.deps import refusal

        try:  # who may call the route is decided before what they sent (see deps.allowed)
            refusal(app.context.get("_route"), app.current_event.raw_event)
        except ApiError as refused:
            return error_response(refused, request_id())
        return error_response(_from_request_validation(exc), request_id())

    @app.exception_handler([UnicodeDecodeError, binascii.Error])
    def _body_undecodable(exc: ValueError) -> Response[str]:
        # A base64-encoded body (API Gateway's way with non-text types) that is not base64 of UTF-8 text.
        message = "请求内容应为 UTF-8 编码的 JSON"
        problem = [FieldProblem("body", message, "json_invalid")]
        return error_response(ApiError(message, problem, 400, "bad_request"), request_id())

    @app.exception_handler(ValidationError)
    def _model_invalid(exc: ValidationError) -> Response[str]:
        return error_response(ValidationFailed(problems(exc.errors())), request_id())

    @app.exception_handler(ApiError)
    def _api_error(exc: ApiError) -> Response[str]:
        if exc.status < 500:
            return error_response(exc, request_id())
        # The cause (the AWS error behind a 503, say) goes to the log with the id the user sees; IDs masked.
        cause = exc.__cause__ or exc.__context__
        rid = request_id()
        logger.error(
            "request failed",
            extra={"code": exc.code, "status": exc.status, "request_id": rid, "cause": repr(cause)},
            exc_info=cause or exc,
        )
        return error_response(exc, rid)

    @app.not_found
    def _not_found(exc: NotFoundError) -> Response[str]:
        return error_response(NotFound("没有这个接口，请核对地址和请求方法"), request_id())

    @app.exception_handler(Exception)
    def _unexpected(exc: Exception) -> Response[str]:
        rid = request_id()
        logger.exception("unexpected error", extra={"status": 500, "request_id": rid, "cause": repr(exc)})
        message = "系统内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号"
        return error_response(ApiError(message, [], 500, "internal"), rid)

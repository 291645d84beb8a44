"""Domain errors every layer may raise; the API maps each to API.md's error shape in one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FieldProblem:
    path: str
    message: str
    type: str


@dataclass
class ApiError(Exception):
    """An answer for the client: HTTP status, stable code, Chinese message, and the fields at fault."""

    message: str
    fields: list[FieldProblem] = field(default_factory=list)
    status: int = 400
    code: str = "bad_request"

    def __post_init__(self) -> None:
        Exception.__init__(self, self.message)


class BadRequest(ApiError):
    def __init__(self, message: str = "请求格式有误", fields: list[FieldProblem] | None = None) -> None:
        super().__init__(message, fields or [], 400, "bad_request")


class Unauthorized(ApiError):
    def __init__(self, message: str = "请先登录") -> None:
        super().__init__(message, [], 401, "unauthorized")


class Forbidden(ApiError):
    def __init__(self, message: str = "没有权限进行此操作") -> None:
        super().__init__(message, [], 403, "forbidden")


class NotFound(ApiError):
    def __init__(self, message: str = "找不到该记录，或您无权查看") -> None:
        super().__init__(message, [], 404, "not_found")


class Conflict(ApiError):
    def __init__(self, message: str, fields: list[FieldProblem] | None = None) -> None:
        super().__init__(message, fields or [], 409, "conflict")


class ValidationFailed(ApiError):
    def __init__(self, fields: list[FieldProblem], message: str = "提交内容有误，请按提示修改") -> None:
        super().__init__(message, fields, 422, "validation_failed")


class ServiceUnavailable(ApiError):
    def __init__(self, message: str = "服务暂时不可用，请稍后重试") -> None:
        super().__init__(message, [], 503, "unavailable")

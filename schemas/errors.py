"""The one error shape of API.md."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

ErrorCode = str


class ErrorField(BaseModel):
    path: Annotated[str, Field(description="出错字段，如 candidates[1].id_number")]
    message: Annotated[str, Field(description="中文说明")]
    type: Annotated[str, Field(description="稳定的错误类型")]


class ErrorDetail(BaseModel):
    code: Annotated[ErrorCode, Field(description="validation_failed、not_found、conflict 等")]
    message: Annotated[str, Field(description="中文说明，可据此修改后重试")]
    fields: list[ErrorField] = []
    request_id: Annotated[str | None, Field(description="本次请求编号；联系管理员时请提供")] = None


class ErrorBody(BaseModel):
    error: ErrorDetail

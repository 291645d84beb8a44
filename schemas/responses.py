"""Typed success answers of the routes written before routes declared their own (`Response[Model]`); the
OpenAPI document (`functions/api/openapi.py`) names them, and the contract test holds the answers to them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field


class RecordAccepted(BaseModel):
    id: Annotated[str, Field(description="记录编号")]
    status: Annotated[str, Field(description="记录状态，如 submitted")]
    version: Annotated[int, Field(description="版本号")]


class Decided(RecordAccepted):
    stage: Annotated[str | None, Field(description="下一审核环节；已有最终结果时为空")] = None


class Certificate(BaseModel):
    index: Annotated[int, Field(description="在名单中的位置（从 0 起）")]
    name: str
    id_number: str
    occupation: str
    occupation_name: str
    level: str
    certificate_number: Annotated[str, Field(description="证书编号")]
    status: Annotated[str, Field(description="证书状态，如 allocated")] = "allocated"


class Certificates(BaseModel):
    report_id: str
    issued_on: str
    items: list[Certificate]


class UploadGrant(BaseModel):
    key: Annotated[str, Field(description="文件 key：提交表单时引用")]
    url: Annotated[str, Field(description="以 multipart/form-data POST 文件到此地址")]
    fields: Annotated[dict[str, str], Field(description="随文件一并提交的表单字段")]
    expires_at: datetime

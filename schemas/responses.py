"""Typed success answers of the routes written before routes declared their own (`Response[Model]`); the
OpenAPI document (`functions/api/openapi.py`) names them, and the contract test holds the answers to them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

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


# ---- records: read, listed, their files, a roster read from XLSX ----------------------------------------


class RecordSummary(BaseModel):
    """A filing, plan or report as listed: its head (what is not stated is not part of that kind)."""

    id: Annotated[str, Field(description="记录编号")]
    kind: Annotated[str, Field(description="类别：filing、plan 或 report")]
    status: Annotated[str, Field(description="状态")]
    version: Annotated[int, Field(description="版本号")]
    stage: Annotated[str | None, Field(description="当前审核环节（city 或 province）；已有最终结果时为空")] = None
    stages: Annotated[list[str], Field(description="依次经过的审核环节")] = []
    owner: Annotated[str, Field(description="企业统一社会信用代码")]
    enterprise_name: str | None = None
    city: Annotated[str, Field(description="地市代码")]
    categories: list[str] = []
    levels: Annotated[list[str] | None, Field(description="备案的级别")] = None
    level: Annotated[str | None, Field(description="评价计划、评价结果的级别")] = None
    campaign: str | None = None
    phase: int | None = None
    review_date: str | None = None
    filing_id: str | None = None
    plan_id: str | None = None
    candidate_count: int | None = None
    created_at: str
    submitted_at: str | None = None
    updated_at: str | None = None
    existing_institution: Annotated[dict[str, Any] | None, Field(description="已备案机构的代码与顺序号")] = None


class RecordPage(BaseModel):
    items: list[RecordSummary]
    next: Annotated[str | None, Field(description="下一页的游标；没有下一页时为空")] = None


class HistoryEntry(BaseModel):
    action: Annotated[str, Field(description="submit、resubmit 或 decision")]
    decision: str | None = None
    comment: str | None = None
    role: str | None = None
    version: int | None = None
    status: str | None = None
    stage: str | None = None
    at: str


class DecisionEntry(BaseModel):
    decision: str | None = None
    comment: str | None = None
    role: str | None = None
    version: int | None = None
    stage: str | None = None
    at: str


class RecordDetail(RecordSummary):
    awaiting: Annotated[bool, Field(description="是否在等待审核")]
    can_decide: Annotated[bool | None, Field(description="（审核人员）本岗能否作出决定")] = None
    routed_to_me: Annotated[bool | None, Field(description="（审核人员）是否送到本岗")] = None
    duplicates: Annotated[
        list[dict[str, Any]] | None, Field(description="（审核人员，评价结果）已在别处通过同一级别的人员")
    ] = None
    duplicate_count: int | None = None
    data: Annotated[dict[str, Any], Field(description="表单内容（与提交时的请求体相同）")]
    history: list[HistoryEntry]
    decisions: list[DecisionEntry]


class RecordVersion(BaseModel):
    id: str
    version: int
    data: Annotated[dict[str, Any], Field(description="该版本的表单内容")]


class RecordFile(BaseModel):
    type: Annotated[str, Field(description="文件类型代码")]
    type_name: Annotated[str, Field(description="文件类型名称")]
    filename: str | None
    content_type: str | None = None
    size: int | None
    sha256: str | None
    uploaded_at: str | None
    url: Annotated[str | None, Field(description="几分钟内有效的预签名链接（在浏览器中直接打开）")]


class RecordFiles(BaseModel):
    id: str
    version: int
    files: list[RecordFile]


class RosterParsed(BaseModel):
    candidates: Annotated[list[dict[str, Any]], Field(description="读出的人员（与评价结果报备的 candidates 相同）")]
    count: int

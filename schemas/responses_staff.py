"""Typed success answers of the staff routes: the review queue and its counts, 已办, the audit trail, a report's
candidates judged, debarments, exports and export jobs. Document-only (named in `functions/api/openapi.py`);
the contract test and `tests/functional/test_answers_typed.py` hold real answers to them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

from schemas.responses import RecordSummary

NEXT = Field(description="下一页的游标；没有下一页时为空")


class QueueRow(RecordSummary):
    can_decide: Annotated[bool, Field(description="本岗能否作出决定")]


class QueuePage(BaseModel):
    items: list[QueueRow]
    next: Annotated[str | None, NEXT] = None


class ReviewCounts(BaseModel):
    filings: Annotated[int, Field(description="待审核的备案数")]
    plans: Annotated[int, Field(description="待审核的评价计划数")]
    reports: Annotated[int, Field(description="待审核的评价结果数")]


class DoneItem(BaseModel):
    id: str
    kind: str
    decision: Annotated[str, Field(description="作出的决定")]
    status: Annotated[str, Field(description="决定后的状态")]
    version: int
    stage: str | None = None
    enterprise_name: str | None = None
    level: str | None = None
    city: str | None = None
    at: Annotated[str, Field(description="决定时间")]


class DonePage(BaseModel):
    items: list[DoneItem]
    next: Annotated[str | None, NEXT] = None


class AuditEvent(BaseModel):
    action: Annotated[str, Field(description="操作，如 submit、decision、files、export")]
    decision: str | None = None
    comment: str | None = None
    by: str | None = None
    role: str | None = None
    version: int | None = None
    status: str | None = None
    stage: str | None = None
    at: str
    detail: Annotated[dict[str, Any] | str | None, Field(description="操作的细节")] = None


class AuditTrail(BaseModel):
    subject: Annotated[str, Field(description="记录编号")]
    events: list[AuditEvent]
    next: Annotated[str | None, NEXT] = None


class CandidateView(BaseModel):
    index: Annotated[int, Field(description="在名单中的位置（从 0 起）")]
    name: str | None
    id_number_masked: Annotated[str, Field(description="脱敏的身份证号码")]
    occupation: str | None
    occupation_name: str | None
    level: str | None
    level_name: str | None
    credentials: Annotated[list[dict[str, Any]], Field(description="证书（附名称）")]
    work_periods: Annotated[list[dict[str, Any]], Field(description="工作经历（附名称）")]
    honours: Annotated[list[dict[str, Any]], Field(description="荣誉（附名称）")]
    score: float | None
    verdict: Annotated[dict[str, Any] | None, Field(description="按评审日期判断的参评条件；无评审日期时为空")]


class CandidatePage(BaseModel):
    id: str
    version: int
    plan_id: str | None
    review_date: str | None
    plan_problem: Annotated[str | None, Field(description="评价计划无法读出评审日期时的说明")]
    total: int
    offset: int
    next_offset: int | None
    candidates: list[CandidateView]


class Debarment(BaseModel):
    id: str
    subject_type: Annotated[str, Field(description="person 或 enterprise")]
    subject_id: Annotated[str, Field(description="身份证号码或统一社会信用代码")]
    subject_name: str
    reason: str
    decided_on: str
    until: Annotated[str, Field(description="此日（不含）之前不得申报")]
    campaign: str | None = None
    record_id: str | None = None
    city: str | None = None
    created_at: str
    by_role: str | None = None
    lifted_on: str | None = None
    lift_reason: str | None = None
    active: Annotated[bool, Field(description="是否仍在处理期内且未解除")]


class CancelledReport(BaseModel):
    report_id: str
    certificates: Annotated[int, Field(description="该评价结果撤销的证书数")]


class Cancelled(BaseModel):
    campaign: str | None = None
    reports: Annotated[list[CancelledReport], Field(description="撤销结果的评价结果")] = []
    certificates: Annotated[int, Field(description="撤销的证书数")] = 0


class DebarmentAdded(Debarment):
    cancelled: Cancelled | None = None


class DebarmentPage(BaseModel):
    items: list[Debarment]
    next: Annotated[str | None, NEXT] = None


class ExportLink(BaseModel):
    url: Annotated[str, Field(description="下载地址（预签名，限时有效）")]
    filename: str
    rows: int
    name: str
    format: str


class ExportJob(BaseModel):
    id: Annotated[str, Field(description="导出任务编号")]
    name: str
    format: str
    city: str | None = None
    filters: dict[str, Any] = {}
    status: Annotated[str, Field(description="queued、running、done 或 failed")]
    rows: int | None = None
    estimate: int | None = None
    filename: str | None = None
    created_at: str
    updated_at: str | None = None
    url: Annotated[str | None, Field(description="完成后的下载地址")] = None
    error: str | None = None

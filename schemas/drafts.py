"""Drafts: what an enterprise has typed but not yet submitted. Never checked against any rule."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

DRAFT_DAYS = 90  # [choice] a draft untouched this long is removed
DRAFT_MAX_BYTES = 350_000  # stored gzip'd in one DynamoDB item (400 KB); a 2,000-person roster fits
DRAFTS_PER_ENTERPRISE = 100  # [choice] open drafts one enterprise may keep
DRAFT_KINDS: dict[str, str] = {"filing": "备案", "plan": "评价计划", "report": "评价结果报备"}

DraftKind = Annotated[
    Literal["filing", "plan", "report"], Field(description="草稿所属的表单：备案、评价计划、评价结果")
]
DraftTitle = Annotated[str, Field(max_length=200, description="列表中显示的说明，如“第一期 特级技师 12 人”")]
DraftBody = Annotated[Any, Field(description="表单当前内容（任意 JSON，不做校验）")]


class DraftRequest(BaseModel):
    kind: DraftKind
    body: DraftBody = None
    title: DraftTitle = ""
    record_id: Annotated[str | None, Field(max_length=64, description="修改退回记录时，所修改的记录编号")] = None


class DraftSummary(BaseModel):
    id: str
    kind: str
    kind_name: str
    title: str = ""
    record_id: str | None = None
    created_at: str
    updated_at: str
    expires_on: Annotated[str, Field(description="未再修改时的删除日期")]


class Draft(DraftSummary):
    body: DraftBody = None


class DraftList(BaseModel):
    items: list[DraftSummary]


class DraftCreated(BaseModel):
    id: str
    updated_at: str
    expires_on: str


__all__ = [
    "DRAFTS_PER_ENTERPRISE",
    "DRAFT_DAYS",
    "DRAFT_KINDS",
    "DRAFT_MAX_BYTES",
    "Draft",
    "DraftCreated",
    "DraftList",
    "DraftRequest",
    "DraftSummary",
]

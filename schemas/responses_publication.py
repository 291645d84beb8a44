"""Typed success answers of the publication routes: national confirmation of certificates, the S shortlist's
notices, announcements by batch and the people they publish (never an ID number). Document-only (named in
`functions/api/openapi.py`, which skips a route not served yet); the contract test holds answers to them."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

NEXT = Field(description="下一页的游标；没有下一页时为空")


class Confirmation(BaseModel):
    campaign: str
    batch: Annotated[int, Field(description="批次")]
    batch_name: str | None = None
    confirmed_on: Annotated[str, Field(description="全国系统确认日期")]
    confirmed: Annotated[list[str], Field(description="本次确认的评价结果")]
    already_confirmed: Annotated[list[str], Field(description="此前已确认的评价结果")] = []
    certificates_issued: Annotated[int, Field(description="生效的证书数")]


class PublishedPerson(BaseModel):
    name: str
    enterprise: str | None = None
    occupation: str | None = None
    city: str | None = None
    level: str | None = None


class Notice(BaseModel):
    id: Annotated[str, Field(description="公示编号")]
    campaign: str
    start: Annotated[str, Field(description="公示开始日期")]
    end: Annotated[str, Field(description="公示结束日期")]
    report_ids: list[str] = []
    count: Annotated[int, Field(description="公示人数")]
    created_at: str | None = None
    by: str | None = None


class NoticeView(BaseModel):
    id: str
    campaign: str
    start: str
    end: str
    count: int
    state: Annotated[str, Field(description="upcoming、running 或 ended")]
    people: list[PublishedPerson]


class NoticePage(BaseModel):
    items: list[NoticeView]
    next: Annotated[str | None, NEXT] = None


class Announcement(BaseModel):
    campaign: str
    batch: int
    batch_name: str | None = None
    announced_on: str
    announced_at: str | None = None
    enterprises: Annotated[list[dict[str, Any]], Field(description="本批公布的企业：名称、地市、级别、人数")]
    people_count: Annotated[int, Field(description="本批公布的人数")]
    report_ids: list[str] | None = None


class AnnouncementList(BaseModel):
    campaign: str
    items: list[Announcement]


class PublishedPeople(BaseModel):
    items: list[PublishedPerson]
    next: Annotated[str | None, NEXT] = None

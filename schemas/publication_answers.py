"""Typed success answers of the certificate and publication routes (`Response[Model]`): the OpenAPI document
names them and the contract test holds the answers to them. Public ones carry names, never an ID number."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

Next = Annotated[str | None, Field(description="下一页的 next 参数；没有更多时为空")]


class ConfirmationAnswer(BaseModel):
    campaign: str
    batch: int
    batch_name: Annotated[str, Field(description="如 第一批")]
    confirmed_on: date
    confirmed: Annotated[list[str], Field(description="本次确认的评价结果编号")]
    already_confirmed: Annotated[list[str], Field(description="此前已确认、本次未重复处理的评价结果编号")]
    certificates_issued: Annotated[int, Field(description="由 allocated 转为 issued 的证书数")]


class NoticeOpened(BaseModel):
    id: Annotated[str, Field(description="公示编号")]
    campaign: str
    start: date
    end: date
    report_ids: list[str]
    count: Annotated[int, Field(description="公示人数")]
    created_at: str
    by: str


class NoticePerson(BaseModel):
    name: str
    enterprise: str
    occupation: Annotated[str, Field(description="职业（工种）名称")]
    city: Annotated[str, Field(description="地市名称")]


class PublicNotice(BaseModel):
    id: str
    campaign: str
    start: date
    end: date
    count: int
    state: Literal["upcoming", "running", "ended"]
    people: list[NoticePerson]


class PublicNotices(BaseModel):
    items: list[PublicNotice]
    next: Next = None


class AnnouncedEnterprise(BaseModel):
    name: str
    city: str
    levels: Annotated[list[str], Field(description="特级技师 / 首席技师")]
    count: Annotated[int, Field(description="获证人数")]


class Batch(BaseModel):
    campaign: str
    batch: int
    batch_name: str
    announced_on: date
    enterprises: list[AnnouncedEnterprise]
    people_count: int


class Announced(Batch):
    announced_at: str
    report_ids: list[str]


class Announcements(BaseModel):
    campaign: str
    items: Annotated[list[Batch], Field(description="批次，最新在前")]


class AnnouncedPerson(NoticePerson):
    level: Annotated[str, Field(description="特级技师 / 首席技师")]


class AnnouncedPeople(BaseModel):
    items: list[AnnouncedPerson]
    next: Next = None


class ChiefTechnician(NoticePerson):
    city_code: str
    campaign: str


class ChiefTechnicians(BaseModel):
    items: list[ChiefTechnician]
    count: Annotated[int, Field(description="本页条数")]
    next: Next = None

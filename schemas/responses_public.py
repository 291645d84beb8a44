"""Typed success answers of the public and administered routes: campaigns, city contacts, occupations, working
days, the published list and public figures, accounts and account requests. Document-only (named in
`functions/api/openapi.py`); the contract test and `tests/functional/test_answers_typed.py` hold real answers
to them."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field


class PhaseView(BaseModel):
    phase: Annotated[int, Field(description="期次")]
    start: Annotated[str, Field(description="开始日期（含）")]
    end: Annotated[str, Field(description="截止日期（含）")]
    note: str = ""
    deadline_passed: Annotated[bool, Field(description="今天是否已过截止日期")]
    current: Annotated[bool, Field(description="今天是否在这一期内")]


class CampaignView(BaseModel):
    year: str
    name: str
    accepting_submissions: Annotated[bool, Field(description="是否接受评价计划和结果报备")]
    phases: list[PhaseView]
    current: Annotated[bool, Field(description="今天是否在其某一期内")]
    history: Annotated[bool, Field(description="是否随系统发布的往年安排")]


class CampaignList(BaseModel):
    today: Annotated[str, Field(description="今天（北京时间）")]
    current: Annotated[str | None, Field(description="当前年度；今天不在任何一期内时为空")]
    items: list[CampaignView]


class CurrentCampaign(BaseModel):
    today: str
    campaign: CampaignView | None


class CityContact(BaseModel):
    code: Annotated[str, Field(description="地市行政区划代码")]
    name: str
    area_code: str | None = None
    hotline: str | None = None
    institution: Annotated[str, Field(description="职业技能评价指导机构；空即待公布")] = ""
    phones: list[str] = []
    phone: str | None = None
    address: str = ""
    updated_at: str | None = None


class Occupation(BaseModel):
    code: Annotated[str, Field(description="职业编码（大典 2022 细类）")]
    name: str
    skill: Annotated[bool, Field(description="技能类职业（第四至六大类）")]
    green: bool
    digital: bool


class Workdays(BaseModel):
    start: str
    end: str
    workdays: Annotated[int, Field(description="工作日数（含首尾）")]


class ChiefTechnician(BaseModel):
    name: str
    enterprise: str | None = None
    occupation: str | None = None
    occupation_code: str | None = None
    city: str | None = None
    city_code: str | None = None
    campaign: str | None = None


class ChiefTechnicians(BaseModel):
    items: list[ChiefTechnician]
    count: int | None = None
    next: Annotated[str | None, Field(description="下一页的游标；没有下一页时为空")] = None


class PublicStats(BaseModel):
    campaign: str
    name: str
    enterprises: Annotated[int, Field(description="开展评聘的企业数")]
    certified: Annotated[int, Field(description="已认定人数")]


class Account(BaseModel):
    username: str
    email: str
    name: str
    role: str | None
    uscc: str | None = None
    city: str | None = None
    enabled: bool
    status: Annotated[str, Field(description="Cognito 用户状态，如 FORCE_CHANGE_PASSWORD")]
    created_at: str | None = None


class AccountList(BaseModel):
    items: list[Account]


class AccountRequestContact(BaseModel):
    name: str
    phone: str
    email: str


class AccountRequestView(BaseModel):
    id: str
    uscc: str
    enterprise_name: str
    city: str
    contact: AccountRequestContact
    status: Annotated[str, Field(description="pending、approved 或 rejected")]
    created_at: str
    decided_at: str | None = None
    reason: str | None = None
    username: str | None = None


class AccountRequestPage(BaseModel):
    items: list[AccountRequestView]
    next: Annotated[str | None, Field(description="下一页的游标；没有下一页时为空")] = None


class AccountRequestReceived(BaseModel):
    id: str
    status: Annotated[str, Field(description="pending：等待本市处理")]

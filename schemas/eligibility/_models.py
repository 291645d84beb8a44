"""The eligibility check's request and verdict (API.md, "Eligibility check")."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from schemas._errors import rule_error
from schemas.eligibility._vocabulary import (
    FIXED_HONOUR_LEVELS,
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    NON_SKILL_HONOURS,
    SKILL_GRADES,
    TITLE_GRADES,
    HonourCategory,
    HonourLevel,
    IssuerType,
    Relation,
    SciTechRank,
)
from schemas.fields import Level

CHINA = ZoneInfo("Asia/Shanghai")
CredentialKind = Literal["skill_certificate", "professional_title"]


def today_in_china() -> date:
    return datetime.now(CHINA).date()


class Credential(BaseModel):
    """A skill certificate (职业资格/职业技能等级证书) or a professional title (职称)."""

    kind: Annotated[
        CredentialKind, Field(description="类别：skill_certificate 职业技能等级证书，professional_title 职称")
    ]
    grade: Annotated[
        str, Field(description="等级：证书为 technician、senior_technician 等，职称为 senior、full_senior 等")
    ]
    relation: Annotated[
        Relation, Field(description="与参评职业的关系（必填）：相应 corresponding、相关 related、无关 unrelated")
    ]
    obtained_on: Annotated[date, Field(description="取得日期")]

    @field_validator("grade")
    @classmethod
    def _grade_fits_kind(cls, grade: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        grades = SKILL_GRADES if kind == "skill_certificate" else TITLE_GRADES if kind == "professional_title" else None
        if grades is not None and grade not in grades:
            options = "、".join(f"{code}（{name}）" for code, name in grades.items())
            raise rule_error("grade_kind_mismatch", f"等级与类别不符，应为 {options} 之一")
        return grade


class WorkPeriod(BaseModel):
    """A stretch of work; `end` empty means still working there."""

    start: Annotated[date, Field(description="开始日期")]
    end: Annotated[date | None, Field(description="结束日期，在职则留空")] = None
    relation: Annotated[
        Relation, Field(description="与参评职业的关系（必填）：本职业 corresponding、相关职业 related、无关 unrelated")
    ]

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if end is not None and start is not None and end < start:
            raise rule_error("work_period_order", "结束日期不能早于开始日期")
        return end


class Honour(BaseModel):
    """An honour or award; some categories fix their level, some carry a rank or issuer type."""

    category: Annotated[HonourCategory, Field(description="荣誉类别")]
    level: Annotated[
        HonourLevel | None, Field(description="级别：县级、地级以上市、省级、国家级、国际", validate_default=True)
    ] = None
    name: Annotated[str | None, Field(max_length=200, description="荣誉名称，如“广州市技术能手”")] = None
    granted_on: Annotated[date, Field(description="获得日期")]
    rank: Annotated[SciTechRank | None, Field(description="国家科学技术奖的奖励等级", validate_default=True)] = None
    issuer_type: Annotated[
        IssuerType | None, Field(description="突出贡献奖励的授予单位类型", validate_default=True)
    ] = None

    @field_validator("level")
    @classmethod
    def _level_fits_category(cls, level: str | None, info: ValidationInfo) -> str | None:
        category = info.data.get("category")
        if category is None:
            return level
        fixed = FIXED_HONOUR_LEVELS.get(category)
        if fixed is not None:
            if level not in (None, fixed):
                raise rule_error(
                    "honour_level_fixed",
                    f"“{HONOUR_CATEGORIES[category]}”的级别只能是{HONOUR_LEVELS[fixed]}，请改正或留空",
                )
            return fixed
        if level is None and category not in NON_SKILL_HONOURS:
            raise rule_error("honour_level_required", "请填写荣誉级别（县级、地级以上市、省级、国家级或国际）")
        return level

    @field_validator("rank")
    @classmethod
    def _rank_only_for_sci_tech(cls, rank: str | None, info: ValidationInfo) -> str | None:
        return _required_only_for(rank, info, "national_sci_tech_award", "奖励等级（特等奖、一等奖、二等奖或三等奖）")

    @field_validator("issuer_type")
    @classmethod
    def _issuer_only_for_contribution(cls, issuer: str | None, info: ValidationInfo) -> str | None:
        return _required_only_for(
            issuer, info, "enterprise_contribution_award", "授予单位类型（中央企业或世界500强企业）"
        )


def _required_only_for(value: str | None, info: ValidationInfo, category: str, what: str) -> str | None:
    given = info.data.get("category")
    if given is None:
        return value
    if given == category and value is None:
        raise rule_error("honour_detail_required", f"“{HONOUR_CATEGORIES[category]}”须填写{what}")
    if given != category and value is not None:
        raise rule_error("honour_detail_unexpected", f"只有“{HONOUR_CATEGORIES[category]}”填写{what}，请留空")
    return value


class EligibilityRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"title": "参评条件自查"})

    level: Annotated[Level, Field(description="参评级别：T 特级技师，S 首席技师")]
    as_of: Annotated[date, Field(default_factory=today_in_china, description="评价日期，默认今天（北京时间）")]
    credentials: Annotated[list[Credential], Field(max_length=50, description="证书与职称")] = []
    work_periods: Annotated[list[WorkPeriod], Field(max_length=100, description="工作经历")] = []
    honours: Annotated[list[Honour], Field(max_length=50, description="荣誉与奖励")] = []


class PathResult(BaseModel):
    id: Annotated[str, Field(description="条件编号：T1–T3、S1–S3、S_HONOUR、DIRECT")]
    title: Annotated[str, Field(description="条件的简称")]
    met: bool
    detail: Annotated[str, Field(description="是否满足及原因，可据此行动")]
    met_on: Annotated[date | None, Field(description="仅因工作年限不足时，预计满足的日期")] = None


class EligibilityVerdict(BaseModel):
    level: Level
    as_of: date
    eligible: bool
    basis: Annotated[list[str], Field(description="使其符合条件的已满足条件编号（升序）")]
    needs_review: Annotated[
        bool,
        Field(
            description="所依据的荣誉须由审核人员核实时为 true：“其他”类荣誉，或首席技师前提中通知未列举的省级以上荣誉"
        ),
    ]
    eligible_on: Annotated[date | None, Field(description="仅因工作年限不足而不符合时，预计符合的最早日期")]
    paths: list[PathResult]
    prerequisites: list[PathResult]

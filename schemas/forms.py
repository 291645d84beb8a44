"""The enterprise and staff forms of API.md: filing, plan, report, upload, decision, debarment.

Each rule that needs only the form itself lives here; rules that need another record (the plan a report
cites, the clock) live in `schemas.rules`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from schemas._errors import rule_error
from schemas.campaigns import MAX_PHASES, YEAR_PATTERN
from schemas.eligibility import Credential, Honour, WorkPeriod, add_years
from schemas.enterprise import (
    CATEGORY_NAMES,
    EnterpriseCategory,
    ExistingInstitution,
    categories_for,
    levels_allowed,
    with_implied,
)
from schemas.fields import (
    LEVEL_NAMES,
    CityCode,
    EmailAddress,
    IdNumber,
    Level,
    OccupationCode,
    SkillOccupationCode,
    Uscc,
    check_id_number,
    check_uscc,
)
from schemas.reference import occupations
from schemas.workdays import PUBLIC_NOTICE_MIN_WORKDAYS, workdays_between

DEBARMENT_YEARS = 5  # §七(四): 五年内不得申请或参与
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # [choice]
UPLOAD_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}
# What each uploaded file is, as reviewers and enterprises see it (the report's `materials[].type`, and the plan's
# work plan document). A type outside this list is shown as 其他材料.
MATERIAL_TYPES: dict[str, str] = {
    "public_notice": "公示材料",
    "review_record": "评审过程记录",
    "roster": "人员名单（盖章版）",
    "other": "其他材料",
}
FILE_TYPES: dict[str, str] = {"plan_document": "评价工作方案", **MATERIAL_TYPES}
Status = Literal["submitted", "city_review", "province_review", "approved", "returned", "rejected"]
STATUS_NAMES: dict[str, str] = {
    "submitted": "已提交",
    "city_review": "地市审核中",
    "province_review": "省级审核中",
    "approved": "已通过",
    "returned": "已退回修改",
    "rejected": "未通过",
}
PHONE_PATTERN = r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$"


class _Form(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)


class _Submission(_Form):
    """A form an enterprise submits: it may name the draft it was typed in, deleted once the record is stored."""

    draft_id: Annotated[
        str | None, Field(max_length=64, exclude=True, description="由草稿提交时的草稿编号，提交成功后删除该草稿")
    ] = None


# ---- filing (备案) ----------------------------------------------------------------------------------------


class Enterprise(_Form):
    name: Annotated[str, Field(min_length=2, max_length=100, description="企业名称")]
    uscc: Uscc
    city: CityCode
    address: Annotated[str, Field(min_length=2, max_length=200, description="地址")]
    categories: Annotated[list[EnterpriseCategory], Field(min_length=1, description="企业类别，可多选")]

    @field_validator("categories")
    @classmethod
    def _categories_implied(cls, categories: list[str]) -> list[str]:
        return with_implied(categories)


class Contact(_Form):
    name: Annotated[str, Field(min_length=1, max_length=50, description="联系人")]
    phone: Annotated[str, Field(pattern=PHONE_PATTERN, description="手机号或带区号的固定电话")]
    email: Annotated[EmailAddress, Field(description="电子邮箱，用于接收审核通知")]


class OccupationRef(_Form):
    code: SkillOccupationCode
    name: Annotated[str | None, Field(description="职业名称（以大典为准，可不填）", validate_default=True)] = None

    @field_validator("name")
    @classmethod
    def _catalogue_name(cls, name: str | None, info: ValidationInfo) -> str | None:
        code = info.data.get("code")
        return occupations()[code].name if code else name


class FilingRequest(_Submission):
    enterprise: Enterprise
    contact: Contact
    levels: Annotated[
        list[Level], Field(min_length=1, max_length=2, description="申请备案级别：T 特级技师，S 首席技师")
    ]
    occupations: Annotated[list[OccupationRef], Field(min_length=1, max_length=300, description="备案职业（工种）范围")]
    existing_institution: Annotated[
        ExistingInstitution | None,
        Field(
            description="已备案为职业技能等级认定评价机构的企业：现有机构代码与序列号（无则留空，审核通过后分配序列号）"
        ),
    ] = None

    @field_validator("levels")
    @classmethod
    def _levels_allowed(cls, levels: list[str], info: ValidationInfo) -> list[str]:
        enterprise = info.data.get("enterprise")
        refusal = level_refusal(levels, enterprise.categories) if enterprise is not None else None
        if refusal:
            raise rule_error("level_not_allowed", refusal)
        return list(dict.fromkeys(levels))

    @field_validator("occupations")
    @classmethod
    def _unique_occupations(cls, items: list[OccupationRef]) -> list[OccupationRef]:
        return _unique_by_code(items)


def level_refusal(levels: Sequence[str], categories: Sequence[str]) -> str | None:
    """Why the enterprise's categories do not allow one of the levels (§二(一)), or None."""
    allowed = levels_allowed(list(categories))
    for level in levels:
        if level not in allowed:
            names = "、".join(CATEGORY_NAMES[c] for c in categories_for(level))
            return f"{LEVEL_NAMES[level]}（{level}级）只能由{names}备案，请核对企业类别或取消该级别"
    return None


def _unique_by_code(items: list[OccupationRef]) -> list[OccupationRef]:
    seen: set[str] = set()
    for item in items:
        if item.code in seen:
            raise rule_error("occupation_duplicate", f"职业 {item.code} 重复填写")
        seen.add(item.code)
    return items


# ---- evaluation plan (评价计划) -----------------------------------------------------------------------------


class PlanRequest(_Submission):
    filing_id: Annotated[str, Field(min_length=1, max_length=64, description="已通过的备案编号")]
    campaign: Annotated[str, Field(pattern=YEAR_PATTERN, description="评聘年度，如当前年度")]
    phase: Annotated[int, Field(ge=1, le=MAX_PHASES, description="期次")]
    level: Level
    occupations: Annotated[
        list[OccupationCode], Field(min_length=1, max_length=300, description="评价职业（工种）编码")
    ]
    planned_count: Annotated[int, Field(ge=1, le=10000, description="计划评价人数")]
    review_date: Annotated[date, Field(description="评审日期，须在该期时间范围内，且不早于提交当天")]
    method: Annotated[str, Field(min_length=1, max_length=500, description="评审方式")]
    plan_document: Annotated[
        str, Field(min_length=1, max_length=300, description="企业评聘工作方案（已上传文件的 key）")
    ]

    @field_validator("occupations")
    @classmethod
    def _unique(cls, codes: list[str]) -> list[str]:
        if len(set(codes)) != len(codes):
            raise rule_error("occupation_duplicate", "评价职业重复填写")
        return codes


# ---- results report (评价结果报备) -------------------------------------------------------------------------


def notice_end_checked(end: date, info: ValidationInfo) -> date:
    """A notice's end: at least PUBLIC_NOTICE_MIN_WORKDAYS working days from its start (§五(一)4)."""
    start = info.data.get("start")
    if start is None:
        return end
    days = workdays_between(start, end)
    if days < PUBLIC_NOTICE_MIN_WORKDAYS:
        raise rule_error(
            "public_notice_too_short",
            f"公示期不少于 {PUBLIC_NOTICE_MIN_WORKDAYS} 个工作日，{start.isoformat()} 至 {end.isoformat()} "
            f"只有 {days} 个工作日",
        )
    return end


class PublicNotice(_Form):
    start: Annotated[date, Field(description="公示开始日期")]
    end: Annotated[date, Field(description="公示结束日期")]
    objections: Annotated[int, Field(ge=0, description="未处理完的异议数，须为 0")] = 0

    @field_validator("end")
    @classmethod
    def _five_workdays(cls, end: date, info: ValidationInfo) -> date:
        return notice_end_checked(end, info)

    @field_validator("objections")
    @classmethod
    def _no_objections(cls, objections: int) -> int:
        if objections:
            raise rule_error("public_notice_objections", "公示期间的异议须处理完毕（异议数为 0）后才能报备")
        return objections


class Evaluation(_Form):
    score: Annotated[float | None, Field(ge=0, le=100, description="评审成绩")] = None
    passed: Annotated[bool, Field(description="是否通过评审")]

    @field_validator("passed")
    @classmethod
    def _must_pass(cls, passed: bool) -> bool:
        if not passed:
            raise rule_error("candidate_not_passed", "只报备通过评审的人员，请删除未通过的人员")
        return passed


class Candidate(_Form):
    name: Annotated[str, Field(min_length=1, max_length=50, description="姓名")]
    id_number: IdNumber
    occupation: OccupationCode
    level: Level
    credentials: Annotated[list[Credential], Field(max_length=50)] = []
    work_periods: Annotated[list[WorkPeriod], Field(max_length=100)] = []
    honours: Annotated[list[Honour], Field(max_length=50)] = []
    evaluation: Evaluation


class Material(_Form):
    type: Annotated[str, Field(min_length=1, max_length=50, description="材料类型，如 public_notice、review_record")]
    key: Annotated[str, Field(min_length=1, max_length=300, description="已上传文件的 key")]


class ReportRequest(_Submission):
    plan_id: Annotated[str, Field(min_length=1, max_length=64, description="已通过的评价计划编号")]
    public_notice: PublicNotice
    candidates: Annotated[list[Candidate], Field(min_length=1, max_length=2000, description="通过评审的人员名单")]
    materials: Annotated[list[Material], Field(min_length=1, max_length=200, description="上报材料")]

    @field_validator("candidates")
    @classmethod
    def _id_once(cls, candidates: list[Candidate]) -> list[Candidate]:
        first: dict[str, int] = {}
        for index, candidate in enumerate(candidates):
            if candidate.id_number in first:
                raise rule_error(
                    "id_number_duplicate",
                    f"第 {index + 1} 位人员的身份证号码与第 {first[candidate.id_number] + 1} 位重复，每人只能报备一次",
                )
            first[candidate.id_number] = index
        return candidates


# ---- resubmissions (PUT): the same form plus the version that was read ------------------------------------

_VERSION = Annotated[int, Field(ge=1, description="所修改的版本号（读取记录时的 version）")]


class FilingResubmission(FilingRequest):
    version: _VERSION


class PlanResubmission(PlanRequest):
    version: _VERSION


class ReportResubmission(ReportRequest):
    version: _VERSION


# ---- uploads, decisions, debarments -----------------------------------------------------------------------


class UploadRequest(_Form):
    purpose: Literal["plan_document", "material", "roster"]
    filename: Annotated[str, Field(min_length=1, max_length=200, description="文件名")]
    content_type: Annotated[str, Field(description="文件类型：PDF、JPEG、PNG 或 XLSX")]
    size: Annotated[int, Field(ge=1, description="文件大小（字节），不超过 20 MB")]
    sha256: Annotated[str, Field(description="文件的 SHA-256 摘要（64 位十六进制）")]

    @field_validator("content_type")
    @classmethod
    def _type_allowed(cls, content_type: str) -> str:
        if content_type.lower() not in UPLOAD_TYPES:
            raise rule_error("upload_type", "只能上传 PDF、JPEG、PNG 或 XLSX 文件")
        return content_type.lower()

    @field_validator("size")
    @classmethod
    def _size_allowed(cls, size: int) -> int:
        if size > MAX_UPLOAD_BYTES:
            raise rule_error("upload_too_large", "单个文件不能超过 20 MB")
        return size

    @field_validator("sha256")
    @classmethod
    def _hex_digest(cls, digest: str) -> str:
        digest = digest.lower()
        if len(digest) != 64 or any(ch not in "0123456789abcdef" for ch in digest):
            raise rule_error("upload_checksum_format", "SHA-256 摘要应为 64 位十六进制字符")
        return digest


class UploadAnswer(BaseModel):
    key: str
    url: str
    fields: dict[str, str]
    expires_at: datetime


class DecisionRequest(_Form):
    decision: Annotated[Literal["approve", "return", "reject"], Field(description="通过、退回修改或不通过")]
    # validate_default: an absent comment is judged too (blank ones arrive stripped to "").
    comment: Annotated[
        str, Field(max_length=2000, description="审核意见；退回修改或不通过时必填", validate_default=True)
    ] = ""
    version: Annotated[int, Field(ge=1, description="所审核的版本号")]

    @field_validator("comment")
    @classmethod
    def _comment_when_not_approving(cls, comment: str, info: ValidationInfo) -> str:
        """§五(二)2: a return or a rejection says why, so the enterprise knows what to correct."""
        if info.data.get("decision") in ("return", "reject") and not comment:
            raise rule_error("comment_required", "退回修改或不通过时请填写审核意见，说明原因")
        return comment


class DebarmentRequest(_Form):
    subject_type: Literal["person", "enterprise"]
    subject_id: Annotated[str, Field(description="身份证号码（个人）或统一社会信用代码（企业）")]
    subject_name: Annotated[str, Field(min_length=1, max_length=100, description="姓名（个人）或企业名称")]
    reason: Annotated[str, Field(min_length=2, max_length=2000, description="原因")]
    decided_on: Annotated[date, Field(description="决定日期")]
    campaign: Annotated[str | None, Field(description="取消其评聘结果的年度，默认为决定日期所在年度", max_length=8)] = (
        None
    )
    record_id: Annotated[
        str | None,
        Field(max_length=64, description="发现问题的备案、评价计划或评价结果编号（地市审核人员登记个人时必填）"),
    ] = None

    @field_validator("subject_id")
    @classmethod
    def _identifier(cls, subject_id: str, info: ValidationInfo) -> str:
        value = subject_id.strip().upper()
        return check_uscc(value) if info.data.get("subject_type") == "enterprise" else check_id_number(value)

    @property
    def until(self) -> date:
        return add_years(self.decided_on, DEBARMENT_YEARS)

    @property
    def cancelled_campaign(self) -> str:
        """§七(四) 取消其参加本年度评审资格: the campaign whose results the finding cancels."""
        return self.campaign or str(self.decided_on.year)


class CreatedAnswer(BaseModel):
    id: str
    status: Status
    version: int


__all__ = [
    "FILE_TYPES",
    "MATERIAL_TYPES",
    "Candidate",
    "Contact",
    "CreatedAnswer",
    "DebarmentRequest",
    "DecisionRequest",
    "Enterprise",
    "Evaluation",
    "FilingRequest",
    "FilingResubmission",
    "Material",
    "OccupationRef",
    "PlanRequest",
    "PlanResubmission",
    "PublicNotice",
    "ReportRequest",
    "ReportResubmission",
    "UploadAnswer",
    "UploadRequest",
]

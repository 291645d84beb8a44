"""What the province publishes and records (§五(二)2②, §五(二)3, §六(二)), and what a certificate's status means.

- A certificate is `allocated` at final approval, `issued` once the province records that the national centre
  confirmed its data (§五(一)5: the enterprise issues it only "在技能人才评价工作网可查询后"), `revoked` after a
  fraud finding (§七(四)). The public check answers "valid" only for `issued`.
- The S shortlist's public notice lasts at least 5 working days; an S report's final approval waits for its end.
- An announcement takes a campaign's finally approved reports batch by batch (2025: 第一批, 第二批).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from schemas._errors import rule_error
from schemas.certificates import CertificateNumber
from schemas.forms import notice_end_checked
from schemas.workdays import PUBLIC_NOTICE_MIN_WORKDAYS, workdays_between

CertificateStatus = Literal["allocated", "issued", "revoked"]
CERTIFICATE_STATUS_NAMES: dict[str, str] = {
    "allocated": "已赋码，待全国确认",
    "issued": "有效",
    "revoked": "已撤销",
}
PublicStatus = Literal["valid", "pending", "revoked"]
PUBLIC_STATUS: dict[str, PublicStatus] = {"issued": "valid", "allocated": "pending", "revoked": "revoked"}
BATCH_NAMES = "一二三四五六七八九十"
MAX_BATCH = 20
RecordIds = Annotated[list[Annotated[str, Field(min_length=1, max_length=64)]], Field(max_length=500)]


def batch_name(batch: int) -> str:
    """第一批, 第二批, …, 第十一批."""
    if batch <= 10:
        return f"第{BATCH_NAMES[batch - 1]}批"
    tens, units = divmod(batch, 10)
    return f"第{'' if tens == 1 else BATCH_NAMES[tens - 1]}十{BATCH_NAMES[units - 1] if units else ''}批"


def certificate_status(stored: str | None, confirmed: bool) -> CertificateStatus:
    """A certificate item's status; a report confirmed nationally issues every certificate not revoked."""
    if stored == "revoked":
        return "revoked"
    return "issued" if confirmed or stored == "issued" else "allocated"


class _Form(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)


# Whether the year exists is the services' question (administered campaigns: `functions.services.campaigns`).
Campaign = Annotated[str, Field(pattern=r"^\d{4}$", description="评聘年度，如 2025")]
Batch = Annotated[int, Field(ge=1, le=MAX_BATCH, description="批次：1 为第一批")]


class ConfirmationRequest(_Form):
    """§五(二)3: the province records that the national centre confirmed the certificate data of a batch."""

    campaign: Campaign
    batch: Batch
    report_ids: Annotated[
        RecordIds | None, Field(description="确认的评价结果编号；省略时为该年度已通过、尚未确认的全部评价结果")
    ] = None
    confirmed_on: Annotated[date | None, Field(description="全国系统确认日期，默认今天")] = None

    @field_validator("report_ids")
    @classmethod
    def _distinct(cls, ids: list[str] | None) -> list[str] | None:
        if ids is not None and not ids:
            raise rule_error("report_ids_empty", "请至少选择一份评价结果，或省略 report_ids 确认整个年度")
        return list(dict.fromkeys(ids)) if ids else ids


class NoticeRequest(_Form):
    """§五(二)2②: the S shortlist put to public notice on the province's website before final approval."""

    campaign: Campaign
    # [choice] up to 90 reports per notice: they are marked in one DynamoDB transaction (100 items at most)
    report_ids: Annotated[RecordIds, Field(min_length=1, max_length=90, description="列入公示的首席技师评价结果编号")]
    start: Annotated[date, Field(description="公示开始日期（含）")]
    end: Annotated[date, Field(description="公示结束日期（含）")]

    @field_validator("report_ids")
    @classmethod
    def _distinct(cls, ids: list[str]) -> list[str]:
        return list(dict.fromkeys(ids))

    @field_validator("end")
    @classmethod
    def _five_workdays(cls, end: date, info: ValidationInfo) -> date:
        return notice_end_checked(end, info)


class AnnouncementRequest(_Form):
    """§六(二): announce the enterprises and the certified people of a campaign, batch by batch."""

    campaign: Campaign
    batch: Batch


class StaffNoticeRequest(_Form):
    """The enterprise's internal notice: the window from a chosen start, at least 5 working days."""

    start: Annotated[date, Field(description="公示开始日期")]
    end: Annotated[date | None, Field(description="公示结束日期；省略时取满 5 个工作日的那一天")] = None
    contact: Annotated[str, Field(min_length=2, max_length=100, description="异议受理部门及联系方式")]

    @model_validator(mode="after")
    def _window(self) -> StaffNoticeRequest:
        if self.end is None:
            self.end = notice_end(self.start)
        elif (days := workdays_between(self.start, self.end)) < PUBLIC_NOTICE_MIN_WORKDAYS:
            raise rule_error(
                "public_notice_too_short",
                f"公示期不少于 {PUBLIC_NOTICE_MIN_WORKDAYS} 个工作日，{self.start.isoformat()} 至 "
                f"{self.end.isoformat()} 只有 {days} 个工作日",
            )
        return self


def notice_end(start: date, workdays: int = PUBLIC_NOTICE_MIN_WORKDAYS) -> date:
    """The first day on which a notice begun on `start` has lasted `workdays` working days (both inclusive)."""
    from datetime import timedelta

    end = start
    for _ in range(60):
        if workdays_between(start, end) >= workdays:
            return end
        end += timedelta(days=1)
    raise rule_error("calendar_year_unsupported", "暂无该年份的法定节假日安排，无法计算工作日，请选择其他日期")


class VerificationAnswer(BaseModel):
    """The public certificate check: never an ID number; a wrong name answers like an unknown number."""

    found: bool
    status: PublicStatus | None = None
    status_name: str | None = None
    number: str | None = None
    name: str | None = None
    level: str | None = None
    occupation: str | None = None
    enterprise: str | None = None
    campaign: str | None = None
    issued_on: date | None = None


__all__ = [
    "CERTIFICATE_STATUS_NAMES",
    "PUBLIC_STATUS",
    "AnnouncementRequest",
    "CertificateNumber",
    "CertificateStatus",
    "ConfirmationRequest",
    "NoticeRequest",
    "StaffNoticeRequest",
    "VerificationAnswer",
    "batch_name",
    "certificate_status",
    "notice_end",
]

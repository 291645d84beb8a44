"""Status-change notifications: the queue message the services send, and the Chinese email it becomes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from schemas.fields import EmailAddress
from schemas.forms import STATUS_NAMES, Status
from schemas.reference import PROVINCIAL_CENTRE, PROVINCIAL_CENTRE_PHONE

CHINA = ZoneInfo("Asia/Shanghai")
RecordKind = Literal["filing", "plan", "report"]
RECORD_NAMES: dict[str, str] = {"filing": "评价机构备案", "plan": "评价计划", "report": "评价结果报备"}
SUBJECT_PREFIX = "【广东省特级技师、首席技师评聘】"

# What the enterprise should do next, by the status it has just reached.
NEXT_STEP: dict[str, str] = {
    "submitted": "我们已收到，将按程序审核，审核结果会另行通知。",
    "city_review": "已进入地市人力资源社会保障部门审核，请留意后续通知。",
    "province_review": "已进入省级审核，请留意后续通知。",
    "approved": "审核已通过，可登录系统查看并继续后续工作。",
    "returned": "请登录系统查看审核意见，修改后重新提交。",
    "rejected": "如有疑问，请联系所属地市人力资源社会保障部门。",
}


class Notification(BaseModel):
    """One status change of one record, queued for the mail function (SQS body, JSON)."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    record_kind: Annotated[RecordKind, Field(description="记录类型：filing 备案、plan 评价计划、report 结果报备")]
    record_id: Annotated[str, Field(min_length=1, max_length=64, description="记录编号")]
    enterprise_name: Annotated[str, Field(min_length=1, max_length=100, description="企业名称")]
    contact_email: Annotated[EmailAddress, Field(description="联系人邮箱")]
    status: Annotated[Status, Field(description="新状态")]
    version: Annotated[int, Field(ge=1, description="版本号")]
    comment: Annotated[str, Field(max_length=2000, description="审核意见")] = ""
    occurred_at: Annotated[AwareDatetime, Field(description="状态变化的时间（带时区）")]


@dataclass(frozen=True, slots=True)
class Email:
    subject: str
    body: str


def notification_email(message: Notification) -> Email:
    """The plain-text Chinese email for one status change: the record, its new status, the comment, what next."""
    kind = RECORD_NAMES[message.record_kind]
    status = STATUS_NAMES[message.status]
    lines = [
        f"{message.enterprise_name}：",
        "",
        f"贵单位的{kind}（编号 {message.record_id}，第 {message.version} 版）状态已更新为：{status}。",
    ]
    if message.comment:
        lines.append(f"审核意见：{message.comment}")
    lines += [
        f"更新时间：{_beijing(message.occurred_at)}（北京时间）",
        "",
        NEXT_STEP[message.status],
        "",
        f"咨询电话：{PROVINCIAL_CENTRE} {PROVINCIAL_CENTRE_PHONE}",
        "此邮件由系统自动发送，请勿直接回复。",
        PROVINCIAL_CENTRE,
    ]
    subject = f"{SUBJECT_PREFIX}{kind}{message.record_id}{status}"
    return Email(subject=subject, body="\n".join(lines))


def _beijing(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


__all__ = ["RECORD_NAMES", "Email", "Notification", "RecordKind", "notification_email"]

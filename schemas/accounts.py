"""Accounts the system administers (Cognito users) and enterprises' requests for one: the forms and who may.

Who may create or change an account: an administrator any account; a city reviewer only enterprise accounts
of its own city. Who decides a request: the reviewers of the request's city, and administrators.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from schemas._errors import rule_error
from schemas.fields import CityCode, EmailAddress, Uscc
from schemas.forms import Contact

AccountRole = Literal["enterprise", "city_reviewer", "province_reviewer", "admin"]
ROLE_NAMES: dict[str, str] = {
    "enterprise": "企业用户",
    "city_reviewer": "地市审核人员",
    "province_reviewer": "省级审核人员",
    "admin": "管理员",
}


class _Form(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")


class AccountRequest(_Form):
    """POST /api/accounts: an enterprise needs its USCC (its city optional), a city reviewer its city."""

    role: Annotated[AccountRole, Field(description="角色")]
    email: Annotated[EmailAddress, Field(description="登录邮箱，Cognito 向其发送邀请邮件")]
    name: Annotated[str, Field(min_length=1, max_length=50, description="姓名")]
    uscc: Annotated[Uscc | None, Field(validate_default=True)] = None
    city: Annotated[CityCode | None, Field(validate_default=True)] = None

    @field_validator("uscc")
    @classmethod
    def _enterprise_has_uscc(cls, uscc: str | None, info: ValidationInfo) -> str | None:
        role = info.data.get("role")
        if role == "enterprise" and not uscc:
            raise rule_error("uscc_required", "企业账号须填写统一社会信用代码")
        if role not in (None, "enterprise") and uscc:
            raise rule_error("uscc_not_allowed", "只有企业账号填写统一社会信用代码")
        return uscc

    @field_validator("city")
    @classmethod
    def _reviewer_has_city(cls, city: str | None, info: ValidationInfo) -> str | None:
        role = info.data.get("role")
        if role == "city_reviewer" and not city:
            raise rule_error("city_required", "地市审核人员账号须选择所属地市")
        if role in ("province_reviewer", "admin") and city:
            raise rule_error("city_not_allowed", "省级审核人员和管理员账号不属于某个地市")
        return city


class AccountRequestForm(_Form):
    """POST /api/public/account-requests: an enterprise without an account asks its city for one."""

    uscc: Uscc
    enterprise_name: Annotated[str, Field(min_length=2, max_length=100, description="企业名称")]
    city: CityCode
    contact: Contact


class AccountRequestDecision(_Form):
    decision: Annotated[Literal["approve", "reject"], Field(description="决定")]
    reason: Annotated[str, Field(max_length=500, description="理由（不予开通时必填）", validate_default=True)] = ""

    @field_validator("reason")
    @classmethod
    def _reject_says_why(cls, reason: str, info: ValidationInfo) -> str:
        if info.data.get("decision") == "reject" and len(reason.strip()) < 2:
            raise rule_error("reason_required", "不予开通时须填写理由")
        return reason


def may_administer(actor_role: str, actor_city: str | None, role: str, city: str | None) -> bool:
    """Whether someone (role, city) may create, disable or enable an account of `role` in `city`."""
    if actor_role == "admin":
        return True
    return actor_role == "city_reviewer" and role == "enterprise" and city is not None and city == actor_city


def may_decide(actor_role: str, actor_city: str | None, request_city: str) -> bool:
    return actor_role == "admin" or (actor_role == "city_reviewer" and actor_city == request_city)


__all__ = [
    "ROLE_NAMES",
    "AccountRequest",
    "AccountRequestDecision",
    "AccountRequestForm",
    "AccountRole",
    "may_administer",
    "may_decide",
]

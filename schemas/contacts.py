"""City contacts (附件2): each city's evaluation guidance institution, its phone(s) and address, administered.

Unset fields stay empty and pages show 待公布: never an invented number.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas._errors import rule_error

# A mainland phone as published: a landline with its area code (020-83189554, extension allowed) or a mobile.
CONTACT_PHONE_PATTERN = r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$"
MAX_PHONES = 5


class CityContactRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"title": "地市职业技能评价指导机构联系方式"})

    institution: Annotated[str, Field(max_length=100, description="职业技能评价指导机构名称；空即待公布")] = ""
    phones: Annotated[
        list[Annotated[str, Field(pattern=CONTACT_PHONE_PATTERN)]],
        Field(max_length=MAX_PHONES, description="咨询电话（带区号的固定电话或手机号）；空即待公布"),
    ] = []
    address: Annotated[str, Field(max_length=200, description="地址；空即待公布")] = ""

    @field_validator("institution", "address", mode="before")
    @classmethod
    def _stripped(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("phones", mode="before")
    @classmethod
    def _phones_stripped(cls, value: object) -> object:
        if isinstance(value, list):
            return [v.strip().replace(" ", "") if isinstance(v, str) else v for v in value]
        return value

    @field_validator("phones")
    @classmethod
    def _unique(cls, phones: list[str]) -> list[str]:
        if len(set(phones)) != len(phones):
            raise rule_error("phone_duplicate", "咨询电话重复填写")
        return phones

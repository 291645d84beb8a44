"""Reusable field types: identifiers checked with python-stdnum, codes checked against the reference data."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field
from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidLength, ValidationError

from schemas._errors import rule_error
from schemas._idnumber import id_number_problem
from schemas.reference import cities, occupations

Level = Literal["T", "S"]
LEVEL_NAMES: dict[str, str] = {"T": "特级技师", "S": "首席技师"}


def _upper_stripped(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


def check_uscc(value: str) -> str:
    try:
        return str(uscc.validate(value))
    except InvalidChecksum as exc:
        raise rule_error("uscc_checksum", "统一社会信用代码校验位错误，请核对营业执照") from exc
    except InvalidLength as exc:
        raise rule_error("uscc_length", "统一社会信用代码应为 18 位") from exc
    except ValidationError as exc:
        raise rule_error("uscc_format", "统一社会信用代码格式不正确，请按营业执照填写 18 位代码") from exc


def check_id_number(value: str) -> str:
    """An 18-character resident ID number: length, digits, check digit, birth date, region (see `_idnumber`)."""
    # stdnum's compact maps Unicode look-alikes (full-width digits, dashes) to ASCII, a character at a time: a
    # number typed in plain ASCII letters and digits (nearly every one; 2,000 in a report) only needs upper().
    number = value.upper() if value.isascii() and value.isalnum() else ric.compact(value)
    problem = id_number_problem(number)
    if problem is None:
        return number
    if problem == "region_abolished":
        raise rule_error(
            "id_number_region",
            f"身份证号码前 6 位的地区代码 {number[:6]} 在出生年份 {number[6:10]} 年之前已撤销，请核对",
        )
    error_type, message = _ID_PROBLEMS[problem]
    raise rule_error(error_type, message)


_ID_PROBLEMS: dict[str, tuple[str, str]] = {
    "length": ("id_number_length", "居民身份证号码应为 18 位"),
    "format": ("id_number_format", "身份证号码格式不正确，应为 17 位数字加 1 位数字或 X"),
    "checksum": ("id_number_checksum", "身份证号码校验位错误"),
    "birth_date": ("id_number_birth_date", "身份证号码中的出生日期无效"),
    "region_unknown": ("id_number_region", "身份证号码前 6 位的地区代码无效，请核对"),
}


def check_email(value: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        return str(validate_email(value, check_deliverability=False).normalized)
    except EmailNotValidError as exc:
        raise rule_error("email_invalid", "电子邮箱格式不正确，请填写如 hr@example.com.cn 的地址") from exc


def _check_city(value: str) -> str:
    if value not in cities():
        raise rule_error(
            "city_unknown", "地市代码无效，应为广东省 21 个地级以上市的行政区划代码之一（如广州市 440100）"
        )
    return value


def _check_occupation(value: str) -> str:
    if value not in occupations():
        raise rule_error(
            "occupation_unknown", "职业编码不在《中华人民共和国职业分类大典（2022年版）》细类中，格式如 6-18-01-01"
        )
    return value


def _check_skill_occupation(value: str) -> str:
    occupation = occupations()[_check_occupation(value)]
    if not occupation.skill:
        raise rule_error(
            "occupation_not_skill",
            f"“{occupation.name}”不是技能类职业：只能选择大典第四、五、六大类中的职业",
        )
    return value


Uscc = Annotated[
    str,
    BeforeValidator(_upper_stripped),
    AfterValidator(check_uscc),
    Field(description="统一社会信用代码（18 位，GB 32100）", examples=["91440101MA59CDX462"]),
]
IdNumber = Annotated[
    str,
    BeforeValidator(_upper_stripped),
    AfterValidator(check_id_number),
    Field(description="居民身份证号码（18 位）"),
]
CityCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v),
    AfterValidator(_check_city),
    Field(description="地市行政区划代码（6 位）", examples=["440100"]),
]
OccupationCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v),
    AfterValidator(_check_occupation),
    Field(description="职业（工种）编码，大典 2022 细类", examples=["6-18-01-01"]),
]
SkillOccupationCode = Annotated[
    str,
    BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v),
    AfterValidator(_check_skill_occupation),
    Field(description="技能类职业（工种）编码，大典 2022 第四至六大类细类", examples=["6-18-01-01"]),
]
EmailAddress = Annotated[
    str,
    BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v),
    AfterValidator(check_email),
    Field(max_length=200, description="电子邮箱"),
]

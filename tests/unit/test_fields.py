"""Field types (USCC, ID numbers, city and occupation codes) and the Chinese error messages of schemas._errors."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from stdnum.cn import ric

from schemas._errors import field_path, rule_error, zh_message
from schemas.fields import CityCode, IdNumber, OccupationCode, SkillOccupationCode, Uscc


def with_check_digit(first17: str) -> str:
    """A resident ID number completed with its GB 11643 check digit (stdnum wants a placeholder 18th char)."""
    return first17 + ric.calc_check_digit(first17 + "0")


def error_of(field_type: Any, value: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(field_type).validate_python(value)
    (error,) = caught.value.errors()
    return error


# ---- 统一社会信用代码 ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("91440101MA59CDX462", "91440101MA59CDX462"),
        (" 91440101ma59cdx462 ", "91440101MA59CDX462"),  # pasted with spaces, typed in lower case
        ("91440300MA5FXXXXXM", "91440300MA5FXXXXXM"),  # check digit M from stdnum.cn.uscc.calc_check_digit
        ("91440606MA4UH1234U", "91440606MA4UH1234U"),
    ],
)
def test_valid_uscc_is_normalised(given, stored):
    assert TypeAdapter(Uscc).validate_python(given) == stored


@pytest.mark.parametrize(
    ("given", "error_type"),
    [
        ("91440101MA59CDX463", "uscc_checksum"),  # last character changed
        ("91440101MA59CDX46", "uscc_length"),
        ("91440101MA59CDX4620", "uscc_length"),
        ("9144010IMA59CDX462", "uscc_format"),  # letter I is not in the GB 32100 alphabet
        ("", "uscc_length"),
    ],
)
def test_invalid_uscc_is_refused_with_a_chinese_reason(given, error_type):
    error = error_of(Uscc, given)
    assert error["type"] == error_type
    assert "统一社会信用代码" in error["msg"]


# ---- 居民身份证号码 ------------------------------------------------------------------------------------------

VALID_ID = with_check_digit("44010619850315123")  # 广州市天河区, born 1985-03-15


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (VALID_ID, VALID_ID),
        (with_check_digit("44030520000229002"), with_check_digit("44030520000229002")),  # 29 Feb 2000 existed
        ("44010619850315125x", "44010619850315125X"),  # check digit X typed in lower case
        (f" {VALID_ID} ", VALID_ID),
    ],
)
def test_valid_id_number_is_normalised(given, stored):
    assert stored[-1] == ric.calc_check_digit(stored)
    assert TypeAdapter(IdNumber).validate_python(given) == stored


def wrong_check_digit(number: str) -> str:
    return number[:-1] + ("1" if number[-1] != "1" else "2")


@pytest.mark.parametrize(
    ("given", "error_type"),
    [
        (wrong_check_digit(VALID_ID), "id_number_checksum"),
        (VALID_ID[:-1], "id_number_length"),
        (VALID_ID + "0", "id_number_length"),
        ("44010A198503151235", "id_number_format"),
        # correct check digits, impossible birth dates
        (with_check_digit("44030519900229002"), "id_number_birth_date"),  # 1990 was no leap year
        (with_check_digit("44010619850230123"), "id_number_birth_date"),
        (with_check_digit("44010619851315123"), "id_number_birth_date"),  # month 13
    ],
)
def test_invalid_id_number_is_refused_with_a_chinese_reason(given, error_type):
    error = error_of(IdNumber, given)
    assert error["type"] == error_type
    assert "身份证" in error["msg"]
    # the message never repeats the number itself
    assert given.strip() not in error["msg"]


# ---- codes ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["440100", "440300", "440600", " 440100 "])
def test_real_guangdong_city_codes_are_accepted(code):
    assert TypeAdapter(CityCode).validate_python(code) == code.strip()


@pytest.mark.parametrize("code", ["440000", "110100", "4401", "440106", ""])
def test_other_codes_are_not_cities(code):
    # the province itself, Beijing, a prefix, a district of Guangzhou, nothing
    error = error_of(CityCode, code)
    assert error["type"] == "city_unknown"
    assert "440100" in error["msg"]


@pytest.mark.parametrize("code", ["6-18-01-01", "6-18-01-02", "4-03-01-01", "5-01-01-01", "2-02-07-01"])
def test_catalogue_occupations_are_accepted(code):
    assert TypeAdapter(OccupationCode).validate_python(code) == code


@pytest.mark.parametrize("code", ["6-18-01-99", "6-18-01", "6-18-00-00", "6180101", "车工"])
def test_codes_not_in_the_catalogue_are_unknown(code):
    # an unused number, a 小类, a 中类, the numeric form, a name instead of a code
    for field_type in (OccupationCode, SkillOccupationCode):
        assert error_of(field_type, code)["type"] == "occupation_unknown"


@pytest.mark.parametrize("code", ["6-18-01-01", "4-02-01-02", "5-01-01-02"])
def test_skill_occupations_are_major_groups_4_to_6(code):
    assert TypeAdapter(SkillOccupationCode).validate_python(code) == code


@pytest.mark.parametrize(
    ("code", "name"),
    [("2-02-07-01", "机械设计工程技术人员"), ("1-01-00-01", "中国共产党机关负责人")],
)
def test_other_major_groups_are_not_skill_occupations(code, name):
    error = error_of(SkillOccupationCode, code)
    assert error["type"] == "occupation_not_skill"
    assert name in error["msg"]


# ---- Chinese messages and field paths ------------------------------------------------------------------------


class Sample(BaseModel):
    name: Annotated[str, Field(max_length=4)]
    level: Literal["T", "S"]
    count: Annotated[int, Field(ge=1)]
    day: str = ""


def sample_errors(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    with pytest.raises(ValidationError) as caught:
        Sample.model_validate(body)
    return {field_path(e["loc"]): e for e in caught.value.errors()}


def test_pydantic_errors_read_in_chinese_with_their_limits():
    errors = sample_errors({"name": "广东省技能人才", "level": "X", "count": 0})
    assert zh_message(errors["name"]) == "不能超过 4 个字符"
    assert zh_message(errors["level"]) == "取值无效，应为 'T' 或 'S' 之一"
    assert zh_message(errors["count"]) == "不能小于 1"


def test_missing_and_wrong_type_read_in_chinese():
    errors = sample_errors({"count": "many"})
    assert zh_message(errors["name"]) == "必填项，请填写"
    assert zh_message(errors["count"]) == "应为整数"


def test_rule_errors_keep_their_own_chinese_message():
    rule = rule_error("uscc_checksum", "统一社会信用代码校验位错误")
    error = {"type": rule.type, "msg": rule.message(), "ctx": rule.context}
    assert zh_message(error) == "统一社会信用代码校验位错误"


@pytest.mark.parametrize(
    "error",
    [
        {"type": "some_new_pydantic_type", "msg": "Input should be something else"},
        {"type": "value_error", "msg": "Value error, bad thing", "ctx": {"error": "bad thing"}},
        {"type": "assertion_error", "msg": "Assertion failed, nope", "ctx": {"error": "nope"}},
    ],
)
def test_english_leftovers_become_a_neutral_chinese_sentence(error):
    assert zh_message(error) == "取值无效"


def test_value_error_with_chinese_text_keeps_it():
    error = {"type": "value_error", "msg": "Value error, 日期不对", "ctx": {"error": "Value error, 日期不对"}}
    assert zh_message(error) == "日期不对"


def test_template_without_its_context_still_reads():
    # a built-in type whose ctx lacks the placeholder: the text before it, never a KeyError
    assert zh_message({"type": "string_too_long", "msg": "String should have at most 4 characters"}) == "不能超过"


@pytest.mark.parametrize(
    ("loc", "skip_sources", "expected"),
    [
        (("body", "candidates", 1, "id_number"), True, "candidates[1].id_number"),
        (("body", "candidates", 0, "credentials", 2, "grade"), True, "candidates[0].credentials[2].grade"),
        (("query", "limit"), True, "limit"),
        (("body", "items", 0), True, "items[0]"),
        (("body", "name"), False, "body.name"),
        (("enterprise", "function-after[check_uscc(), str]", "uscc"), True, "enterprise.uscc"),
        (("__root__",), True, ""),
        ((), True, ""),
    ],
)
def test_field_path_reads_like_the_json(loc, skip_sources, expected):
    assert field_path(loc, skip_sources=skip_sources) == expected

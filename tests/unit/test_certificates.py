"""Certificate numbers: every position of DOMAIN.md's table, and the parts that do not fit."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from schemas.certificates import (
    INSTITUTION_CODE,
    INSTITUTION_TYPE,
    LENGTH,
    LEVEL,
    PROVINCE,
    SERIAL,
    SITE_SEQUENCE,
    YEAR,
    CertificateNumber,
    CertificateNumberError,
    CertificateParts,
    certificate_number,
    is_certificate_number,
    parse_certificate_number,
)


def positions(part: slice) -> tuple[int, int]:
    """A slice as the table's 1-based inclusive positions."""
    return part.start + 1, part.stop


def test_the_named_positions_are_the_domain_table() -> None:
    # Given the table of DOMAIN.md: 1 | 2–5 | 6–7 | 8–13 | 14–15 | 16 | 17–22
    # Then each named constant covers exactly its row, and together they tile 22 characters
    assert positions(INSTITUTION_TYPE) == (1, 1)
    assert positions(INSTITUTION_CODE) == (2, 5)
    assert positions(PROVINCE) == (6, 7)
    assert positions(SITE_SEQUENCE) == (8, 13)
    assert positions(YEAR) == (14, 15)
    assert positions(LEVEL) == (16, 16)
    assert positions(SERIAL) == (17, 22)
    assert LENGTH == 22


def test_each_part_lands_in_its_positions() -> None:
    # Given a ministry-coded institution, site 1234, 2024, chief technician, serial 57
    number = certificate_number("3108", 1234, 2024, "S", 57)
    # Then the string reads part by part as the table says
    assert len(number) == 22
    assert number[0] == "Y"  # position 1
    assert number[1:5] == "3108"  # positions 2–5
    assert number[5:7] == "44"  # positions 6–7
    assert number[7:13] == "001234"  # positions 8–13
    assert number[13:15] == "24"  # positions 14–15
    assert number[15] == "S"  # position 16 is the level
    assert number[16:22] == "000057"  # positions 17–22


@pytest.mark.parametrize("level", ["T", "S"])
def test_position_16_is_the_level(level: str) -> None:
    # When the same institution issues its first certificate of each level in 2024
    number = certificate_number("0000", 7, 2024, level, 1)
    # Then only position 16 tells them apart
    assert number == f"Y00004400000724{level}000001"
    assert number[15] == level


def test_a_province_filed_institution_uses_0000() -> None:
    assert certificate_number("0000", 12, 2024, "T", 1) == "Y00004400001224T000001"


def test_largest_parts_still_fit() -> None:
    assert certificate_number("9999", 999_999, 2099, "T", 999_999) == "Y99994499999999T999999"


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (("000", 1, 2024, "T", 1), "机构代码"),
        (("00000", 1, 2024, "T", 1), "机构代码"),
        (("00A0", 1, 2024, "T", 1), "机构代码"),
        (("００００", 1, 2024, "T", 1), "机构代码"),  # full-width digits are not ASCII digits
        (("0000", 0, 2024, "T", 1), "机构序列号"),
        (("0000", 1_000_000, 2024, "T", 1), "机构序列号"),
        (("0000", 1, 1999, "T", 1), "年份"),
        (("0000", 1, 2100, "T", 1), "年份"),
        (("0000", 1, 2024, "5", 1), "等级"),
        (("0000", 1, 2024, "t", 1), "等级"),
        (("0000", 1, 2024, "T", 0), "流水号"),
        (("0000", 1, 2024, "T", 1_000_000), "流水号"),
    ],
)
def test_out_of_range_parts_are_refused_naming_the_part(args: tuple[str, int, int, str, int], names: str) -> None:
    # When a part does not fit the width of its positions
    with pytest.raises(CertificateNumberError) as caught:
        certificate_number(*args)
    # Then the Chinese message names that part
    assert names in str(caught.value)


def test_parse_round_trips_the_parts() -> None:
    number = certificate_number("0000", 45, 2024, "S", 321)
    assert parse_certificate_number(number) == CertificateParts("0000", 45, 2024, "S", 321)


@pytest.mark.parametrize(
    "value",
    [
        "Y00004400001224T00001",  # 21 characters
        "S00004400001224T000001",  # position 1: our institutions are employers (Y)
        "Y00004500001224T000001",  # positions 6–7: not Guangdong
        "Y000044000012243000001",  # position 16: a digit grade is not ours
        "Y00004400001224X000001",  # position 16: unknown level
        "Y0000440000A224T000001",  # positions 8–13: not digits
    ],
)
def test_malformed_numbers_are_refused(value: str) -> None:
    assert not is_certificate_number(value)
    with pytest.raises(CertificateNumberError):
        parse_certificate_number(value)


def test_the_pydantic_type_gives_a_stable_error_type() -> None:
    adapter: TypeAdapter[str] = TypeAdapter(CertificateNumber)
    assert adapter.validate_python(" y00004400001224t000001 ") == "Y00004400001224T000001"
    with pytest.raises(ValidationError) as caught:
        adapter.validate_python("Y00004400001224X000001")
    assert caught.value.errors()[0]["type"] == "certificate_number_format"

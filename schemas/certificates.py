"""Certificate numbers (§五(一)5): 22 characters laid out as DOMAIN.md's table, built and checked here only.

`Y` + institution code (4) + `44` + site sequence (6) + year (2) + level (1) + serial (6).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from schemas._errors import rule_error
from schemas.fields import LEVEL_NAMES
from schemas.reference import PROVINCE_CODE

LENGTH = 22
# The table's positions (1-based, inclusive) as slices of the string.
INSTITUTION_TYPE = slice(0, 1)  # position 1: Y 用人单位
INSTITUTION_CODE = slice(1, 5)  # positions 2–5: ministry code, 0000 for institutions filed with the province
PROVINCE = slice(5, 7)  # positions 6–7: 44
SITE_SEQUENCE = slice(7, 13)  # positions 8–13: assigned when the filing is approved
YEAR = slice(13, 15)  # positions 14–15: year of issue, last two digits
LEVEL = slice(15, 16)  # position 16: T or S
SERIAL = slice(16, 22)  # positions 17–22: per institution, year and level

EMPLOYER = "Y"  # enterprises are employers (用人单位)
PROVINCE_FILED_INSTITUTION = "0000"  # [choice] institutions filed with the province have no ministry code
PATTERN = rf"^{EMPLOYER}\d{{4}}{PROVINCE_CODE}\d{{6}}\d{{2}}[TS]\d{{6}}$"
_PATTERN = re.compile(PATTERN)

MAX_SITE_SEQUENCE = 999_999
MAX_SERIAL = 999_999
FIRST_YEAR, LAST_YEAR = 2000, 2099  # two digits only tell the year inside one century


class CertificateNumberError(ValueError):
    """A part that does not fit its positions; the message is Chinese and names the part."""


@dataclass(frozen=True, slots=True)
class CertificateParts:
    institution_code: str
    site_sequence: int
    year: int
    level: str
    serial: int


def certificate_number(institution_code: str, site_sequence: int, year: int, level: str, serial: int) -> str:
    """The 22-character number; every part is checked against the width its positions allow."""
    if len(institution_code) != 4 or not institution_code.isascii() or not institution_code.isdigit():
        raise CertificateNumberError(f"机构代码应为 4 位数字（省级备案机构为 {PROVINCE_FILED_INSTITUTION}）")
    if not 1 <= site_sequence <= MAX_SITE_SEQUENCE:
        raise CertificateNumberError(f"机构序列号应在 1 至 {MAX_SITE_SEQUENCE} 之间")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CertificateNumberError(f"发证年份应在 {FIRST_YEAR} 至 {LAST_YEAR} 之间")
    if level not in LEVEL_NAMES:
        raise CertificateNumberError("等级应为 T（特级技师）或 S（首席技师）")
    if not 1 <= serial <= MAX_SERIAL:
        raise CertificateNumberError(f"证书流水号应在 1 至 {MAX_SERIAL} 之间")
    return f"{EMPLOYER}{institution_code}{PROVINCE_CODE}{site_sequence:06d}{year % 100:02d}{level}{serial:06d}"


def is_certificate_number(value: str) -> bool:
    return bool(_PATTERN.match(value))


def parse_certificate_number(value: str) -> CertificateParts:
    """The parts of a well-formed number; `CertificateNumberError` names what is wrong otherwise."""
    if len(value) != LENGTH:
        raise CertificateNumberError(f"证书编号应为 {LENGTH} 位")
    if not _PATTERN.match(value):
        raise CertificateNumberError(
            f"证书编号格式不正确：应为 {EMPLOYER} + 4 位机构代码 + {PROVINCE_CODE} + 6 位机构序列号"
            " + 2 位年份 + 等级 T/S + 6 位流水号"
        )
    return CertificateParts(
        institution_code=value[INSTITUTION_CODE],
        site_sequence=int(value[SITE_SEQUENCE]),
        year=2000 + int(value[YEAR]),
        level=value[LEVEL],
        serial=int(value[SERIAL]),
    )


def _check(value: str) -> str:
    try:
        parse_certificate_number(value)
    except CertificateNumberError as exc:
        raise rule_error("certificate_number_format", str(exc)) from exc
    return value


CertificateNumber = Annotated[
    str,
    BeforeValidator(lambda v: v.strip().upper() if isinstance(v, str) else v),
    AfterValidator(_check),
    Field(description="证书编号（22 位）", examples=["Y00004400001224T000001"]),
]

__all__ = [
    "INSTITUTION_CODE",
    "INSTITUTION_TYPE",
    "LENGTH",
    "LEVEL",
    "PATTERN",
    "PROVINCE",
    "PROVINCE_FILED_INSTITUTION",
    "SERIAL",
    "SITE_SEQUENCE",
    "YEAR",
    "CertificateNumber",
    "CertificateNumberError",
    "CertificateParts",
    "certificate_number",
    "is_certificate_number",
    "parse_certificate_number",
]

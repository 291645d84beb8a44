"""The five exports of API.md, each defined once: title, columns (Chinese header, width, kind) and privacy.

Rows are plain dicts keyed by `Column.key`; a writer takes only the listed keys, so a key that is not a
column (an ID number in a public list, say) never reaches the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from schemas._idnumber import validate as validate_id_number

ColumnKind = Literal["text", "date", "number", "integer"]
ExportName = Literal["filings", "scope", "results", "certificates", "chief-technicians"]
ID_NUMBER_KEYS = frozenset({"id_number"})


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    width: int  # in Excel character units; a Chinese character takes about two
    kind: ColumnKind = "text"


@dataclass(frozen=True, slots=True)
class Export:
    name: str
    title: str
    columns: tuple[Column, ...]
    public: bool = False  # shown to anyone (the published list): must never hold an ID number

    @property
    def contains_id_numbers(self) -> bool:
        return any(column.key in ID_NUMBER_KEYS for column in self.columns)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)


# Columns several exports share, so the same thing has the same header everywhere.
_SITE_SEQUENCE = Column("site_sequence", "机构序列号", 12)  # the 6-digit string of positions 8–13 of a certificate
_ENTERPRISE = Column("enterprise_name", "企业名称", 36)
_USCC = Column("uscc", "统一社会信用代码", 22)
_CITY_NAME = Column("city_name", "所属地市", 10)
_NAME = Column("name", "姓名", 10)
_ID_NUMBER = Column("id_number", "身份证号码", 21)
_OCCUPATION_CODE = Column("occupation_code", "职业编码", 12)
_OCCUPATION_NAME = Column("occupation_name", "职业（工种）名称", 24)
_LEVEL = Column("level", "级别", 10)  # 特级技师 / 首席技师
_STATUS = Column("status", "状态", 12)  # Chinese, from schemas.forms.STATUS_NAMES
_CAMPAIGN = Column("campaign", "评聘年度", 10)

EXPORTS: dict[str, Export] = {
    "filings": Export(
        "filings",
        "评价机构汇总表",
        (
            _SITE_SEQUENCE,
            _ENTERPRISE,
            _USCC,
            Column("city_code", "地市代码", 10),
            _CITY_NAME,
            Column("categories", "企业类别", 30),  # Chinese names joined by 、
            Column("levels", "备案级别", 18),  # 特级技师、首席技师
            Column("occupation_count", "备案职业数", 12, "integer"),
            Column("contact_name", "联系人", 10),
            Column("contact_phone", "联系电话", 16),
            _STATUS,
            Column("approved_on", "备案通过日期", 14, "date"),
        ),
    ),
    "scope": Export(
        "scope",
        "评价机构信息与认定范围清单",
        (_SITE_SEQUENCE, _ENTERPRISE, _USCC, _CITY_NAME, _LEVEL, _OCCUPATION_CODE, _OCCUPATION_NAME),
    ),
    "results": Export(
        "results",
        "评价结果汇总表",
        (
            _CAMPAIGN,
            Column("phase", "期次", 6, "integer"),
            _CITY_NAME,
            _ENTERPRISE,
            _USCC,
            Column("report_id", "报备编号", 28),
            _NAME,
            _ID_NUMBER,
            _OCCUPATION_CODE,
            _OCCUPATION_NAME,
            _LEVEL,
            Column("score", "评审成绩", 10, "number"),
            Column("review_date", "评审日期", 12, "date"),
            _STATUS,
        ),
    ),
    "certificates": Export(
        "certificates",
        "证书信息上报表",
        (
            Column("certificate_number", "证书编号", 26),
            _NAME,
            _ID_NUMBER,
            Column("gender", "性别", 6),  # 男/女, from gender_of(id_number)
            _OCCUPATION_CODE,
            _OCCUPATION_NAME,
            _LEVEL,
            Column("enterprise_name", "评价机构（企业）名称", 36),
            _USCC,
            Column("issued_on", "发证日期", 12, "date"),
        ),
    ),
    "chief-technicians": Export(
        "chief-technicians",
        "首席技师名单",
        (_NAME, _ENTERPRISE, _OCCUPATION_NAME, _CITY_NAME, _CAMPAIGN),
        public=True,
    ),
}


def gender_of(id_number: str) -> str:
    """男 or 女 from a resident ID number: GB 11643's 17th character is odd for men, even for women.

    python-stdnum gives the birth date and place, not the sex, so that one digit is read here after the
    whole number has been checked (stdnum's checks with DOMAIN.md's region rule, `schemas._idnumber`).
    """
    number = validate_id_number(id_number)
    return "男" if int(number[16]) % 2 else "女"


__all__ = ["EXPORTS", "ID_NUMBER_KEYS", "Column", "ColumnKind", "Export", "ExportName", "gender_of"]

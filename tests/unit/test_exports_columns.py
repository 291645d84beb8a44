"""The five exports' columns: the keys the workflow produces, Chinese headers, and no ID number in public."""

from __future__ import annotations

import re

import pytest
from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from schemas.exports import EXPORTS, ID_NUMBER_KEYS, gender_of

CJK = re.compile(r"[\u4e00-\u9fff]")


def id_number(first17: str) -> str:
    # stdnum expects the number with a (placeholder) check digit and ignores the last character
    return first17 + ric.calc_check_digit(first17 + "0")


def test_the_five_exports_of_the_api_contract() -> None:
    assert set(EXPORTS) == {"filings", "scope", "results", "certificates", "chief-technicians"}
    assert EXPORTS["filings"].title == "评价机构汇总表"
    assert EXPORTS["scope"].title == "评价机构信息与认定范围清单"


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        (
            "filings",
            "site_sequence enterprise_name uscc city_code city_name categories levels occupation_count "
            "contact_name contact_phone status approved_on",
        ),
        ("scope", "site_sequence enterprise_name uscc city_name level occupation_code occupation_name"),
        (
            "results",
            "campaign phase city_name enterprise_name uscc report_id name id_number occupation_code "
            "occupation_name level score review_date status",
        ),
        (
            "certificates",
            "certificate_number name id_number gender occupation_code occupation_name level enterprise_name "
            "uscc issued_on",
        ),
        ("chief-technicians", "name enterprise_name occupation_name city_name campaign"),
    ],
)
def test_row_keys_are_the_agreed_ones_in_order(name: str, keys: str) -> None:
    # Given the row keys the workflow produces for this export
    # Then the export's columns are exactly those keys, in that order
    assert EXPORTS[name].keys == tuple(keys.split())


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_header_is_chinese_and_unique(name: str) -> None:
    export = EXPORTS[name]
    headers = [column.header for column in export.columns]
    assert all(CJK.search(header) for header in headers)
    assert len(set(headers)) == len(headers)
    assert len(set(export.keys)) == len(export.keys)
    assert all(4 <= column.width <= 60 for column in export.columns)


def test_dates_and_numbers_are_typed_columns() -> None:
    kinds = {(name, c.key): c.kind for name, e in EXPORTS.items() for c in e.columns}
    assert kinds["filings", "approved_on"] == "date"
    assert kinds["results", "review_date"] == "date"
    assert kinds["certificates", "issued_on"] == "date"
    assert kinds["results", "score"] == "number"
    assert kinds["filings", "occupation_count"] == "integer"
    # ID numbers and codes stay text so no spreadsheet turns them into numbers
    assert kinds["results", "id_number"] == "text"
    assert kinds["filings", "site_sequence"] == "text"


def test_no_public_export_has_an_id_number_column() -> None:
    # Given every export flagged public (shown to anyone)
    public = [export for export in EXPORTS.values() if export.public]
    # Then there is at least one (the published chief technicians) and none holds an ID column
    assert [export.name for export in public] == ["chief-technicians"]
    for export in public:
        assert not export.contains_id_numbers
        assert not set(export.keys) & ID_NUMBER_KEYS


def test_chief_technicians_has_no_id_number_but_staff_exports_do() -> None:
    assert not EXPORTS["chief-technicians"].contains_id_numbers
    assert EXPORTS["results"].contains_id_numbers
    assert EXPORTS["certificates"].contains_id_numbers
    assert not EXPORTS["filings"].contains_id_numbers


@pytest.mark.parametrize(
    ("first17", "gender"),
    [
        ("44010619850315123", "男"),  # 17th digit 3: odd
        ("44030419900101001", "男"),  # 1: odd
        ("44030519880612004", "女"),  # 4: even
        ("44010619921108240", "女"),  # 0: even
    ],
)
def test_gender_comes_from_the_17th_digit(first17: str, gender: str) -> None:
    # Given a valid ID number (check digit computed by stdnum)
    # Then 男/女 follows the 17th digit (GB 11643: odd for men, even for women)
    assert gender_of(id_number(first17)) == gender


def test_gender_of_a_number_with_a_wrong_check_digit_is_refused() -> None:
    # Given a number whose last character is not its check digit
    good = id_number("44010619850315123")
    bad = good[:17] + ("0" if good[-1] != "0" else "1")
    # Then no gender is guessed from it
    with pytest.raises(ValidationError):
        gender_of(bad)

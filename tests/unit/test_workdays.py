"""Chinese working days across the real 2024 holiday arrangement (国务院办公厅, 国办发明电〔2023〕7号)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from schemas.forms import PublicNotice
from schemas.workdays import calendar_years, workdays_between

FIRST, LAST = calendar_years()

D = date.fromisoformat
ROOT = Path(__file__).resolve().parents[2]

# The 2024 notice, written out by hand: days off, and weekend days that are worked instead.
HOLIDAYS_2024 = {
    "元旦": ["2023-12-30", "2023-12-31", "2024-01-01"],
    "春节": [f"2024-02-{d}" for d in range(10, 18)],
    "清明节": ["2024-04-04", "2024-04-05", "2024-04-06"],
    "劳动节": ["2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05"],
    "端午节": ["2024-06-08", "2024-06-09", "2024-06-10"],
    "中秋节": ["2024-09-15", "2024-09-16", "2024-09-17"],
    "国庆节": [f"2024-10-0{d}" for d in range(1, 8)],
}
ADJUSTED_WORKDAYS_2024 = {
    "春节": ["2024-02-04", "2024-02-18"],  # both Sundays
    "清明节": ["2024-04-07"],  # Sunday
    "劳动节": ["2024-04-28", "2024-05-11"],  # Sunday, Saturday
    "中秋节": ["2024-09-14"],  # Saturday
    "国庆节": ["2024-09-29", "2024-10-12"],  # Sunday, Saturday
}


def one_day(day: str) -> int:
    return workdays_between(D(day), D(day))


@pytest.mark.parametrize(
    "day", [pytest.param(d, id=f"{name} {d}") for name, days in HOLIDAYS_2024.items() for d in days]
)
def test_public_holidays_are_not_working_days(day):
    assert one_day(day) == 0


@pytest.mark.parametrize(
    "day", [pytest.param(d, id=f"{name} {d}") for name, days in ADJUSTED_WORKDAYS_2024.items() for d in days]
)
def test_adjusted_weekend_days_are_working_days(day):
    assert D(day).weekday() >= 5  # really a weekend day
    assert one_day(day) == 1


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # DOMAIN.md: 29 Apr … 8 May is exactly 5 (29, 30 Apr; 6, 7, 8 May)
        ("2024-04-29", "2024-05-08", 5),
        ("2024-04-29", "2024-05-07", 4),
        # May Day week with its two adjusted workdays: 28 Apr (Sun) … 11 May (Sat)
        ("2024-04-28", "2024-05-11", 1 + 2 + 5 + 1),
        # Spring Festival: 4 Feb (Sun) worked, 10–17 off, 18 Feb (Sun) worked
        ("2024-02-04", "2024-02-18", 1 + 5 + 1),
        ("2024-02-10", "2024-02-17", 0),
        # Qingming: Thu 4 … Sat 6 off, Sun 7 worked, Mon 8 worked
        ("2024-04-04", "2024-04-08", 2),
        # Dragon Boat: Mon 10 June off
        ("2024-06-10", "2024-06-14", 4),
        # Mid-Autumn: Sat 14 Sep worked, 15–17 off
        ("2024-09-14", "2024-09-20", 1 + 3),
        # National Day: Sun 29 Sep worked, 1–7 Oct off, Sat 12 Oct worked
        ("2024-09-29", "2024-10-12", 1 + 1 + 0 + 4 + 1),
        # New Year's Day (Mon) off
        ("2024-01-01", "2024-01-07", 4),
        # an ordinary week in March: Monday to Sunday
        ("2024-03-04", "2024-03-10", 5),
        # a whole year: 262 weekdays − 19 weekday holidays + 8 adjusted workdays
        ("2024-01-01", "2024-12-31", 251),
    ],
)
def test_working_days_between_inclusive_dates(start, end, expected):
    assert workdays_between(D(start), D(end)) == expected


def test_whole_2024_is_weekdays_minus_holidays_plus_adjusted_workdays():
    # Given the hand-written arrangement above, counted independently of chinesecalendar
    off = {D(d) for days in HOLIDAYS_2024.values() for d in days}
    on = {D(d) for days in ADJUSTED_WORKDAYS_2024.values() for d in days}
    year = [date(2024, 1, 1) + timedelta(days=i) for i in range(366)]
    expected = sum(1 for d in year if (d.weekday() < 5 and d not in off) or d in on)
    # Then the library agrees
    assert workdays_between(date(2024, 1, 1), date(2024, 12, 31)) == expected == 251


@pytest.mark.parametrize(
    ("start", "end", "error_type"),
    [
        ("2024-05-08", "2024-04-29", "date_range_order"),
        (f"{FIRST - 1}-12-29", f"{FIRST}-01-02", "calendar_year_unsupported"),
        (f"{LAST + 1}-01-04", f"{LAST + 1}-01-08", "calendar_year_unsupported"),
        (f"{LAST}-12-28", f"{LAST + 1}-01-05", "calendar_year_unsupported"),
        ("2020-01-01", "2024-01-01", "date_range_too_long"),
    ],
)
def test_bad_ranges_are_rule_errors_in_chinese(start, end, error_type):
    with pytest.raises(PydanticCustomError) as caught:
        workdays_between(D(start), D(end))
    assert caught.value.type == error_type
    assert any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message())


def test_public_notice_of_five_working_days_is_accepted():
    notice = PublicNotice.model_validate({"start": "2024-04-29", "end": "2024-05-08"})
    assert notice.objections == 0


def test_public_notice_of_four_working_days_is_refused_with_the_count():
    with pytest.raises(ValidationError) as caught:
        PublicNotice.model_validate({"start": "2024-04-29", "end": "2024-05-07"})
    (error,) = caught.value.errors()
    assert (error["loc"], error["type"]) == (("end",), "public_notice_too_short")
    assert "只有 4 个工作日" in error["msg"]


def test_public_notice_in_an_unsupported_year_is_a_field_error_not_a_crash():
    with pytest.raises(ValidationError) as caught:
        PublicNotice.model_validate({"start": f"{LAST + 1}-03-02", "end": f"{LAST + 1}-03-10"})
    assert caught.value.errors()[0]["type"] == "calendar_year_unsupported"


def test_the_covered_years_come_from_the_installed_calendar_and_are_named():
    # Given the installed chinesecalendar release's holiday table
    from chinese_calendar.constants import holidays

    assert (min(holidays).year, max(holidays).year) == (FIRST, LAST)
    assert FIRST <= 2024 < LAST  # the years run so far are covered
    # When a date of the first year it does not know is counted, Then the message names the years it knows
    with pytest.raises(PydanticCustomError) as caught:
        workdays_between(D(f"{LAST + 1}-05-06"), D(f"{LAST + 1}-05-10"))
    assert f"{FIRST}–{LAST}" in caught.value.message()


def test_the_holiday_tables_load_only_when_days_are_counted():
    # Given a fresh interpreter that imports the forms (as every API cold start does)
    code = (
        "import sys, datetime, schemas.forms, schemas.workdays as w\n"
        "print('chinese_calendar' in sys.modules)\n"
        "w.workdays_between(datetime.date(2024, 5, 6), datetime.date(2024, 5, 10))\n"
        "print('chinese_calendar' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    # Then chinesecalendar is imported on the first count, not before
    assert done.stdout.split() == ["False", "True"]

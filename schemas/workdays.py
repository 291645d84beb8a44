"""Chinese working days (weekends, public holidays and adjusted workdays) from the `chinesecalendar` package."""

from __future__ import annotations

from datetime import date

from schemas._errors import rule_error

PUBLIC_NOTICE_MIN_WORKDAYS = 5  # §五(一)3: 公示期不少于5个工作日
MAX_RANGE_DAYS = 3 * 366


def workdays_between(start: date, end: date) -> int:
    """Working days from `start` to `end`, both inclusive.

    Raises a rule error (a `PydanticCustomError`) when the range is reversed, too long, or outside the
    years the calendar knows.
    """
    if end < start:
        raise rule_error("date_range_order", "结束日期不能早于开始日期")
    if (end - start).days > MAX_RANGE_DAYS:
        raise rule_error("date_range_too_long", "日期范围不能超过 3 年")
    first, last = calendar_years()
    if start.year < first or end.year > last:
        raise rule_error("calendar_year_unsupported", unsupported_message(first, last), first=first, last=last)
    # Imported here, not at the top: its holiday tables cost ~15 ms of every cold start that never counts days.
    import chinese_calendar

    try:
        return len(chinese_calendar.get_workdays(start, end, include_weekends=True))
    except NotImplementedError as exc:  # the package's own refusal, should its rule ever differ from ours
        raise rule_error("calendar_year_unsupported", unsupported_message(first, last)) from exc


def calendar_years() -> tuple[int, int]:
    """The first and last years the installed `chinesecalendar` release knows the holidays of (read from the
    package, so a new release published with next year's 国务院办公厅 notice extends it with no code change)."""
    from chinese_calendar.constants import holidays

    return min(holidays).year, max(holidays).year


def unsupported_message(first: int, last: int) -> str:
    return (
        f"工作日日历目前只包含 {first}–{last} 年的法定节假日安排，无法计算该日期的工作日；"
        f"请选择 {first}–{last} 年内的日期，或待次年节假日安排公布、系统更新后再试"
    )

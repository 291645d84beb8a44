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
    # Imported here, not at the top: its holiday tables cost ~15 ms of every cold start that never counts days.
    import chinese_calendar

    try:
        return len(chinese_calendar.get_workdays(start, end, include_weekends=True))
    except NotImplementedError as exc:
        raise rule_error(
            "calendar_year_unsupported", "暂无该年份的法定节假日安排，无法计算工作日，请选择其他日期"
        ) from exc

"""The one clock: Beijing time, which decides "today" for every date rule that needs one."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    return datetime.now(CHINA)


def today() -> date:
    return now().date()


def stamp() -> str:
    """A sortable time stamp with offset, to the microsecond."""
    return now().isoformat(timespec="microseconds")

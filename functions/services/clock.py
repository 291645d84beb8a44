"""The one clock: Beijing time, which decides "today" for every date rule that needs one.

It reads one injected source. The default is the real time in Beijing; only the local server installs a movable
source (`infra/local_clock.py`: `GDSKILLS_TODAY`, `PUT /api/local/clock`) and the tests install fixed ones.
Nothing in the Lambda code path calls `install_source`, and this module reads no setting of its own, so a
deployed function always answers the real date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
Source = Callable[[], datetime]


def beijing_now() -> datetime:
    return datetime.now(CHINA)


_source: Source = beijing_now


def install_source(source: Source | None) -> None:
    """Make `source` the clock (an aware datetime each call); `None` restores the real Beijing time."""
    global _source
    _source = source or beijing_now


def now() -> datetime:
    return _source().astimezone(CHINA)


def today() -> date:
    return now().date()


def stamp() -> str:
    """A sortable time stamp with offset, to the microsecond."""
    return now().isoformat(timespec="microseconds")

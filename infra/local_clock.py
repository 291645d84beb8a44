"""The local server's movable clock: a Beijing date set at start (`GDSKILLS_TODAY`) or while running
(`PUT /api/local/clock`), so a demo or a test walks a campaign year in minutes.

Only the local server installs it (`local_gateway.bootstrap`); nothing here is deployed. The time of day stays
real, so time stamps keep moving forward within a day.
"""

from __future__ import annotations

import threading
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from functions.services import clock

ENV = "GDSKILLS_TODAY"


class LocalClockRequest(BaseModel):
    today: Annotated[date | None, Field(description="本地系统的北京日期；null 恢复真实日期")] = None


class MovableClock:
    def __init__(self, today: date | None = None) -> None:
        self._today = today
        self._lock = threading.Lock()

    def set(self, today: date | None) -> None:
        with self._lock:
            self._today = today

    @property
    def fixed(self) -> date | None:
        return self._today

    def now(self) -> datetime:
        real = clock.beijing_now()
        with self._lock:
            day = self._today
        return real if day is None else datetime.combine(day, real.timetz())


MOVABLE = MovableClock()


def parse_env(value: str | None) -> date | None:
    """`GDSKILLS_TODAY` as a date; empty means the real date; anything else stops the server with a clear line."""
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise SystemExit(f"{ENV}={value!r} 不是有效日期，请写成 YYYY-MM-DD，例如 {ENV}=2025-06-01") from None


def install(today: date | None) -> MovableClock:
    """Install the movable clock as the one clock, set to `today` (None: the real date)."""
    MOVABLE.set(today)
    clock.install_source(MOVABLE.now)
    return MOVABLE


def state() -> dict[str, str | None]:
    return {"today": clock.today().isoformat(), "fixed": MOVABLE.fixed.isoformat() if MOVABLE.fixed else None}

"""The statistics answer (`GET /api/stats`) and the one calculation it needs: waiting-time percentiles."""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import BaseModel, Field

STATUS_KINDS = ("filing", "plan", "report")


def percentile_days(ages: dict[int, int], fraction: float) -> float | None:
    """The `fraction` percentile (nearest rank) of waiting days, from {days waiting: how many}; None when empty."""
    total = sum(n for n in ages.values() if n > 0)
    if total == 0:
        return None
    rank = max(1, math.ceil(fraction * total))
    seen = 0
    for days in sorted(ages):
        seen += max(ages[days], 0)
        if seen >= rank:
            return float(days)
    return float(max(ages))


class CertificateCounts(BaseModel):
    allocated: int
    issued: int
    revoked: int


class Counts(BaseModel):
    enterprises: Annotated[int, Field(description="开展评聘的企业数（本年度提交过评价计划）")]
    filings: Annotated[int, Field(description="备案数（不分年度）")]
    plans: Annotated[int, Field(description="评价计划数")]
    reports: Annotated[int, Field(description="评价结果报备数（每份取最新版本）")]
    candidates: Annotated[int, Field(description="报备人数（每份取最新版本）")]
    certificates: CertificateCounts
    statuses: Annotated[dict[str, dict[str, int]], Field(description="各类记录按状态计数")]


class CityStats(Counts):
    city: str
    name: str
    by_level: dict[str, Counts]


class DeskStats(BaseModel):
    desk: Annotated[str, Field(description="审核岗：CITY#<地市代码> 或 PROVINCE")]
    name: str
    waiting: int
    median_days: float | None
    p90_days: float | None


class PhaseStats(BaseModel):
    phase: int
    deadline: str
    days_left: int


class OccupationStats(BaseModel):
    code: str
    name: str
    candidates: int


class StatsAnswer(BaseModel):
    campaign: str
    as_of: str
    by_city: list[CityStats]
    desks: list[DeskStats]
    phases: list[PhaseStats]
    top_occupations: list[OccupationStats]

"""Campaigns (DOMAIN.md "Campaign"): one year's phases, administered as data, and the rules that follow them.

A campaign is data an administrator keeps (`PUT /api/campaigns/{year}`); the years already run ship as history
in `data/campaigns.json`. The rules here are pure: the caller passes the `Campaign` it read and today's date.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas._errors import RuleFailure, rule_error

DATA = Path(__file__).parent / "data"
MAX_PHASES = 9
YEAR_PATTERN = r"^\d{4}$"


@dataclass(frozen=True, slots=True)
class Phase:
    phase: int
    start: date
    end: date  # inclusive [choice]: "7月10日前完成" is the phase's last day, its deadline
    note: str = ""

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def text(self) -> str:
        return f"第{self.phase}期 {self.start.isoformat()} 至 {self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Campaign:
    year: str
    name: str
    accepting_submissions: bool
    phases: tuple[Phase, ...]

    def phase(self, number: int) -> Phase | None:
        return next((p for p in self.phases if p.phase == number), None)

    def phase_of(self, day: date) -> Phase | None:
        return next((p for p in self.phases if p.contains(day)), None)

    def phases_text(self) -> str:
        return "；".join(p.text() for p in self.phases)


def campaign_from(raw: dict[str, Any]) -> Campaign:
    """A campaign from its stored or shipped form (ISO dates as text)."""
    return Campaign(
        year=str(raw["year"]),
        name=str(raw["name"]),
        accepting_submissions=bool(raw.get("accepting_submissions", True)),
        phases=tuple(
            Phase(int(p["phase"]), date.fromisoformat(p["start"]), date.fromisoformat(p["end"]), p.get("note") or "")
            for p in raw["phases"]
        ),
    )


def campaign_view(campaign: Campaign) -> dict[str, Any]:
    """A campaign as the API answers and stores it."""
    return {
        "year": campaign.year,
        "name": campaign.name,
        "accepting_submissions": campaign.accepting_submissions,
        "phases": [
            {"phase": p.phase, "start": p.start.isoformat(), "end": p.end.isoformat(), "note": p.note}
            for p in campaign.phases
        ],
    }


@lru_cache(maxsize=1)
def shipped_campaigns() -> dict[str, Campaign]:
    """The years already run, shipped as history; stored campaigns of the same year take their place."""
    raw: dict[str, dict[str, Any]] = json.loads((DATA / "campaigns.json").read_text(encoding="utf-8"))
    return {year: campaign_from({**item, "year": year}) for year, item in raw.items()}


def newest_first(campaigns: Iterable[Campaign]) -> list[Campaign]:
    return sorted(campaigns, key=lambda c: c.year, reverse=True)


def current_campaign(campaigns: Iterable[Campaign], today: date) -> Campaign | None:
    """The campaign one of whose phases contains today (the newest year if two do)."""
    return next((c for c in newest_first(campaigns) if c.phase_of(today) is not None), None)


# ---- the administrator's form ------------------------------------------------------------------------------


class PhaseForm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    phase: Annotated[int, Field(ge=1, le=MAX_PHASES, description="期次，从 1 起编号")]
    start: Annotated[date, Field(description="开始日期（含）")]
    end: Annotated[date, Field(description="截止日期（含）：该期的评价计划和结果报备须在此前完成")]
    note: Annotated[str, Field(max_length=100, description="说明，如“4月启动，7月10日前完成”")] = ""

    @field_validator("end")
    @classmethod
    def _not_before_start(cls, end: date, info: Any) -> date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise rule_error("phase_end_before_start", f"截止日期不能早于开始日期 {start.isoformat()}")
        return end


class CampaignRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"title": "评聘年度"})

    name: Annotated[
        str, Field(min_length=1, max_length=100, description="名称，如“广东省2026年特级技师、首席技师评聘”")
    ]
    phases: Annotated[list[PhaseForm], Field(min_length=1, max_length=MAX_PHASES, description="各期时间，可重叠")]
    accepting_submissions: Annotated[bool, Field(description="是否接受评价计划和结果报备；false 即关闭")] = True

    def campaign(self, year: str) -> Campaign:
        return Campaign(
            year=year,
            name=self.name,
            accepting_submissions=self.accepting_submissions,
            phases=tuple(Phase(p.phase, p.start, p.end, p.note) for p in self.phases),
        )


def numbering_failures(form: CampaignRequest) -> list[RuleFailure]:
    """Phases are numbered from 1, in order: 1, 2, 3 …"""
    return [
        RuleFailure(
            f"phases[{index}].phase",
            f"期次应从 1 起依次编号：第 {index + 1} 项应为第 {index + 1} 期，而不是第 {item.phase} 期",
            "phase_numbering",
        )
        for index, item in enumerate(form.phases)
        if item.phase != index + 1
    ]


# ---- the rules a plan and a report meet -------------------------------------------------------------------


def _open_phase(
    campaign: Campaign | None, year: str, number: int, today: date, paths: tuple[str, str]
) -> tuple[Phase | None, list[RuleFailure]]:
    """The phase a submission is for, or why nothing more may be submitted for it."""
    campaign_path, phase_path = paths
    if campaign is None:
        return None, [RuleFailure(campaign_path, f"没有 {year} 年度的评聘工作安排", "campaign_unknown")]
    if not campaign.accepting_submissions:
        return None, [
            RuleFailure(campaign_path, f"{campaign.name}已关闭，不再接受评价计划和结果报备", "campaign_closed")
        ]
    phase = campaign.phase(number)
    if phase is None:
        return None, [RuleFailure(phase_path, f"{year} 年度只有：{campaign.phases_text()}", "phase_unknown")]
    if today > phase.end:
        return None, [
            RuleFailure(
                phase_path,
                f"{year} 年度第{phase.phase}期已于 {phase.end.isoformat()} 截止，不再接受该期的评价计划和结果报备",
                "phase_deadline_passed",
            )
        ]
    return phase, []


def plan_in_campaign(
    campaign: Campaign | None, year: str, number: int | None, review_date: date | None, today: date
) -> list[RuleFailure]:
    """A plan: its campaign open, its phase not past its deadline, its review date inside the phase, not past.
    A phase or review date that did not parse skips the rules that need it (the field error names it)."""
    if number is None:
        return _open_phase(campaign, year, 0, today, ("campaign", "phase"))[1] if _closed(campaign) else []
    phase, failures = _open_phase(campaign, year, number, today, ("campaign", "phase"))
    if phase is None or review_date is None:
        return failures
    if not phase.contains(review_date):
        failures.append(
            RuleFailure(
                "review_date",
                f"评审日期须在第{phase.phase}期时间范围内（{phase.start.isoformat()} 至 {phase.end.isoformat()}）",
                "review_date_outside_phase",
            )
        )
    elif review_date < today:
        failures.append(
            RuleFailure("review_date", f"评审日期不能早于提交当天 {today.isoformat()}", "review_date_before_submission")
        )
    return failures


def _closed(campaign: Campaign | None) -> bool:
    return campaign is None or not campaign.accepting_submissions


def report_in_campaign(campaign: Campaign | None, year: str, number: int, today: date) -> list[RuleFailure]:
    """A report: the campaign of its plan open, and the plan's phase not past its deadline."""
    return _open_phase(campaign, year, number, today, ("plan_id", "plan_id"))[1]

"""Who reviews what, in which order (§五(二)2, DOMAIN.md "Review"), and what each decision does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from schemas.enterprise import PROVINCE_REVIEWED

RecordKind = Literal["filing", "plan", "report"]
Stage = Literal["city", "province"]
Decision = Literal["approve", "return", "reject"]

KIND_NAMES: dict[str, str] = {"filing": "备案", "plan": "评价计划", "report": "评价结果报备"}
STAGE_NAMES: dict[str, str] = {"city": "地市", "province": "省"}
# The status a record shows while it waits at a stage that is not its first.
STAGE_STATUS: dict[str, str] = {"city": "city_review", "province": "province_review"}
AWAITING = frozenset({"submitted", "city_review", "province_review"})
FINAL = frozenset({"approved", "rejected"})


def review_stages(kind: str, level: str | None, categories: Sequence[str]) -> tuple[Stage, ...]:
    """The review stages in order.

    - filings and plans: the enterprise's city, or the province for a provincial-filed enterprise;
    - T report: the city, or the province alone for a provincial-filed enterprise;
    - S report: the city's initial review, then the province's; a provincial-filed enterprise's S report goes
      to the province alone (§五(二)2①: the city does 初审 only for 当地备案企业).
    """
    if any(c in PROVINCE_REVIEWED for c in categories):
        return ("province",)
    if kind == "report" and level == "S":
        return ("city", "province")
    return ("city",)


def after_decision(decision: str, stages: tuple[str, ...], stage: str) -> tuple[str, str | None]:
    """(new status, next stage or None) after `decision` at `stage`."""
    if decision == "return":
        return "returned", None
    if decision == "reject":
        return "rejected", None
    position = stages.index(stage)
    if position + 1 < len(stages):
        following = stages[position + 1]
        return STAGE_STATUS[following], following
    return "approved", None

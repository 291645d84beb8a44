"""Rules that need more than the form itself: a report against its plan, a plan against its filing.
(A plan or report against its campaign: `schemas.campaigns`.)

Pure functions: the caller passes the records and today's date; each failure is a (path, message, type).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from schemas._errors import RuleFailure
from schemas.eligibility import Judgement
from schemas.fields import LEVEL_NAMES
from schemas.forms import Candidate, PublicNotice
from schemas.reference import occupations
from schemas.report_parts import ReportParts

__all__ = ["RuleFailure", "duplicate_ids", "plan_against_filing", "report_against_plan"]


def plan_against_filing(
    level: str | None, codes: list[tuple[int, str]], filed_levels: list[str], filed_occupations: list[str]
) -> list[RuleFailure]:
    """A plan's level and occupations (those that parsed, with their index in the form) against its filing."""
    failures: list[RuleFailure] = []
    if level is not None and level not in filed_levels:
        failures.append(
            RuleFailure("level", f"该备案未包含{LEVEL_NAMES[level]}（{level}级），请先备案该级别", "level_not_filed")
        )
    scope = set(filed_occupations)
    for index, code in codes:
        if code not in scope:
            failures.append(
                RuleFailure(
                    f"occupations[{index}]",
                    f"“{occupations()[code].name}”（{code}）不在备案的职业范围内",
                    "occupation_not_filed",
                )
            )
    return failures


def report_against_plan(
    report: ReportParts, plan_level: str, plan_occupations: list[str], review_date: date, today: date
) -> list[RuleFailure]:
    """Everything a results report must satisfy given its approved plan (§五(一)3–4), on every part that parsed."""
    failures = list(_notice_failures(report.public_notice, review_date, today)) if report.public_notice else []
    allowed = set(plan_occupations)
    for index, candidate in report.candidates:
        where = f"candidates[{index}]"
        if candidate.level != plan_level:
            failures.append(
                RuleFailure(
                    f"{where}.level",
                    f"{_who(index, candidate)}的参评级别应为评价计划的{LEVEL_NAMES[plan_level]}",
                    "candidate_level_mismatch",
                )
            )
        if candidate.occupation not in allowed:
            failures.append(
                RuleFailure(
                    f"{where}.occupation",
                    f"{_who(index, candidate)}的职业不在评价计划的职业范围内",
                    "candidate_occupation_not_planned",
                )
            )
        # The candidate's parts are validated already; the details are written only for a candidate who fails.
        judgement = Judgement(
            candidate.level, review_date, candidate.credentials, candidate.work_periods, candidate.honours
        )
        if not judgement.eligible:
            failures.append(
                RuleFailure(
                    where,
                    f"{_who(index, candidate)}截至评审日期 {review_date.isoformat()} "
                    f"不符合{LEVEL_NAMES[candidate.level]}参评条件。{judgement.reasons()}",
                    "candidate_not_eligible",
                )
            )
    return failures


def duplicate_ids(candidates: list[tuple[int, Candidate]]) -> list[RuleFailure]:
    """Each person once in a report: every repeat named, at its own row."""
    first: dict[str, int] = {}
    failures = []
    for index, candidate in candidates:
        if candidate.id_number in first:
            failures.append(
                RuleFailure(
                    f"candidates[{index}].id_number",
                    f"第 {index + 1} 位人员的身份证号码与第 {first[candidate.id_number] + 1} 位重复，每人只能报备一次",
                    "id_number_duplicate",
                )
            )
        else:
            first[candidate.id_number] = index
    return failures


def _who(index: int, candidate: Candidate) -> str:
    return f"第 {index + 1} 位人员（{candidate.name}）"


def _notice_failures(notice: PublicNotice, review_date: date, today: date) -> Iterator[RuleFailure]:
    if notice.start < review_date:
        yield RuleFailure(
            "public_notice.start",
            f"公示应在评审结束后进行：开始日期不能早于评审日期 {review_date.isoformat()}",
            "public_notice_before_review",
        )
    if notice.end >= today:
        yield RuleFailure(
            "public_notice.end", "公示期结束后才能报备评价结果：结束日期须早于今天", "public_notice_not_ended"
        )

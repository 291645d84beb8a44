"""`Judgement`, the engine's quick answer for a results report, against the full verdict of `evaluate`.

A report judges up to 2,000 candidates and explains only those who fail: `Judgement.eligible` stops at the
first path that carries the candidate and writes no detail, `Judgement.reasons()` writes the unmet paths'
details. Both must say exactly what the verdict says, for either level, over generated candidates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.eligibility import EligibilityRequest, EligibilityVerdict, Judgement, evaluate
from schemas.fields import LEVEL_NAMES
from schemas.forms import Candidate
from schemas.report_parts import parse_report
from schemas.rules import report_against_plan
from tests.factories import report_body, s_candidate, t_candidate
from tests.unit._eligibility_build import cert, title
from tests.unit.test_eligibility_properties import LAST, credentials, honours, work_periods

FAST = settings(max_examples=150, deadline=None)

# A 2024 round: reviewed on Friday 14 June, notice 17–21 June (tests.factories), reported on Monday 24 June.
REVIEW_DATE, REPORTED_ON = date(2024, 6, 14), date(2024, 6, 24)
OCCUPATION = "6-18-01-01"


@st.composite
def parts(draw: st.DrawFn, as_of: date) -> dict[str, Any]:
    """A candidate's credentials, work and honours, any of them possibly empty."""
    return {
        "credentials": draw(st.lists(credentials(as_of), max_size=3)),
        "work_periods": draw(st.lists(work_periods(as_of), max_size=3)),
        "honours": draw(st.lists(honours(as_of), max_size=3)),
    }


@st.composite
def requests(draw: st.DrawFn, level: str) -> EligibilityRequest:
    as_of = draw(st.dates(min_value=date(2018, 1, 1), max_value=LAST))
    return EligibilityRequest.model_validate({"level": level, "as_of": as_of.isoformat(), **draw(parts(as_of))})


def judgement_of(request: EligibilityRequest) -> Judgement:
    return Judgement(request.level, request.as_of, request.credentials, request.work_periods, request.honours)


def unmet_reasons(verdict: EligibilityVerdict) -> str:
    """What a report says of a candidate who fails, built from the full verdict."""
    return "；".join(f"{p.id}：{p.detail}" for p in verdict.prerequisites + verdict.paths if not p.met)


@pytest.mark.parametrize("level", ["T", "S"])
@FAST
@given(data=st.data())
def test_the_quick_answer_is_the_verdicts_answer(level, data):
    request = data.draw(requests(level))
    verdict = evaluate(request)
    judgement = judgement_of(request)
    assert judgement.eligible == verdict.eligible
    # the verdict's own paths agree with where the quick answer stopped: DIRECT, or every prerequisite and a path
    by_id = {p.id: p.met for p in verdict.paths}
    gate = all(p.met for p in verdict.prerequisites)
    assert verdict.eligible == (by_id.pop("DIRECT") or (gate and any(by_id.values())))
    assert judgement.reasons() == unmet_reasons(verdict)
    # asking for the details after the quick answer, in either order, changes nothing
    assert judgement.verdict() == verdict
    again = judgement_of(request)
    assert again.verdict() == verdict
    assert again.reasons() == unmet_reasons(verdict)


def old_message(index: int, candidate: Candidate) -> str:
    """The failure message as `report_against_plan` built it from `evaluate` before `Judgement`."""
    verdict = evaluate(
        EligibilityRequest(
            level=candidate.level,
            as_of=REVIEW_DATE,
            credentials=candidate.credentials,
            work_periods=candidate.work_periods,
            honours=candidate.honours,
        )
    )
    assert not verdict.eligible
    return (
        f"第 {index + 1} 位人员（{candidate.name}）截至评审日期 {REVIEW_DATE.isoformat()} "
        f"不符合{LEVEL_NAMES[candidate.level]}参评条件。{unmet_reasons(verdict)}"
    )


def not_eligible(candidates: list[dict[str, Any]], plan_level: str) -> dict[str, str]:
    report = parse_report(report_body("PLN-2024-0001", "uploads/notice.pdf", candidates))
    assert report.complete is not None
    failures = report_against_plan(report, plan_level, [OCCUPATION], REVIEW_DATE, REPORTED_ON)
    return {f.path: f.message for f in failures if f.type == "candidate_not_eligible"}


def expected(candidates: list[dict[str, Any]]) -> dict[str, str]:
    out = {}
    for index, body in enumerate(candidates):
        candidate = Candidate.model_validate(body)
        request = EligibilityRequest(
            level=candidate.level,
            as_of=REVIEW_DATE,
            credentials=candidate.credentials,
            work_periods=candidate.work_periods,
            honours=candidate.honours,
        )
        if not evaluate(request).eligible:
            out[f"candidates[{index}]"] = old_message(index, candidate)
    return out


def test_a_report_names_each_failing_candidate_with_the_verdicts_reasons():
    too_recent = t_candidate(1)  # senior technician since May 2024: T1 projected, no honour for T3
    too_recent["credentials"][0]["obtained_on"] = "2024-05-06"
    unrelated = t_candidate(2)  # a related title for T2, but its only certificate is of an unrelated trade
    unrelated["credentials"] = [
        cert("senior_technician", "2015-03-01", "unrelated"),
        title("senior", "2023-09-01", "related"),
    ]
    no_honour = s_candidate(3)  # S without a provincial skill-talent honour
    no_honour["honours"] = [{"category": "technical_expert", "level": "municipal", "granted_on": "2019-12-01"}]
    t_team = [t_candidate(0), too_recent, unrelated]
    assert not_eligible(t_team, "T") == expected(t_team)
    assert set(expected(t_team)) == {"candidates[1]", "candidates[2]"}
    s_team = [s_candidate(0), no_honour]
    assert not_eligible(s_team, "S") == expected(s_team)
    assert set(expected(s_team)) == {"candidates[1]"}


@pytest.mark.parametrize("level", ["T", "S"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_report_failures_are_the_messages_built_from_evaluate(level, data):
    team = []
    for index in range(3):
        body = {**(t_candidate(index) if level == "T" else s_candidate(index)), **data.draw(parts(REVIEW_DATE))}
        team.append(body)
    assert not_eligible(team, level) == expected(team)

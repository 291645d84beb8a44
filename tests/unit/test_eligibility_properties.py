"""Properties of the eligibility engine and of work-time counting, over generated candidates.

The work-time functions are checked against a brute-force oracle (a set of worked days); the engine against
monotonicity: more work, a later date, or reaching `eligible_on` never takes eligibility away.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas.eligibility import EligibilityRequest, evaluate
from schemas.eligibility._worktime import Interval, counted_days, first_met_on, merge

FAST = settings(max_examples=120, deadline=None)

FIRST, LAST = date(2012, 1, 1), date(2026, 12, 31)
days = st.dates(min_value=FIRST, max_value=LAST)

SKILL = ["technician", "senior_technician", "special_grade", "chief"]
TITLES = ["intermediate", "senior", "full_senior"]
RELATIONS = ["corresponding", "corresponding", "related", "unrelated"]  # weighted towards counting


# ---- strategies ------------------------------------------------------------------------------------------------


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start = draw(days)
    if draw(st.booleans()):
        return start, None
    return start, start + timedelta(days=draw(st.integers(0, 1500)))


def around(as_of: date, before: int, after: int) -> st.SearchStrategy[date]:
    """A day from `before` days before `as_of` to `after` days after it."""
    return st.integers(-after, before).map(lambda n: as_of - timedelta(days=n))


@st.composite
def credentials(draw: st.DrawFn, as_of: date) -> dict[str, Any]:
    kind = draw(st.sampled_from(["skill_certificate", "professional_title"]))
    grade = draw(st.sampled_from(SKILL if kind == "skill_certificate" else TITLES))
    relation = draw(st.sampled_from(RELATIONS))
    obtained_on = draw(around(as_of, 5 * 365, 200))
    return {"kind": kind, "grade": grade, "relation": relation, "obtained_on": obtained_on.isoformat()}


@st.composite
def work_periods(draw: st.DrawFn, as_of: date) -> dict[str, Any]:
    start = draw(around(as_of, 8 * 365, 100))
    end = None if draw(st.booleans()) else start + timedelta(days=draw(st.integers(0, 4 * 365)))
    relation = draw(st.sampled_from(RELATIONS))
    return {"start": start.isoformat(), "end": end and end.isoformat(), "relation": relation}


@st.composite
def honours(draw: st.DrawFn, as_of: date) -> dict[str, Any]:
    granted_on = draw(around(as_of, 6 * 365, 200)).isoformat()
    category = draw(
        st.sampled_from(
            # the direct-route awards are rarer, so that the credential paths decide most verdicts
            ["technical_expert", "technical_expert", "model_worker", "other", "other", "state_council_allowance",
             "enterprise_contribution_award", "china_skills_award", "national_sci_tech_award"]
        )
    )  # fmt: skip
    body: dict[str, Any] = {"category": category, "granted_on": granted_on}
    if category in ("technical_expert", "model_worker", "other"):
        body["level"] = draw(st.sampled_from(["county", "municipal", "provincial", "provincial", "national"]))
    elif category == "national_sci_tech_award":
        body["rank"] = draw(st.sampled_from(["second", "third", "third"]))
    elif category == "enterprise_contribution_award":
        body["issuer_type"] = draw(st.sampled_from(["central_enterprise", "fortune_global_500"]))
    return body


@st.composite
def candidates(draw: st.DrawFn) -> dict[str, Any]:
    """Dates drawn around `as_of`, so that many candidates sit near a boundary."""
    as_of = draw(st.dates(min_value=date(2018, 1, 1), max_value=LAST))
    return {
        "level": draw(st.sampled_from(["T", "S"])),
        "as_of": as_of.isoformat(),
        "credentials": draw(st.lists(credentials(as_of), min_size=1, max_size=3)),
        "work_periods": draw(st.lists(work_periods(as_of), min_size=1, max_size=3)),
        "honours": draw(st.lists(honours(as_of), max_size=2)),
    }


def verdict_of(body: dict[str, Any], **changes: Any) -> Any:
    return evaluate(EligibilityRequest.model_validate({**body, **changes}))


# ---- the oracle ----------------------------------------------------------------------------------------------


def worked_days(periods: list[Interval], until: date) -> set[date]:
    """Every day inside some period, open ends cut at `until` (exclusive)."""
    out: set[date] = set()
    for start, end in periods:
        last = until - timedelta(days=1) if end is None else min(end, until - timedelta(days=1))
        out.update(start + timedelta(days=i) for i in range((last - start).days + 1))
    return out


HORIZON = LAST + timedelta(days=5000)


@FAST
@given(st.lists(intervals(), max_size=5), st.randoms(use_true_random=False))
def test_merge_is_order_independent_and_covers_the_same_days(periods, rnd):
    shuffled = list(periods)
    rnd.shuffle(shuffled)
    merged = merge(periods)
    assert merge(shuffled) == merged
    assert worked_days(merged, HORIZON) == worked_days(periods, HORIZON)
    # sorted, disjoint and not touching: each next one starts at least two days after the last ends
    for (_, end), (next_start, _) in itertools.pairwise(merged):
        assert end is not None
        assert next_start > end + timedelta(days=1)


@FAST
@given(st.lists(intervals(), max_size=4), days, days)
def test_counted_days_equals_the_worked_days_in_range_and_never_exceeds_the_calendar(periods, since, before):
    counted = counted_days(merge(periods), since, before)
    expected = sum(1 for d in worked_days(periods, before) if since <= d < before)
    assert counted == expected
    assert 0 <= counted <= max(0, (before - since).days)


@FAST
@given(st.lists(intervals(), max_size=4), days, st.integers(1, 1200))
def test_first_met_on_is_the_earliest_day_with_enough_counted_days(periods, since, needed):
    merged = merge(periods)
    met_on = first_met_on(merged, since, needed)
    if met_on is None:
        # never: only closed periods, and even far in the future the count stays short
        assert all(end is not None for _, end in merged)
        assert counted_days(merged, since, HORIZON) < needed
    else:
        assert counted_days(merged, since, met_on) >= needed
        assert counted_days(merged, since, met_on - timedelta(days=1)) < needed


# ---- the engine ------------------------------------------------------------------------------------------------


@FAST
@given(candidates())
def test_verdict_is_consistent(body):
    verdict = verdict_of(body)
    assert verdict.basis == sorted(verdict.basis)
    assert "S_HONOUR" not in verdict.basis
    assert bool(verdict.basis) is verdict.eligible
    met_ids = {p.id for p in verdict.paths if p.met}
    assert set(verdict.basis) <= met_ids
    if verdict.eligible:
        assert verdict.eligible_on is None
    if verdict.needs_review:
        assert verdict.eligible
        assert "DIRECT" not in verdict.basis
    for result in verdict.paths + verdict.prerequisites:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in result.detail)


@FAST
@given(candidates(), days)
def test_one_more_counting_work_day_never_takes_eligibility_away(body, extra_day):
    before = verdict_of(body)
    extra = {"start": extra_day.isoformat(), "end": extra_day.isoformat(), "relation": "corresponding"}
    after = verdict_of(body, work_periods=[*body["work_periods"], extra])
    if before.eligible:
        assert after.eligible
        assert set(before.basis) <= set(after.basis)


@FAST
@given(candidates(), st.integers(1, 2000))
def test_a_later_evaluation_date_never_takes_eligibility_away(body, later_by):
    # Given ongoing work in the occupation
    body = {**body, "work_periods": [*body["work_periods"], {"start": "2012-01-01", "relation": "related"}]}
    before = verdict_of(body)
    later = date.fromisoformat(body["as_of"]) + timedelta(days=later_by)
    after = verdict_of(body, as_of=later.isoformat())
    if before.eligible:
        assert after.eligible
        assert set(before.basis) <= set(after.basis)


@FAST
@given(candidates())
def test_eligible_on_is_later_and_makes_the_candidate_eligible(body):
    verdict = verdict_of(body)
    if verdict.eligible_on is None:
        return
    assert verdict.eligible_on > verdict.as_of
    assert verdict_of(body, as_of=verdict.eligible_on.isoformat()).eligible
    # and it is the earliest such day when no credential or honour arrives in between
    dated = [c["obtained_on"] for c in body["credentials"]] + [h["granted_on"] for h in body["honours"]]
    if all(date.fromisoformat(d) <= verdict.as_of for d in dated):
        day_before = verdict.eligible_on - timedelta(days=1)
        assert not verdict_of(body, as_of=day_before.isoformat()).eligible

"""Small builders for eligibility requests in the JSON shape of API.md, so tests read like the policy."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from schemas.eligibility import EligibilityRequest, EligibilityVerdict, PathResult, evaluate


def cert(grade: str, obtained_on: str, relation: str = "corresponding") -> dict[str, Any]:
    return {"kind": "skill_certificate", "grade": grade, "relation": relation, "obtained_on": obtained_on}


def title(grade: str, obtained_on: str, relation: str = "corresponding") -> dict[str, Any]:
    return {"kind": "professional_title", "grade": grade, "relation": relation, "obtained_on": obtained_on}


def work(start: str, end: str | None = None, relation: str = "corresponding") -> dict[str, Any]:
    return {"start": start, "end": end, "relation": relation}


def honour(category: str, granted_on: str, level: str | None = None, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"category": category, "granted_on": granted_on, **extra}
    if level is not None:
        body["level"] = level
    return body


def request(
    level: str,
    as_of: str,
    credentials: Iterable[dict[str, Any]] = (),
    work_periods: Iterable[dict[str, Any]] = (),
    honours: Iterable[dict[str, Any]] = (),
) -> EligibilityRequest:
    return EligibilityRequest.model_validate(
        {
            "level": level,
            "as_of": as_of,
            "credentials": list(credentials),
            "work_periods": list(work_periods),
            "honours": list(honours),
        }
    )


def judge(
    level: str,
    as_of: str,
    credentials: Iterable[dict[str, Any]] = (),
    work_periods: Iterable[dict[str, Any]] = (),
    honours: Iterable[dict[str, Any]] = (),
) -> EligibilityVerdict:
    return evaluate(request(level, as_of, credentials, work_periods, honours))


def path(verdict: EligibilityVerdict, path_id: str) -> PathResult:
    found = [p for p in verdict.paths + verdict.prerequisites if p.id == path_id]
    assert len(found) == 1, f"{path_id} should appear exactly once, got {[p.id for p in found]}"
    return found[0]


# A career in the occupation since 2005 that is still going on.
CAREER = work("2005-07-01")
MUNICIPAL_EXPERT = honour("technical_expert", "2019-09-01", "municipal", name="广州市技术能手")
PROVINCIAL_EXPERT = honour("technical_expert", "2020-09-01", "provincial", name="南粤技术能手")

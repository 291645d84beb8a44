"""A report's candidates as a reviewer must see them (DOMAIN.md "Review"): who they are (ID masked), their
occupation and level by name, the credentials, work periods and honours the verdict rests on, and the verdict of
every path, judged by `schemas.eligibility` as of the plan's review date — never as of today. When the plan
cannot be read the answer says so and carries no verdicts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError

from functions.auth import Principal
from functions.observability import mask_id_numbers
from functions.services.kinds import Stores
from functions.services.submissions import visible
from schemas.eligibility import (
    HONOUR_CATEGORIES,
    HONOUR_LEVELS,
    ISSUER_TYPES,
    RELATIONS,
    SCI_TECH_RANKS,
    SKILL_GRADES,
    TITLE_GRADES,
    EligibilityRequest,
    evaluate,
)
from schemas.fields import LEVEL_NAMES
from schemas.reference import occupations

CREDENTIAL_KINDS = {"skill_certificate": "职业技能等级证书", "professional_title": "职称"}
PLAN_UNREADABLE = "无法读取该报备所依据的评价计划，无法确定评审日期，因此不判断参评条件（不会按今天判断）"


def _name(vocabulary: dict[str, str], code: Any) -> str | None:
    return vocabulary.get(str(code), str(code)) if code else None


def _credential(c: dict[str, Any]) -> dict[str, Any]:
    grades = SKILL_GRADES if c.get("kind") == "skill_certificate" else TITLE_GRADES
    return {
        **c,
        "kind_name": _name(CREDENTIAL_KINDS, c.get("kind")),
        "grade_name": _name(grades, c.get("grade")),
        "relation_name": _name(RELATIONS, c.get("relation", "corresponding")),
    }


def _period(p: dict[str, Any]) -> dict[str, Any]:
    return {**p, "relation_name": _name(RELATIONS, p.get("relation", "corresponding"))}


def _honour(h: dict[str, Any]) -> dict[str, Any]:
    return {
        **h,
        "category_name": _name(HONOUR_CATEGORIES, h.get("category")),
        "level_name": _name(HONOUR_LEVELS, h.get("level")),
        "rank_name": _name(SCI_TECH_RANKS, h.get("rank")),
        "issuer_name": _name(ISSUER_TYPES, h.get("issuer_type")),
    }


def _verdict(candidate: dict[str, Any], review_date: date | None) -> dict[str, Any] | None:
    if review_date is None:
        return None
    try:
        request = EligibilityRequest.model_validate(
            {
                "level": candidate.get("level"),
                "as_of": review_date,
                "credentials": candidate.get("credentials", []),
                "work_periods": candidate.get("work_periods", []),
                "honours": candidate.get("honours", []),
            }
        )
    except ValidationError:
        return {"eligible": None, "detail": "该人员的证书、工作经历或荣誉不符合现行填写规则，无法自动判断，请人工核实"}
    return evaluate(request).model_dump(mode="json")


def _candidate(index: int, c: dict[str, Any], review_date: date | None) -> dict[str, Any]:
    code = c.get("occupation")
    occupation = occupations().get(str(code))
    return {
        "index": index,
        "name": c.get("name"),
        "id_number_masked": mask_id_numbers(str(c.get("id_number", ""))),
        "occupation": code,
        "occupation_name": occupation.name if occupation else None,
        "level": c.get("level"),
        "level_name": _name(LEVEL_NAMES, c.get("level")),
        "credentials": [_credential(x) for x in c.get("credentials", [])],
        "work_periods": [_period(x) for x in c.get("work_periods", [])],
        "honours": [_honour(x) for x in c.get("honours", [])],
        "score": (c.get("evaluation") or {}).get("score"),
        "verdict": _verdict(c, review_date),
    }


def report_candidates(
    stores: Stores, report_id: str, principal: Principal, offset: int = 0, limit: int = 100
) -> dict[str, Any]:
    head = visible(stores, "report", report_id, principal)
    body = stores.records.body(head["id"], head["version"])
    plan = stores.records.head(str(head.get("plan_id", "")))
    review_date = date.fromisoformat(plan["review_date"]) if plan and plan.get("review_date") else None
    everyone = body.get("candidates", [])
    page = everyone[offset : offset + limit]
    return {
        "id": head["id"],
        "version": head["version"],
        "plan_id": head.get("plan_id"),
        "review_date": review_date.isoformat() if review_date else None,
        "plan_problem": None if review_date else PLAN_UNREADABLE,
        "total": len(everyone),
        "offset": offset,
        "next_offset": offset + limit if offset + limit < len(everyone) else None,
        "candidates": [_candidate(offset + i, c, review_date) for i, c in enumerate(page)],
    }

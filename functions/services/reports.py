"""A results report checked in one pass: every field error, ID number, eligibility and cross-record rule at once."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.errors import FieldProblem, ValidationFailed
from functions.services import clock
from functions.services.kinds import Stores, report_rules
from schemas._errors import field_path, zh_message
from schemas.forms import ReportRequest
from schemas.report_parts import parse_report
from schemas.rules import duplicate_ids


def checked_report(stores: Stores, principal: Principal, raw: Any, model: type[ReportRequest]) -> ReportRequest:
    """The valid form (its remaining rules run when it is submitted), or a 422 listing every problem found.

    When the form itself has errors, the rules that need the plan still run on every candidate that parsed,
    so a clerk corrects ID numbers and eligibility in the same round.
    """
    parts = parse_report(raw, model)
    if parts.complete is not None:
        return parts.complete
    fields = [
        FieldProblem(field_path(e.get("loc", ())), zh_message(e), str(e.get("type", "invalid"))) for e in parts.errors
    ]
    fields += [FieldProblem(f.path, f.message, f.type) for f in duplicate_ids(parts.candidates)]
    fields += report_rules(stores, principal, parts, clock.today())[1]
    raise ValidationFailed(_ordered(fields))


def _ordered(fields: list[FieldProblem]) -> list[FieldProblem]:
    """Problems in the order of the form: top fields first, then candidate by candidate (stable otherwise)."""

    def where(problem: FieldProblem) -> tuple[int, int]:
        if problem.path.startswith("candidates["):
            return 1, int(problem.path[len("candidates[") :].split("]")[0])
        return (2, 0) if problem.path.startswith("materials") else (0, 0)

    return sorted(dict.fromkeys(fields), key=where)

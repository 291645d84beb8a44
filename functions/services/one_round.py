"""Filings and plans checked in one pass: every field error and every cross-record rule at once (reports:
`services.reports`)."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.errors import FieldProblem, ValidationFailed
from functions.services import clock
from functions.services.kinds import Stores, filing_rules, plan_rules
from schemas._errors import RuleFailure, field_path, zh_message
from schemas.form_parts import filing_form_rules, parse_filing, parse_plan, plan_repeats
from schemas.forms import FilingRequest, PlanRequest


def _field_errors(errors: list[dict[str, Any]]) -> list[FieldProblem]:
    return [FieldProblem(field_path(e.get("loc", ())), zh_message(e), str(e.get("type", "invalid"))) for e in errors]


def _problems(failures: list[RuleFailure]) -> list[FieldProblem]:
    return [FieldProblem(f.path, f.message, f.type) for f in failures]


def ordered(fields: list[FieldProblem], order: tuple[str, ...]) -> list[FieldProblem]:
    """Each problem once, in the order of the form's fields (stable within a field)."""

    def where(problem: FieldProblem) -> int:
        top = problem.path.split(".")[0].split("[")[0]
        return order.index(top) if top in order else len(order)

    return sorted(dict.fromkeys(fields), key=where)


def checked_plan(stores: Stores, principal: Principal, raw: Any, model: type[PlanRequest]) -> PlanRequest:
    """The valid plan (its cross-record rules run when it is submitted), or a 422 listing every problem found:
    the fields', and the filing's, the campaign's, the upload's and the debarments' on the fields that parsed."""
    parts = parse_plan(raw, model)
    if parts.complete is not None:
        return parts.complete
    fields = _field_errors(parts.errors) + _problems(plan_repeats(parts))
    fields += plan_rules(stores, principal, parts, clock.today())[1]
    raise ValidationFailed(ordered(fields, tuple(model.model_fields)))


def checked_filing(stores: Stores, principal: Principal, raw: Any, model: type[FilingRequest]) -> FilingRequest:
    """The valid filing, or a 422 listing every problem found: the fields', the levels the enterprise's
    categories allow, each occupation once, and debarments, on the parts that parsed."""
    parts = parse_filing(raw, model)
    if parts.complete is not None:
        return parts.complete
    fields = _field_errors(parts.errors) + _problems(filing_form_rules(parts))
    fields += filing_rules(stores, principal, parts, clock.today())
    raise ValidationFailed(ordered(fields, tuple(model.model_fields)))

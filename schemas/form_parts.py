"""A filing or a plan taken apart, so every problem is found in one answer (like `schemas.report_parts`).

pydantic refuses a whole form when one field is bad, and the rules that need another record (the filing a plan
cites, the campaign, the uploads, debarments) would then wait for a second round. `parse_plan` and
`parse_filing` keep every field that is valid on its own — list items with their index in the submitted list —
beside the field errors, so the caller runs the cross-record rules on them and answers everything at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from schemas._errors import RuleFailure
from schemas.fields import OccupationCode
from schemas.forms import Enterprise, FilingRequest, OccupationRef, PlanRequest, level_refusal

_CODE: TypeAdapter[str] = TypeAdapter(OccupationCode)


def _errors(exc: ValidationError) -> list[dict[str, Any]]:
    return [dict(e) for e in exc.errors()]


def valid_fields(model: type[BaseModel], raw: Any, bad: set[Any]) -> dict[str, Any]:
    """Each top-level field of `raw` not in `bad` that passes its own validators, by name (typed)."""
    data = raw if isinstance(raw, dict) else {}
    shell = model.model_construct()
    values: dict[str, Any] = {}
    for name in model.model_fields:
        if name in bad or name not in data:
            continue
        try:
            model.__pydantic_validator__.validate_assignment(shell, name, data[name])
        except ValidationError:
            continue
        values[name] = getattr(shell, name)
    return values


def _bad(errors: list[dict[str, Any]]) -> set[Any]:
    return {e["loc"][0] for e in errors if e.get("loc")}


def _items(raw: Any, parse: Any) -> list[tuple[int, Any]]:
    """The items of a submitted list that are valid on their own, with their index."""
    if not isinstance(raw, list):
        return []
    found = []
    for index, item in enumerate(raw):
        try:
            found.append((index, parse(item)))
        except ValidationError:
            continue
    return found


def first_repeat(codes: list[str]) -> str | None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            return code
        seen.add(code)
    return None


# ---- plan -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanParts:
    """What of a plan parsed; `complete` is the whole valid form. Occupations keep their submitted indices."""

    filing_id: str | None
    campaign: str | None
    phase: int | None
    level: str | None
    occupations: list[tuple[int, str]]
    review_date: date | None
    plan_document: str | None
    errors: list[dict[str, Any]] = field(default_factory=list)
    complete: PlanRequest | None = None

    @classmethod
    def of(cls, form: PlanRequest) -> PlanParts:
        return cls(
            form.filing_id,
            form.campaign,
            form.phase,
            form.level,
            list(enumerate(form.occupations)),
            form.review_date,
            form.plan_document,
            complete=form,
        )


def parse_plan(raw: Any, model: type[PlanRequest] = PlanRequest) -> PlanParts:
    """The whole plan when it is valid; otherwise its field errors and every field valid on its own."""
    try:
        return PlanParts.of(model.model_validate(raw))
    except ValidationError as exc:
        errors = _errors(exc)
    bad = _bad(errors)
    good = valid_fields(model, raw, bad)
    data = raw if isinstance(raw, dict) else {}
    occupations = (
        _items(data.get("occupations"), _CODE.validate_python)
        if "occupations" in bad
        else list(enumerate(good.get("occupations", [])))
    )
    return PlanParts(
        good.get("filing_id"),
        good.get("campaign"),
        good.get("phase"),
        good.get("level"),
        occupations,
        good.get("review_date"),
        good.get("plan_document"),
        errors=errors,
    )


def plan_repeats(parts: PlanParts) -> list[RuleFailure]:
    """The plan's each-occupation-once rule on the occupations that parsed (the form's own check runs only when
    every one of them does)."""
    if parts.complete is not None or first_repeat([code for _, code in parts.occupations]) is None:
        return []
    return [RuleFailure("occupations", "评价职业重复填写", "occupation_duplicate")]


# ---- filing -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FilingParts:
    """What of a filing parsed: the enterprise's USCC and categories, the levels, the occupations."""

    uscc: str | None
    categories: Sequence[str] | None
    levels: Sequence[str] | None
    occupations: list[tuple[int, OccupationRef]]
    errors: list[dict[str, Any]] = field(default_factory=list)
    complete: FilingRequest | None = None

    @classmethod
    def of(cls, form: FilingRequest) -> FilingParts:
        enterprise = form.enterprise
        return cls(
            enterprise.uscc, enterprise.categories, form.levels, list(enumerate(form.occupations)), complete=form
        )


def parse_filing(raw: Any, model: type[FilingRequest] = FilingRequest) -> FilingParts:
    """The whole filing when it is valid; otherwise its field errors and every part valid on its own."""
    try:
        return FilingParts.of(model.model_validate(raw))
    except ValidationError as exc:
        errors = _errors(exc)
    bad = _bad(errors)
    good = valid_fields(model, raw, bad)
    data = raw if isinstance(raw, dict) else {}
    enterprise = good.get("enterprise")
    company = (
        {"uscc": enterprise.uscc, "categories": enterprise.categories}
        if enterprise is not None
        else valid_fields(Enterprise, data.get("enterprise"), set())
    )
    occupations = (
        _items(data.get("occupations"), OccupationRef.model_validate)
        if "occupations" in bad
        else list(enumerate(good.get("occupations", [])))
    )
    return FilingParts(company.get("uscc"), company.get("categories"), good.get("levels"), occupations, errors=errors)


def filing_form_rules(parts: FilingParts) -> list[RuleFailure]:
    """The filing's rules across its fields, run on the parts when the form's own validators could not run them:
    levels the enterprise's categories allow, each occupation once."""
    if parts.complete is not None:
        return []
    failures = []
    if parts.levels is not None and parts.categories is not None:
        refusal = level_refusal(parts.levels, parts.categories)
        if refusal:
            failures.append(RuleFailure("levels", refusal, "level_not_allowed"))
    repeat = first_repeat([item.code for _, item in parts.occupations])
    if repeat is not None:
        failures.append(RuleFailure("occupations", f"职业 {repeat} 重复填写", "occupation_duplicate"))
    return failures


__all__ = [
    "FilingParts",
    "PlanParts",
    "filing_form_rules",
    "first_repeat",
    "parse_filing",
    "parse_plan",
    "plan_repeats",
    "valid_fields",
]

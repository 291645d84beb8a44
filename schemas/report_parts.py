"""A results report taken apart, so every problem is found in one answer.

pydantic refuses a whole report when one candidate has a bad field, and the rules that need the plan (level,
occupation, eligibility on the review date, the public notice) would then never run. `parse_report` keeps
every part that did parse — each candidate with its index in the submitted list — beside the field errors,
so the caller can run the cross-record rules on those parts and answer everything at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from schemas.forms import Candidate, Material, PublicNotice, ReportRequest


@dataclass(frozen=True)
class ReportParts:
    """What of a report parsed. `complete` holds the whole valid form; the lists keep submitted indices."""

    plan_id: str | None
    public_notice: PublicNotice | None
    candidates: list[tuple[int, Candidate]]
    materials: list[tuple[int, Material]]
    errors: list[dict[str, Any]] = field(default_factory=list)
    complete: ReportRequest | None = None

    @classmethod
    def of(cls, form: ReportRequest) -> ReportParts:
        return cls(form.plan_id, form.public_notice, list(enumerate(form.candidates)), list(enumerate(form.materials)))


def _one(model: type[BaseModel], raw: Any) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def _each(model: type[BaseModel], raw: Any) -> list[tuple[int, Any]]:
    if not isinstance(raw, list):
        return []
    parsed = ((i, _one(model, item)) for i, item in enumerate(raw))
    return [(i, item) for i, item in parsed if item is not None]


def parse_report(raw: Any, model: type[ReportRequest] = ReportRequest) -> ReportParts:
    """The whole form when it is valid; otherwise its field errors and every part that is valid on its own."""
    try:
        form = model.model_validate(raw)
    except ValidationError as exc:
        errors = [dict(e) for e in exc.errors()]
    else:
        return ReportParts(
            form.plan_id,
            form.public_notice,
            list(enumerate(form.candidates)),
            list(enumerate(form.materials)),
            complete=form,
        )
    data = raw if isinstance(raw, dict) else {}
    plan_id = data.get("plan_id")
    if not isinstance(plan_id, str) or not plan_id.strip() or len(plan_id) > 64:
        plan_id = None
    return ReportParts(
        plan_id.strip() if plan_id else None,
        _one(PublicNotice, data.get("public_notice")),
        _each(Candidate, data.get("candidates")),
        _each(Material, data.get("materials")),
        # The list-wide duplicate rule only ran if every candidate parsed; the caller runs it on the parts.
        errors=[e for e in errors if e.get("type") != "id_number_duplicate"],
    )


__all__ = ["ReportParts", "parse_report"]

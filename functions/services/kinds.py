"""What differs between filings, plans and reports: their forms, their parents, the rules that tie them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from functions.auth import Principal
from functions.dal.debarments import DebarmentStore
from functions.dal.records import RecordStore
from functions.dal.uploads import UploadStore
from functions.errors import FieldProblem, Forbidden
from functions.services import campaigns
from functions.services.integrity import check_uploads, debarred
from functions.services.stats import occupation_counts
from schemas.campaigns import plan_in_campaign, report_in_campaign
from schemas.form_parts import FilingParts, PlanParts
from schemas.forms import (
    FilingRequest,
    FilingResubmission,
    PlanRequest,
    PlanResubmission,
    ReportRequest,
    ReportResubmission,
)
from schemas.report_parts import ReportParts
from schemas.review import review_stages
from schemas.rules import plan_against_filing, report_against_plan

if TYPE_CHECKING:
    from functions.dal.parties import Parties, PartyStore
    from functions.dal.people import PeopleStore


@dataclass
class Stores:
    records: RecordStore
    uploads: UploadStore
    debarments: DebarmentStore

    @property
    def people(self) -> PeopleStore:
        """One-person-one-approval claims, on the same table."""
        from functions.dal.people import PeopleStore

        return PeopleStore(self.records)

    @property
    def parties(self) -> PartyStore:
        """Each person's and enterprise's item: debarment in force and approval claims, read in one go."""
        from functions.dal.parties import PartyStore

        return PartyStore(self.records)


@dataclass(frozen=True)
class Prepared:
    """The head fields a submission contributes, or the problems that refuse it."""

    fields: dict[str, Any]
    stages: tuple[str, ...]
    problems: list[FieldProblem]


Prepare = Callable[[Stores, Principal, Any, date], Prepared]


@dataclass(frozen=True)
class Kind:
    name: str
    prefix: str
    request: type[BaseModel]
    resubmission: type[BaseModel]
    prepare: Prepare


def _as_problems(failures: list[Any]) -> list[FieldProblem]:
    return [FieldProblem(f.path, f.message, f.type) for f in failures]


def _parent(
    stores: Stores, principal: Principal, parent_id: str, path: str, kind: str, name: str
) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    head = stores.records.head(parent_id)
    if head is None or head.get("kind") != kind or head.get("owner") != principal.uscc:
        return None, [FieldProblem(path, f"找不到该{name}，请核对编号", f"{kind}_unknown")]
    if head["status"] != "approved":
        return None, [FieldProblem(path, f"该{name}尚未通过审核，通过后才能继续", f"{kind}_not_approved")]
    return head, []


def filing_rules(stores: Stores, principal: Principal, parts: FilingParts, today: date) -> list[FieldProblem]:
    """Every rule beyond the form on whatever parts of a filing parsed: the caller's own USCC, debarments."""
    if parts.uscc is not None and parts.uscc != principal.uscc:
        raise Forbidden("只能以本企业的统一社会信用代码备案")
    return debarred(stores.debarments, {"enterprise.uscc": parts.uscc or principal.uscc or ""}, today)


def _prepare_filing(stores: Stores, principal: Principal, form: FilingRequest, today: date) -> Prepared:
    problems = filing_rules(stores, principal, FilingParts.of(form), today)
    fields = {
        "enterprise_name": form.enterprise.name,
        "city": form.enterprise.city,
        "categories": form.enterprise.categories,
        "levels": form.levels,
        "scope": [o.code for o in form.occupations],
        "contact_email": form.contact.email,
        "existing_institution": form.existing_institution.model_dump() if form.existing_institution else None,
    }
    return Prepared(fields, review_stages("filing", None, form.enterprise.categories), problems)


def plan_rules(
    stores: Stores, principal: Principal, parts: PlanParts, today: date
) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    """Every rule beyond the form on whatever parts of a plan parsed: its filing (approved, level, scope), its
    campaign and phase (open, deadline, review date), its uploaded work plan, debarments."""
    filing: dict[str, Any] | None = None
    problems: list[FieldProblem] = []
    if parts.filing_id is not None:
        filing, problems = _parent(stores, principal, parts.filing_id, "filing_id", "filing", "备案")
    if filing is not None:
        problems += _as_problems(plan_against_filing(parts.level, parts.occupations, filing["levels"], filing["scope"]))
    if parts.campaign is not None:
        campaign = campaigns.find(stores.records, parts.campaign)
        problems += _as_problems(plan_in_campaign(campaign, parts.campaign, parts.phase, parts.review_date, today))
    if parts.plan_document is not None:
        problems += check_uploads(
            stores.records,
            stores.uploads,
            {"plan_document": parts.plan_document},
            principal.uscc or "",
            "plan_document",
        )
    problems += debarred(stores.debarments, {"enterprise": principal.uscc or ""}, today)
    return filing, problems


def _prepare_plan(stores: Stores, principal: Principal, form: PlanRequest, today: date) -> Prepared:
    filing, problems = plan_rules(stores, principal, PlanParts.of(form), today)
    if filing is None:
        return Prepared({}, (), problems)
    fields = {
        "enterprise_name": filing["enterprise_name"],
        "city": filing["city"],
        "categories": filing["categories"],
        "contact_email": filing.get("contact_email"),
        "filing_id": form.filing_id,
        "level": form.level,
        "campaign": form.campaign,
        "phase": form.phase,
        "review_date": form.review_date.isoformat(),
        "occupations": form.occupations,
    }
    return Prepared(fields, review_stages("plan", form.level, filing["categories"]), problems)


def report_rules(
    stores: Stores, principal: Principal, parts: ReportParts, today: date, parties: Parties | None = None
) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    """Every rule beyond the form on whatever parts of a report parsed: its plan, notice, uploads, debarments.
    `parties`: the enterprise's and candidates' party items when the caller read them already."""
    plan: dict[str, Any] | None = None
    problems: list[FieldProblem] = []
    if parts.plan_id is not None:
        plan, problems = _parent(stores, principal, parts.plan_id, "plan_id", "plan", "评价计划")
    if plan is not None:
        review_date = date.fromisoformat(plan["review_date"])
        problems += _as_problems(report_against_plan(parts, plan["level"], plan["occupations"], review_date, today))
        campaign = campaigns.find(stores.records, plan["campaign"])
        problems += _as_problems(report_in_campaign(campaign, plan["campaign"], plan["phase"], today))
    problems += check_uploads(
        stores.records,
        stores.uploads,
        {f"materials[{i}].key": m.key for i, m in parts.materials},
        principal.uscc or "",
        "material",
    )
    subjects = {"enterprise": principal.uscc or ""}
    subjects.update({f"candidates[{i}].id_number": c.id_number for i, c in parts.candidates})
    problems += debarred(stores.debarments, subjects, today, parties)
    return plan, problems


def _prepare_report(stores: Stores, principal: Principal, form: ReportRequest, today: date) -> Prepared:
    # The enterprise and every candidate are read once, for debarments and for approvals elsewhere.
    parties = stores.parties.read([principal.uscc or "", *(c.id_number for c in form.candidates)])
    plan, problems = report_rules(stores, principal, ReportParts.of(form), today, parties)
    if plan is None:
        return Prepared({}, (), problems)
    fields = {
        "enterprise_name": plan["enterprise_name"],
        "city": plan["city"],
        "categories": plan["categories"],
        "contact_email": plan.get("contact_email"),
        "filing_id": plan["filing_id"],
        "plan_id": form.plan_id,
        "level": plan["level"],
        "campaign": plan["campaign"],
        "phase": plan["phase"],
        "review_date": plan["review_date"],
        "candidate_count": len(form.candidates),
        "occupation_counts": occupation_counts(c.occupation for c in form.candidates),
    }
    fields.update(_duplicate_flags(stores, fields, form, parties))
    return Prepared(fields, review_stages("report", plan["level"], plan["categories"]), problems)


DUPLICATES_KEPT = 20  # the head keeps the first few; reviewers' view recomputes them all


def _duplicate_flags(stores: Stores, fields: dict[str, Any], form: ReportRequest, parties: Parties) -> dict[str, Any]:
    """Candidates already approved for this level and campaign elsewhere, flagged from submission on."""
    from functions.services.duplicates import approved_elsewhere

    candidates = [{"name": c.name, "id_number": c.id_number} for c in form.candidates]
    found = approved_elsewhere(stores, fields, candidates, parties)
    return {"duplicate_count": len(found), "duplicates": found[:DUPLICATES_KEPT]}


KINDS: dict[str, Kind] = {
    "filing": Kind("filing", "FIL", FilingRequest, FilingResubmission, _prepare_filing),
    "plan": Kind("plan", "PLN", PlanRequest, PlanResubmission, _prepare_plan),
    "report": Kind("report", "RPT", ReportRequest, ReportResubmission, _prepare_report),
}

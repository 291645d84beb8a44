"""Campaigns as administered data: the years an administrator opened or edited, merged with the years shipped
as history (a stored year takes the shipped one's place). Every change is audited under `AUDIT#campaigns`.

Everything that needs a campaign (plans, reports, pages) reads it here, so an edit applies at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from functions.auth import Principal
from functions.dal.campaigns import CampaignStore
from functions.dal.records import RecordStore
from functions.errors import FieldProblem, NotFound, ValidationFailed
from functions.services import clock
from schemas.campaigns import (
    Campaign,
    CampaignRequest,
    campaign_from,
    campaign_view,
    current_campaign,
    newest_first,
    numbering_failures,
    shipped_campaigns,
)

AUDIT = "AUDIT#campaigns"


def _store(records: RecordStore) -> CampaignStore:
    return CampaignStore(records)


def every(records: RecordStore) -> list[Campaign]:
    """Every year, newest first: the stored ones and the shipped history."""
    merged = dict(shipped_campaigns())
    merged.update({item["year"]: campaign_from(item) for item in _store(records).all()})
    return newest_first(merged.values())


def find(records: RecordStore, year: str) -> Campaign | None:
    if not year:
        return None  # no key to read (DynamoDB refuses an empty one)
    stored = _store(records).get(year)
    return campaign_from(stored) if stored else shipped_campaigns().get(year)


def known(records: RecordStore, year: str, path: str = "campaign") -> Campaign:
    """The campaign of a request's year, or a 422 naming the field (an administered year counts too)."""
    campaign = find(records, year)
    if campaign is None:
        raise ValidationFailed([FieldProblem(path, f"没有 {year} 年度的评聘工作安排", "campaign_unknown")])
    return campaign


def current(records: RecordStore, today: date | None = None) -> Campaign | None:
    return current_campaign(every(records), today or clock.today())


def view(campaign: Campaign, today: date) -> dict[str, Any]:
    """A campaign as answered: its phases, and whether each is open for submissions today."""
    out = campaign_view(campaign)
    for phase, raw in zip(campaign.phases, out["phases"], strict=True):
        raw["deadline_passed"] = today > phase.end
        raw["current"] = phase.contains(today)
    out["current"] = campaign.phase_of(today) is not None
    out["history"] = campaign.year in shipped_campaigns()
    return out


def listing(records: RecordStore) -> dict[str, Any]:
    today = clock.today()
    items = every(records)
    now = current_campaign(items, today)
    return {
        "today": today.isoformat(),
        "current": now.year if now else None,
        "items": [view(c, today) for c in items],
    }


def one(records: RecordStore, year: str) -> dict[str, Any]:
    campaign = find(records, year)
    if campaign is None:
        raise NotFound(f"没有 {year} 年度的评聘工作安排")
    return view(campaign, clock.today())


def save(records: RecordStore, principal: Principal, year: str, form: CampaignRequest) -> tuple[dict[str, Any], bool]:
    """Create or edit a year; answer it and whether it is new (not stored nor shipped before)."""
    from functions.services.submissions import log_item

    failures = numbering_failures(form)
    if failures:
        raise ValidationFailed([FieldProblem(f.path, f.message, f.type) for f in failures])
    before = find(records, year)
    campaign = form.campaign(year)
    at = clock.stamp()
    _store(records).put({**campaign_view(campaign), "updated_at": at, "updated_by": principal.subject})
    action = "campaign_create" if before is None else "campaign_edit"
    detail = {"year": year, "before": campaign_view(before) if before else None, "after": campaign_view(campaign)}
    status = "open" if campaign.accepting_submissions else "closed"
    records.put({**log_item(principal, action, 0, status, at, detail=detail), "pk": AUDIT})
    return view(campaign, clock.today()), before is None

"""Who sees which statistics: a city its own, the province and administrators all (with a city filter)."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.errors import Forbidden, NotFound
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.stats import answer
from schemas.reference import campaigns, cities, occupations


def _campaign(year: str | None) -> Any:
    known = campaigns()
    if year is not None:
        if year not in known:
            raise NotFound(f"没有 {year} 年度的评聘工作安排")
        return known[year]
    today = clock.today()
    current = [c for c in known.values() if c.phase_of(today)]
    return (current or sorted(known.values(), key=lambda c: c.year))[-1]


def _occupation_name(code: str) -> str:
    found = occupations().get(code)
    return found.name if found else code


def staff_stats(stores: Stores, principal: Principal, year: str | None, city: str | None) -> dict[str, Any]:
    if principal.role == "city_reviewer":
        if city is not None and city != principal.city:
            raise Forbidden("地市审核人员只能查看本市统计")
        city = principal.city
    campaign = _campaign(year)
    scope = [(c.code, c.name) for c in cities().values() if city is None or c.code == city]
    phases = [(p.phase, p.end) for p in campaign.phases]
    return answer(stores.records, campaign.year, scope, phases, clock.today(), _occupation_name)


def public_stats(stores: Stores) -> dict[str, Any]:
    """Numbers only, no names: enterprises running the programme and people certified, this campaign."""
    campaign = _campaign(None)
    scope = [(c.code, c.name) for c in cities().values()]
    full = answer(stores.records, campaign.year, scope, [], clock.today(), _occupation_name)
    certified = sum(c["certificates"]["allocated"] + c["certificates"]["issued"] for c in full["by_city"])
    return {
        "campaign": campaign.year,
        "name": campaign.name,
        "enterprises": sum(c["enterprises"] for c in full["by_city"]),
        "certified": certified,
    }

"""Who sees which statistics: a city its own, the province and administrators all (with a city filter)."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.errors import Forbidden, NotFound
from functions.services import campaigns as administered
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.stats import answer
from schemas.campaigns import current_campaign
from schemas.reference import cities, occupations


def _campaign(stores: Stores, year: str | None) -> Any:
    if year:  # the dashboard names its year: one keyed read
        found = administered.find(stores.records, year)
        if found is None:
            raise NotFound(f"没有 {year} 年度的评聘工作安排")
        return found
    known = administered.every(stores.records)  # administered years and shipped history, newest first
    return current_campaign(known, clock.today()) or known[0]


def _occupation_name(code: str) -> str:
    found = occupations().get(code)
    return found.name if found else code


def staff_stats(stores: Stores, principal: Principal, year: str | None, city: str | None) -> dict[str, Any]:
    if principal.role == "city_reviewer":
        if city is not None and city != principal.city:
            raise Forbidden("地市审核人员只能查看本市统计")
        city = principal.city
    campaign = _campaign(stores, year)
    scope = [(c.code, c.name) for c in cities().values() if city is None or c.code == city]
    phases = [(p.phase, p.end) for p in campaign.phases]
    return answer(stores.records, campaign.year, scope, phases, clock.today(), _occupation_name)


def public_stats(stores: Stores) -> dict[str, Any]:
    """Numbers only, no names: enterprises running the programme and people certified, this campaign."""
    campaign = _campaign(stores, None)
    scope = [(c.code, c.name) for c in cities().values()]
    full = answer(stores.records, campaign.year, scope, [], clock.today(), _occupation_name)
    certified = sum(c["certificates"]["allocated"] + c["certificates"]["issued"] for c in full["by_city"])
    return {
        "campaign": campaign.year,
        "name": campaign.name,
        "enterprises": sum(c["enterprises"] for c in full["by_city"]),
        "certified": certified,
    }


def workbook(stats: dict[str, Any]) -> bytes:
    """The dashboard's figures as an XLSX: one sheet per table on the page."""
    import io

    import xlsxwriter

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    head = book.add_format({"bold": True})
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            "各市",
            ["地市代码", "地市", "企业", "备案", "计划", "报备", "人数", "已分配编号", "已核发", "已撤销"],
            [
                [c["city"], c["name"], c["enterprises"], c["filings"], c["plans"], c["reports"], c["candidates"]]
                + [c["certificates"][s] for s in ("allocated", "issued", "revoked")]
                for c in stats["by_city"]
            ],
        ),
        (
            "分级别",
            ["地市", "级别", "企业", "计划", "报备", "人数", "已分配编号", "已核发", "已撤销"],
            [
                [c["name"], level, b["enterprises"], b["plans"], b["reports"], b["candidates"]]
                + [b["certificates"][s] for s in ("allocated", "issued", "revoked")]
                for c in stats["by_city"]
                for level, b in c["by_level"].items()
            ],
        ),
        (
            "审核岗",
            ["审核岗", "待审", "等待天数中位数", "等待天数90%分位"],
            [[d["name"], d["waiting"], d["median_days"], d["p90_days"]] for d in stats["desks"]],
        ),
        (
            "各期",
            ["期次", "截止日期", "剩余天数"],
            [[p["phase"], p["deadline"], p["days_left"]] for p in stats["phases"]],
        ),
        (
            "职业",
            ["职业编码", "职业", "报备人数"],
            [[o["code"], o["name"], o["candidates"]] for o in stats["top_occupations"]],
        ),
    ]
    for name, headers, rows in sheets:
        sheet = book.add_worksheet(name)
        sheet.write_row(0, 0, headers, head)
        for i, row in enumerate(rows, start=1):
            sheet.write_row(i, 0, row)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, len(headers) - 1, 14)
    book.close()
    return out.getvalue()

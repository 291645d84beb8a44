"""Campaigns administered through the API: create, edit, list, current, audit; each form rule a 422 naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import admin_claims, city_claims, enterprise_claims, province_claims
from tests.functional._workflow import problem


def year_body(year: int, accepting: bool = True, **changes: Any) -> dict[str, Any]:
    """A year shaped like 2025's notice: phase 1 April → 10 July, phase 2 July → 30 October (overlapping)."""
    body = {
        "name": f"广东省{year}年特级技师、首席技师评聘",
        "phases": [
            {"phase": 1, "start": f"{year}-04-01", "end": f"{year}-07-10", "note": "4月启动，7月10日前完成"},
            {"phase": 2, "start": f"{year}-07-01", "end": f"{year}-10-30", "note": "7月启动，10月30日前完成"},
        ],
        "accepting_submissions": accepting,
    }
    return {**body, **changes}


def test_shipped_history_lists_2025_and_2024_newest_first(aws, call_api):
    status, answer = call_api("GET", "/api/campaigns")
    assert status == 200
    years = [c["year"] for c in answer["items"]]
    assert years[:2] == ["2025", "2024"]
    assert years == sorted(years, reverse=True)
    by_year = {c["year"]: c for c in answer["items"]}
    assert [(p["start"], p["end"]) for p in by_year["2025"]["phases"]] == [
        ("2025-04-01", "2025-07-10"),
        ("2025-07-01", "2025-10-30"),
    ]
    assert by_year["2024"]["history"] is True


def test_an_admin_opens_a_new_year_and_everyone_reads_it(aws, call_api, today):
    # Given the clock inside a year no code knows
    today("2026-05-06")
    # When an administrator opens 2026
    status, created = call_api("PUT", "/api/campaigns/2026", year_body(2026), claims=admin_claims())
    # Then it is created (201), listed first, and current (its phase 1 contains today)
    assert status == 201, created
    assert created["year"] == "2026"
    assert created["current"] is True
    _, listing = call_api("GET", "/api/campaigns")
    assert listing["items"][0]["year"] == "2026"
    assert (listing["current"], listing["today"]) == ("2026", "2026-05-06")
    status, current = call_api("GET", "/api/campaigns/current")
    assert (status, current["campaign"]["year"]) == (200, "2026")
    assert [p["current"] for p in current["campaign"]["phases"]] == [True, False]
    assert call_api("GET", "/api/campaigns/2026")[1]["name"] == "广东省2026年特级技师、首席技师评聘"


def test_editing_a_year_answers_200_and_every_change_is_audited(aws, call_api):
    assert call_api("PUT", "/api/campaigns/2026", year_body(2026), claims=admin_claims())[0] == 201
    # When the administrator extends phase 1 to 31 July, then closes the year
    extended = year_body(2026)
    extended["phases"][0]["end"] = "2026-07-31"
    status, answer = call_api("PUT", "/api/campaigns/2026", extended, claims=admin_claims())
    assert (status, answer["phases"][0]["end"]) == (200, "2026-07-31")
    closed = {**extended, "accepting_submissions": False}
    assert call_api("PUT", "/api/campaigns/2026", closed, claims=admin_claims())[1]["accepting_submissions"] is False
    # Then the audit trail holds each change, who made it, and the dates before and after
    status, audit = call_api("GET", "/api/audit", query={"subject": "campaigns"}, claims=admin_claims())
    assert status == 200
    events = audit["events"]
    assert [e["action"] for e in events] == ["campaign_create", "campaign_edit", "campaign_edit"]
    assert events[1]["detail"]["before"]["phases"][0]["end"] == "2026-07-10"
    assert events[1]["detail"]["after"]["phases"][0]["end"] == "2026-07-31"
    assert events[2]["status"] == "closed"
    assert all(e["role"] == "admin" for e in events)


def test_a_stored_year_takes_the_shipped_ones_place(aws, call_api):
    # Given 2024 ships as history, When an administrator edits its phase 2 deadline
    body = year_body(2024)
    body["phases"] = [
        {"phase": 1, "start": "2024-04-01", "end": "2024-07-10"},
        {"phase": 2, "start": "2024-08-01", "end": "2024-11-15"},
    ]
    assert call_api("PUT", "/api/campaigns/2024", body, claims=admin_claims())[0] == 200
    # Then every read answers the stored version
    assert call_api("GET", "/api/campaigns/2024")[1]["phases"][1]["end"] == "2024-11-15"
    listed = {c["year"]: c for c in call_api("GET", "/api/campaigns")[1]["items"]}
    assert listed["2024"]["phases"][1]["end"] == "2024-11-15"


@pytest.mark.parametrize(
    ("claims", "status"),
    [(None, 401), (enterprise_claims(), 403), (city_claims(), 403), (province_claims(), 403)],
)
def test_only_an_administrator_changes_campaigns(aws, call_api, claims, status):
    assert call_api("PUT", "/api/campaigns/2026", year_body(2026), claims=claims)[0] == status
    assert call_api("GET", "/api/campaigns/2026")[0] == 404


def test_current_is_null_between_campaigns_and_both_overlapping_phases_count(aws, call_api, today):
    today("2025-12-01")
    assert call_api("GET", "/api/campaigns/current")[1] == {"today": "2025-12-01", "campaign": None}
    # 2025's phases overlap in early July: both contain 5 July
    today("2025-07-05")
    current = call_api("GET", "/api/campaigns/current")[1]["campaign"]
    assert current["year"] == "2025"
    assert [p["current"] for p in current["phases"]] == [True, True]


def _phases(*pairs: tuple[Any, str, str]) -> list[dict[str, Any]]:
    return [{"phase": n, "start": s, "end": e} for n, s, e in pairs]


@pytest.mark.parametrize(
    ("changes", "path", "error_type"),
    [
        ({"phases": _phases((1, "2026-07-10", "2026-04-01"))}, "phases[0].end", "phase_end_before_start"),
        (
            {"phases": _phases((1, "2026-04-01", "2026-07-10"), (3, "2026-08-01", "2026-10-30"))},
            "phases[1].phase",
            "phase_numbering",
        ),
        ({"phases": _phases((0, "2026-04-01", "2026-07-10"))}, "phases[0].phase", "greater_than_equal"),
        ({"phases": _phases(*[(n, "2026-04-01", "2026-10-30") for n in range(1, 11)])}, "phases", "too_long"),
        ({"phases": []}, "phases", "too_short"),
        ({"phases": _phases((1, "2026-02-30", "2026-07-10"))}, "phases[0].start", "date_from_datetime_parsing"),
        ({"name": ""}, "name", "string_too_short"),
        ({"accepting_submissions": "maybe"}, "accepting_submissions", "bool_parsing"),
    ],
)
def test_a_bad_year_is_refused_naming_the_field(aws, call_api, changes, path, error_type):
    status, answer = call_api("PUT", "/api/campaigns/2026", year_body(2026, **changes), claims=admin_claims())
    assert problem(status, answer, path)["type"] == error_type
    assert call_api("GET", "/api/campaigns/2026")[0] == 404  # nothing stored


def test_nine_overlapping_phases_are_accepted(aws, call_api):
    body = year_body(2027, phases=_phases(*[(n, f"2027-0{n}-01", "2027-12-31") for n in range(1, 10)]))
    status, answer = call_api("PUT", "/api/campaigns/2027", body, claims=admin_claims())
    assert (status, len(answer["phases"])) == (201, 9)


@pytest.mark.parametrize("year", ["26", "two", "20266"])
def test_a_year_that_is_not_four_digits_is_refused(aws, call_api, year):
    status, answer = call_api("PUT", f"/api/campaigns/{year}", year_body(2026), claims=admin_claims())
    assert status == 422, answer
    assert answer["error"]["fields"][0]["path"] == "year"

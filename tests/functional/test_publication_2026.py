"""A year no code knows, published: with 2026 opened by an administrator through the API, the S shortlist's
notice, the national confirmation and the announcement take 2026 reports like the shipped years'."""

from __future__ import annotations

from typing import Any

from tests.factories import admin_claims, city_claims, province_claims
from tests.functional._workflow import Flow
from tests.functional.test_campaigns import year_body


def _plan(flow: Flow, filing_id: str, level: str) -> str:
    """A 2026 phase-1 plan reviewing on 20 May, approved by the city."""
    plan = {**flow.plan_body(filing_id, level), "campaign": "2026", "phase": 1, "review_date": "2026-05-20"}
    plan_id = flow.created("plans", plan)
    flow.approve("plans", plan_id, city_claims())
    return plan_id


def _report(flow: Flow, plan_id: str, level: str, count: int) -> str:
    """Its report, after the staff notice of 21–27 May (five working days)."""
    report = flow.report_body(plan_id, count=count, level=level, first=0)
    report["public_notice"] = {"start": "2026-05-21", "end": "2026-05-27", "objections": 0}
    return flow.created("reports", report)


def _post(call_api: Any, path: str, body: dict[str, Any]) -> tuple[int, Any]:
    return call_api("POST", path, body, claims=province_claims())


def test_an_administered_2026_year_is_noticed_confirmed_and_announced(aws, call_api, upload, today):
    # Given it is 6 May 2026 and an administrator opens 2026 (no code or shipped data knows it)
    today("2026-05-06")
    assert call_api("PUT", "/api/campaigns/2026", year_body(2026), claims=admin_claims())[0] == 201
    flow = Flow(call_api, upload, walk_clock=False)
    filing_id = flow.approved_filing(["T", "S"])
    plans = {level: _plan(flow, filing_id, level) for level in ("T", "S")}
    # And on 1 June a T report (approved by the city) and an S report (passed by the city) of 2026
    today("2026-06-01")
    t_report = _report(flow, plans["T"], "T", 2)
    s_report = _report(flow, plans["S"], "S", 1)
    assert flow.approve("reports", t_report, city_claims())["status"] == "approved"
    assert flow.decide("reports", s_report, "approve", city_claims(), "初审通过")[0] == 200
    # When the province puts the S report on a 2026 notice of five working days
    status, notice = _post(call_api, "/api/notices", {"campaign": "2026", "report_ids": [s_report],
                                                      "start": "2026-06-02", "end": "2026-06-08"})  # fmt: skip
    assert status == 201, notice
    # And approves it once the notice has ended
    today("2026-06-09")
    status, answer = flow.decide("reports", s_report, "approve", province_claims(), "同意")
    assert (status, answer.get("status")) == (200, "approved"), answer
    # Then the national confirmation of 2026 issues the three certificates
    status, confirmed = _post(call_api, "/api/certificates/confirmations", {"campaign": "2026", "batch": 1})
    assert status == 201, confirmed
    assert (sorted(confirmed["confirmed"]), confirmed["certificates_issued"]) == (sorted([t_report, s_report]), 3)
    # And 2026's first batch announces both reports; the S person is on the public list of 2026
    status, announced = _post(call_api, "/api/announcements", {"campaign": "2026", "batch": 1})
    assert (status, announced.get("people_count")) == (201, 3), announced
    listing = call_api("GET", "/api/public/announcements", query={"campaign": "2026"})[1]
    assert [b["batch_name"] for b in listing["items"]] == ["第一批"]
    chiefs = call_api("GET", "/api/public/chief-technicians", query={"campaign": "2026"})[1]
    assert [p["campaign"] for p in chiefs["items"]] == ["2026"]


def test_a_year_nobody_opened_is_refused_naming_the_campaign(aws, call_api):
    for path, body in (
        ("/api/certificates/confirmations", {"campaign": "2027", "batch": 1}),
        ("/api/announcements", {"campaign": "2027", "batch": 1}),
        ("/api/notices", {"campaign": "2027", "report_ids": ["RPT-1"], "start": "2026-06-01", "end": "2026-06-05"}),
    ):
        status, answer = _post(call_api, path, body)
        assert status == 422, (path, answer)
        assert [(f["path"], f["type"]) for f in answer["error"]["fields"]] == [("campaign", "campaign_unknown")]

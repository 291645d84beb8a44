"""Plans and reports follow their campaign's data: deadlines, extensions, closing; past years stay readable."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tests.factories import admin_claims, city_claims
from tests.functional._workflow import Flow, problem


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def edit_2024(call_api: Any, phase_1_end: str = "2024-07-10", accepting: bool = True) -> None:
    """The administrator's PUT of 2024 as shipped, with phase 1's deadline and the open/closed switch."""
    body = {
        "name": "广东省2024年特级技师、首席技师评聘",
        "phases": [
            {"phase": 1, "start": "2024-04-01", "end": phase_1_end, "note": "4月启动"},
            {"phase": 2, "start": "2024-08-01", "end": "2024-10-30", "note": "8月启动，10月30日前完成"},
        ],
        "accepting_submissions": accepting,
    }
    status, answer = call_api("PUT", "/api/campaigns/2024", body, claims=admin_claims())
    assert status == 200, answer


def test_a_plan_after_its_phases_deadline_is_refused_with_the_date_until_extended(flow, call_api, today):
    filing_id = flow.approved_filing()
    # Given phase 1 of 2024 ended on 10 July, When a plan for it is submitted on 15 July
    today("2024-07-15")
    pinned = dataclasses.replace(flow, walk_clock=False)
    body = {**flow.plan_body(filing_id), "review_date": "2024-07-20"}
    found = problem(*pinned.create("plans", body), "phase")
    # Then it is refused naming the deadline
    assert found["type"] == "phase_deadline_passed"
    assert "2024-07-10" in found["message"]
    # When the administrator extends phase 1 to 31 July, Then the same plan is accepted
    edit_2024(call_api, phase_1_end="2024-07-31")
    status, answer = pinned.create("plans", body)
    assert status == 201, answer


def test_the_review_date_may_not_be_before_the_day_the_plan_is_submitted(flow, today):
    filing_id = flow.approved_filing()
    today("2024-06-20")
    pinned = dataclasses.replace(flow, walk_clock=False)
    found = problem(*pinned.create("plans", flow.plan_body(filing_id)), "review_date")  # review 2024-06-15
    assert found["type"] == "review_date_before_submission"
    assert "2024-06-20" in found["message"]
    # the same day is fine
    assert pinned.create("plans", {**flow.plan_body(filing_id), "review_date": "2024-06-20"})[0] == 201


def test_a_phase_deadline_passing_between_a_plan_and_its_report(flow, call_api, today):
    # Given a plan approved in phase 1 of 2024 (submitted 3 June, review 15 June)
    plan_id = flow.approved_plan("T")
    # When its report comes on 12 July, two days after the phase's deadline
    today("2024-07-12")
    pinned = dataclasses.replace(flow, walk_clock=False)
    body = flow.report_body(plan_id)
    found = problem(*pinned.create("reports", body), "plan_id")
    # Then it is refused naming the deadline
    assert found["type"] == "phase_deadline_passed"
    assert "2024-07-10" in found["message"]
    # When the administrator extends phase 1, Then the report is accepted and reviewed as usual
    edit_2024(call_api, phase_1_end="2024-07-31")
    report_id = pinned.created("reports", body)
    assert flow.approve("reports", report_id, city_claims())["status"] == "approved"


def test_a_closed_campaign_refuses_reports_and_stays_readable(flow, call_api):
    # Given an approved plan and a report already approved in 2024
    plan_id = flow.approved_plan("T")
    done = flow.created("reports", flow.report_body(plan_id))
    flow.approve("reports", done, city_claims())
    # When the administrator closes 2024
    edit_2024(call_api, accepting=False)
    # Then a new report is refused naming the closed campaign
    found = problem(*flow.create("reports", flow.report_body(plan_id, first=10)), "plan_id")
    assert found["type"] == "campaign_closed"
    # And what was done stays readable by the enterprise and the desk, and exportable
    assert flow.read("reports", done)["status"] == "approved"
    assert flow.read("plans", plan_id, claims=city_claims())["campaign"] == "2024"
    status, answer = call_api("GET", "/api/reports", claims=flow.claims)
    assert status == 200
    assert done in [r["id"] for r in answer["items"]]


def test_a_plan_for_a_year_nobody_opened_is_refused(flow):
    filing_id = flow.approved_filing()
    body = {**flow.plan_body(filing_id), "campaign": "2031", "review_date": "2031-05-06"}
    found = problem(*flow.create("plans", body), "campaign")
    assert found["type"] == "campaign_unknown"
    assert "2031" in found["message"]

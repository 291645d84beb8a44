"""Every rule on an evaluation plan (评价计划) as a 422 naming the field, in Chinese, on moto."""

from __future__ import annotations

import dataclasses

import pytest

from tests.factories import FACTORY_USCC, SHENZHEN_USCC, admin_claims, city_claims
from tests.functional._workflow import Flow, debar, problem


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


@pytest.fixture
def filing_id(flow):
    """An approved filing for T and S, scope 车工 and 铣工."""
    return flow.approved_filing()


def test_a_valid_plan_is_accepted(flow, filing_id):
    status, answer = flow.create("plans", flow.plan_body(filing_id))
    assert (status, answer["status"]) == (201, "submitted")


def test_plan_for_an_unknown_filing_is_refused(flow):
    body = flow.plan_body("FIL-0000000000000000")
    assert problem(*flow.create("plans", body), "filing_id")["type"] == "filing_unknown"


def test_plan_for_another_enterprises_filing_is_refused_as_unknown(aws, call_api, upload, filing_id):
    # Given Guangzhou's approved filing, When Shenzhen's enterprise cites it
    shenzhen = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    found = problem(*shenzhen.create("plans", shenzhen.plan_body(filing_id)), "filing_id")
    # Then it is as if it did not exist
    assert found["type"] == "filing_unknown"


def test_plan_for_a_filing_not_yet_approved_is_refused(flow):
    waiting = flow.created("filings", flow.filing_body())
    found = problem(*flow.create("plans", flow.plan_body(waiting)), "filing_id")
    assert found["type"] == "filing_not_approved"


def test_plan_for_a_returned_filing_is_refused(flow):
    returned = flow.created("filings", flow.filing_body())
    flow.decide("filings", returned, "return", city_claims(), "请补充营业执照")
    assert problem(*flow.create("plans", flow.plan_body(returned)), "filing_id")["type"] == "filing_not_approved"


def test_plan_for_a_level_the_filing_did_not_ask_for_is_refused(flow):
    # Given a filing approved for T only
    t_only = flow.approved_filing(["T"])
    # When an S plan cites it, Then the level is named
    found = problem(*flow.create("plans", flow.plan_body(t_only, level="S")), "level")
    assert found["type"] == "level_not_filed"


def test_plan_occupation_outside_the_filed_scope_is_refused(flow, filing_id):
    # Given the filing's scope is 车工 and 铣工, When the plan adds 磨工
    body = flow.plan_body(filing_id)
    body["occupations"] = ["6-18-01-01", "6-18-01-04"]
    found = problem(*flow.create("plans", body), "occupations[1]")
    # Then the second occupation is named, by its catalogue name
    assert found["type"] == "occupation_not_filed"
    assert "磨工" in found["message"]


@pytest.mark.parametrize("review_date", ["2024-03-31", "2024-07-11", "2024-07-31", "2024-11-01"])
def test_review_date_outside_the_phase_is_refused(flow, filing_id, review_date):
    # Given phase 1 runs 2024-04-01..2024-07-10 (inclusive)
    body = {**flow.plan_body(filing_id), "review_date": review_date}
    found = problem(*flow.create("plans", body), "review_date")
    # Then the review date is named with the phase's dates
    assert found["type"] == "review_date_outside_phase"
    assert "2024-04-01" in found["message"]
    assert "2024-07-10" in found["message"]


@pytest.mark.parametrize("review_date", ["2024-04-01", "2024-07-10"])
def test_review_date_on_a_phase_boundary_is_accepted(flow, filing_id, review_date, today):
    # Given the plan is submitted on the phase's first day, When its review is on either boundary
    today("2024-04-01")
    pinned = dataclasses.replace(flow, walk_clock=False)
    status, answer = pinned.create("plans", {**flow.plan_body(filing_id), "review_date": review_date})
    # Then it is accepted (both ends inclusive)
    assert status == 201, answer


def test_unknown_phase_is_refused(flow, filing_id):
    found = problem(*flow.create("plans", {**flow.plan_body(filing_id), "phase": 3}), "phase")
    assert found["type"] == "phase_unknown"


def test_unknown_campaign_is_refused(flow, filing_id):
    found = problem(*flow.create("plans", {**flow.plan_body(filing_id), "campaign": "2019"}), "campaign")
    assert found["type"] == "campaign_unknown"


def test_closed_campaign_takes_no_plans(flow, filing_id, call_api):
    # Given an administrator closed the 2024 campaign to submissions
    _, year = call_api("GET", "/api/campaigns/2024")
    closed = {"name": year["name"], "phases": year["phases"], "accepting_submissions": False}
    closed["phases"] = [{k: p[k] for k in ("phase", "start", "end", "note")} for p in year["phases"]]
    assert call_api("PUT", "/api/campaigns/2024", closed, claims=admin_claims())[0] == 200
    # When a plan is submitted, Then the campaign is named as closed
    found = problem(*flow.create("plans", flow.plan_body(filing_id)), "campaign")
    assert found["type"] == "campaign_closed"
    assert "关闭" in found["message"]


def test_plan_document_never_declared_is_refused(flow, filing_id):
    body = {**flow.plan_body(filing_id), "plan_document": f"plan_document/{FACTORY_USCC}/made-up/方案.pdf"}
    assert problem(*flow.create("plans", body), "plan_document")["type"] == "upload_unknown"


def test_plan_document_declared_but_never_stored_is_refused(flow, filing_id, call_api):
    # Given an upload declared (presigned POST handed out) but never sent to S3
    from tests.factories import upload_request

    status, declared = call_api("POST", "/api/uploads", upload_request("plan_document"), claims=flow.claims)
    assert status == 201
    body = {**flow.plan_body(filing_id), "plan_document": declared["key"]}
    # Then the plan document is named as not uploaded yet
    assert problem(*flow.create("plans", body), "plan_document")["type"] == "upload_missing"


def test_a_material_upload_cannot_stand_in_for_the_plan_document(flow, filing_id, upload):
    key = upload("material", claims=flow.claims)
    body = {**flow.plan_body(filing_id), "plan_document": key}
    assert problem(*flow.create("plans", body), "plan_document")["type"] == "upload_unknown"


def test_a_debarred_enterprise_cannot_plan(flow, filing_id, call_api):
    # Given the enterprise was debarred after its filing was approved
    debar(call_api, "enterprise", FACTORY_USCC)
    found = problem(*flow.create("plans", flow.plan_body(filing_id)), "enterprise")
    assert found["type"] == "debarred"


def test_every_failing_rule_is_reported_at_once(flow):
    # Given a T-only filing, When a plan asks for S, an unfiled occupation and an undeclared document
    t_only = flow.approved_filing(["T"])
    body = {
        **flow.plan_body(t_only, level="S"),
        "occupations": ["6-18-01-05"],
        "plan_document": "plan_document/none",
    }
    status, answer = flow.create("plans", body)
    # Then all three are named in one answer
    assert status == 422
    assert {f["path"] for f in answer["error"]["fields"]} == {"level", "occupations[0]", "plan_document"}

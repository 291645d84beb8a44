"""A refused filing or plan names every problem in one answer: its field errors beside the rules that need
another record (the filing a plan cites, the campaign, the upload, debarments), so nothing waits a second round."""

from __future__ import annotations

import pytest

from tests.factories import FACTORY_USCC, SHENZHEN_USCC, enterprise_claims, filing_body
from tests.functional._workflow import Flow, debar


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _found(status, answer):
    assert status == 422, answer
    assert answer["error"]["code"] == "validation_failed"
    return {(f["path"], f["type"]) for f in answer["error"]["fields"]}


# ---- plans ------------------------------------------------------------------------------------------------


def test_a_plan_with_a_field_error_also_gets_its_filing_scope_and_level_checked(flow):
    # Given a filing approved for T only, in 车工 and 铣工
    t_only = flow.approved_filing(["T"])
    # When a plan has a field error (no method, a count of 0) and asks for S and for 磨工 beside 车工
    body = {**flow.plan_body(t_only, level="S"), "occupations": ["6-18-01-01", "6-18-01-04"], "planned_count": 0}
    del body["method"]
    found = _found(*flow.create("plans", body))
    # Then one 422 names the fields and the filing's rules together
    assert found == {
        ("planned_count", "greater_than_equal"),
        ("method", "missing"),
        ("level", "level_not_filed"),
        ("occupations[1]", "occupation_not_filed"),
    }


def test_a_plan_with_a_bad_occupation_code_still_gets_its_other_occupations_and_review_date_checked(flow):
    filing_id = flow.approved_filing()
    # Given a malformed code, an occupation outside the filing, one repeated, and a review date after phase 1
    body = {
        **flow.plan_body(filing_id),
        "occupations": ["6-18-01-01", "车工", "6-18-01-04", "6-18-01-01"],
        "review_date": "2024-07-11",
    }
    status, answer = flow.create("plans", body)
    found = _found(status, answer)
    assert found == {
        ("occupations[1]", "occupation_unknown"),
        ("occupations", "occupation_duplicate"),
        ("occupations[2]", "occupation_not_filed"),
        ("review_date", "review_date_outside_phase"),
    }
    # And the problems come in the order of the form
    paths = [f["path"] for f in answer["error"]["fields"]]
    assert paths.index("review_date") > max(i for i, p in enumerate(paths) if p.startswith("occupations"))


def test_a_plan_with_an_unreadable_filing_id_still_gets_its_campaign_and_document_checked(flow, upload):
    flow.approved_filing()
    # Given no filing id, a phase that does not exist and a material standing in for the work plan
    body = {**flow.plan_body("x"), "filing_id": "", "phase": 7, "plan_document": upload("material", claims=flow.claims)}
    found = _found(*flow.create("plans", body))
    assert found == {
        ("filing_id", "string_too_short"),
        ("phase", "phase_unknown"),
        ("plan_document", "upload_unknown"),
    }


def test_a_debarred_enterprise_hears_it_beside_its_plans_field_errors(flow, call_api):
    filing_id = flow.approved_filing()
    debar(call_api, "enterprise", FACTORY_USCC)
    body = {**flow.plan_body(filing_id), "review_date": "2024-02-30"}
    found = _found(*flow.create("plans", body))
    assert {p for p, _ in found} == {"review_date", "enterprise"}
    assert ("enterprise", "debarred") in found


def test_a_returned_plan_is_resubmitted_through_the_same_one_round_checks(flow):
    filing_id = flow.approved_filing(["T"])
    plan_id = flow.created("plans", flow.plan_body(filing_id))
    flow.decide("plans", plan_id, "return", flow.first_desk, "请核对评审日期")
    again = {**flow.plan_body(filing_id, level="S"), "version": 1, "method": ""}
    status, answer = flow.call_api("PUT", f"/api/plans/{plan_id}", again, claims=flow.claims)
    assert _found(status, answer) == {("method", "string_too_short"), ("level", "level_not_filed")}


def test_a_corrected_plan_is_accepted_the_next_time(flow):
    filing_id = flow.approved_filing(["T"])
    body = {**flow.plan_body(filing_id, level="S"), "planned_count": 0}
    assert _found(*flow.create("plans", body)) == {
        ("planned_count", "greater_than_equal"),
        ("level", "level_not_filed"),
    }
    status, answer = flow.create("plans", flow.plan_body(filing_id))
    assert status == 201, answer


@pytest.mark.parametrize("raw", [[1, 2], "text", 7, {"occupations": "many"}, {"occupations": [None, 3], "phase": 1}])
def test_a_plan_of_the_wrong_shape_is_a_422_not_a_500(flow, raw):
    status, answer = flow.create("plans", raw)
    assert status in (400, 422), answer


# ---- filings ----------------------------------------------------------------------------------------------


def _file(call_api, body, claims=None):
    return call_api("POST", "/api/filings", body, claims=claims or enterprise_claims())


def test_a_debarred_enterprise_hears_it_beside_its_filings_field_errors(aws, call_api):
    # Given the enterprise was debarred for fraud
    debar(call_api, "enterprise", FACTORY_USCC)
    # When its filing also has a bad phone number and no address
    body = filing_body()
    body["contact"]["phone"] = "12345"
    del body["enterprise"]["address"]
    found = _found(*_file(call_api, body))
    # Then one 422 names the fields and the debarment
    assert found == {
        ("enterprise.address", "missing"),
        ("contact.phone", "string_pattern_mismatch"),
        ("enterprise.uscc", "debarred"),
    }


def test_a_filing_whose_enterprise_has_an_error_still_gets_its_levels_checked_against_its_categories(aws, call_api):
    # Given an above-scale enterprise (T only) with a one-letter name, asking for S, with 车工 twice and a bad code
    body = filing_body(categories=["above_scale"], levels=["T", "S"])
    body["enterprise"]["name"] = "广"
    body["occupations"] = [{"code": "6-18-01-01"}, {"code": "6-18"}, {"code": "6-18-01-01"}]
    status, answer = _file(call_api, body)
    found = _found(status, answer)
    assert {p for p, _ in found} == {"enterprise.name", "levels", "occupations[1].code", "occupations"}
    assert ("levels", "level_not_allowed") in found
    assert ("occupations", "occupation_duplicate") in found
    # And each problem is named once, in the order of the form
    paths = [f["path"] for f in answer["error"]["fields"]]
    assert len(paths) == len(set(paths))
    assert paths[0] == "enterprise.name"


def test_a_filing_with_a_field_error_for_another_enterprise_is_still_forbidden(aws, call_api):
    body = filing_body(SHENZHEN_USCC)
    body["contact"]["phone"] = "12345"
    status, answer = _file(call_api, body)
    assert status == 403, answer


def test_a_returned_filing_is_resubmitted_through_the_same_one_round_checks(aws, call_api):
    from tests.factories import city_claims

    status, created = _file(call_api, filing_body())
    assert status == 201, created
    status, _ = call_api(
        "POST",
        f"/api/filings/{created['id']}/decision",
        {"decision": "return", "comment": "请核对联系电话", "version": 1},
        claims=city_claims(),
    )
    assert status == 200
    debar(call_api, "enterprise", FACTORY_USCC)
    again = {**filing_body(), "version": 1}
    again["contact"]["phone"] = "12345"
    status, answer = call_api("PUT", f"/api/filings/{created['id']}", again, claims=enterprise_claims())
    assert _found(status, answer) == {("contact.phone", "string_pattern_mismatch"), ("enterprise.uscc", "debarred")}

"""Fraud per §七(四): a finding debars the party for five years and cancels its results of that campaign
(certificates revoked, the published list updated, audited); approving a debarred party is refused; 属地管理
decides who may record a finding; findings are searched and lifted, every lookup keyed."""

from __future__ import annotations

import pytest

from tests.factories import (
    FACTORY_USCC,
    PROVINCIAL_USCC,
    SHENZHEN_USCC,
    admin_claims,
    city_claims,
    enterprise_claims,
    province_claims,
)
from tests.functional._workflow import Flow, debar

SHENZHEN = "440300"


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _finding(subject_type: str, subject_id: str, name: str, **extra: str) -> dict[str, str]:
    return {
        "subject_type": subject_type,
        "subject_id": subject_id,
        "subject_name": name,
        "reason": "伪造技能大师工作室带头人证明",
        "decided_on": "2024-08-20",
        **extra,
    }


def _certificates(flow: Flow, report_id: str) -> list[dict]:
    status, answer = flow.call_api("GET", f"/api/reports/{report_id}/certificates", claims=province_claims())
    assert status == 200, answer
    return list(answer["items"])


def _public(flow: Flow) -> list[str]:
    status, answer = flow.call_api("GET", "/api/public/chief-technicians", query={"campaign": "2024"})
    assert status == 200, answer
    return [i["name"] for i in answer["items"]]


def test_a_person_found_cheating_loses_this_campaigns_certificate_and_place_on_the_list(flow, call_api):
    # Given an S report of two people approved by Guangzhou and the province, announced in batch 1
    report_id = flow.approved_report("S", count=2)
    people = flow.read("reports", report_id)["data"]["candidates"]
    status, answer = call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 1}, claims=province_claims())
    assert status == 201, answer
    assert set(_public(flow)) == {people[0]["name"], people[1]["name"]}
    # When the province records a finding against the second person
    body = _finding("person", people[1]["id_number"], people[1]["name"])
    status, answer = call_api("POST", "/api/debarments", body, claims=province_claims())
    assert status == 201, answer
    assert answer["until"] == "2029-08-20"
    assert answer["cancelled"] == {"campaign": "2024", "reports": [{"report_id": report_id, "certificates": 1}],
                                   "certificates": 1}  # fmt: skip
    # Then that person's certificate is revoked, the other's stands
    assert [c["status"] for c in _certificates(flow, report_id)] == ["allocated", "revoked"]
    # And the published lists no longer show them: the chief technicians and the batch's people
    assert _public(flow) == [people[0]["name"]]
    status, batch = call_api("GET", "/api/public/announcements/2024/1")
    assert [p["name"] for p in batch["items"]] == [people[0]["name"]]
    # And the report's audit trail says why
    status, audit = call_api("GET", "/api/audit", query={"subject": report_id}, claims=province_claims())
    assert status == 200, audit
    revoke = [e for e in audit["events"] if e["action"] == "revoke"]
    assert revoke
    assert revoke[0]["detail"]["debarment"] == answer["id"]


def test_an_enterprise_found_cheating_loses_all_its_results_of_the_campaign(flow, call_api):
    # Given a T report of Guangzhou's factory approved by its city
    report_id = flow.approved_report("T", count=3)
    # When Guangzhou's own reviewer records a finding against the factory (属地管理)
    body = _finding("enterprise", FACTORY_USCC, "广州精工机械制造有限公司")
    status, answer = call_api("POST", "/api/debarments", body, claims=city_claims())
    assert status == 201, answer
    # Then every certificate of that campaign is revoked
    assert [c["status"] for c in _certificates(flow, report_id)] == ["revoked"] * 3
    assert answer["cancelled"]["certificates"] == 3


def test_a_finding_about_another_campaign_leaves_this_ones_results(flow, call_api):
    report_id = flow.approved_report("T", count=1)
    body = _finding("enterprise", FACTORY_USCC, "广州精工机械制造有限公司", campaign="2025")
    status, answer = call_api("POST", "/api/debarments", body, claims=admin_claims())
    assert status == 201, answer
    assert [c["status"] for c in _certificates(flow, report_id)] == ["allocated"]


def test_approving_a_debarred_party_is_refused(flow, call_api):
    # Given a T report awaiting Guangzhou, and then one of its people is found to have cheated
    plan_id = flow.approved_plan("T")
    report_id = flow.created("reports", flow.report_body(plan_id, count=2))
    person = flow.read("reports", report_id)["data"]["candidates"][1]
    debar(call_api, "person", person["id_number"], name=person["name"])
    # When the city approves it, Then the decision is refused naming that candidate
    status, answer = flow.decide("reports", report_id, "approve", city_claims(), "同意")
    assert status == 409, answer
    assert [f["path"] for f in answer["error"]["fields"]] == ["candidates[1].id_number"]
    assert "2029-03-01" in answer["error"]["message"]
    # And a debarred enterprise's filing cannot be approved either
    shenzhen = Flow(call_api, flow.upload, uscc=SHENZHEN_USCC, city=SHENZHEN)
    filing_id = shenzhen.created("filings", shenzhen.filing_body())
    debar(call_api, "enterprise", SHENZHEN_USCC, name="深圳企业")
    assert shenzhen.decide("filings", filing_id, "approve", city_claims(SHENZHEN), "同意")[0] == 409


def test_a_city_records_findings_only_in_its_own_city(flow, call_api):
    plan_id = flow.approved_plan("T")
    report_id = flow.created("reports", flow.report_body(plan_id, count=1))
    person = flow.read("reports", report_id)["data"]["candidates"][0]
    # Shenzhen may not record a finding against a Guangzhou enterprise, nor a person of a Guangzhou report
    shenzhen = city_claims(SHENZHEN)
    factory = _finding("enterprise", FACTORY_USCC, "广州精工机械制造有限公司")
    assert call_api("POST", "/api/debarments", factory, claims=shenzhen)[0] == 403
    someone = _finding("person", person["id_number"], person["name"], record_id=report_id)
    assert call_api("POST", "/api/debarments", someone, claims=shenzhen)[0] == 403
    # A city names the report it found the person in
    status, answer = call_api("POST", "/api/debarments", {**someone, "record_id": None}, claims=city_claims())
    assert status == 422
    assert answer["error"]["fields"][0]["path"] == "record_id"
    assert call_api("POST", "/api/debarments", someone, claims=city_claims())[0] == 201


def test_a_city_cannot_record_people_of_a_report_only_the_province_reviews(aws, call_api, upload):
    provincial = Flow(call_api, upload, uscc=PROVINCIAL_USCC, categories=("provincial_filed",))
    plan_id = provincial.approved_plan("S", provincial.approved_filing(["S"]))
    report_id = provincial.created("reports", provincial.report_body(plan_id, level="S"))
    person = provincial.read("reports", report_id)["data"]["candidates"][0]
    body = _finding("person", person["id_number"], person["name"], record_id=report_id)
    assert call_api("POST", "/api/debarments", body, claims=city_claims())[0] == 403
    assert call_api("POST", "/api/debarments", body, claims=province_claims())[0] == 201


def test_findings_are_searched_by_name_id_or_uscc_and_lifted_with_a_reason(flow, call_api):
    person = debar(call_api, "person", flow.report_body("x", 1)["candidates"][0]["id_number"], name="李国强1")
    factory = debar(call_api, "enterprise", FACTORY_USCC, name="广州精工机械制造有限公司")

    def search(q: str | None = None, claims=None) -> list[str]:
        query = {"q": q} if q else {}
        status, answer = call_api("GET", "/api/debarments", query=query, claims=claims or city_claims())
        assert status == 200, answer
        return [d["id"] for d in answer["items"]]

    assert search("李国强1") == [person["id"]]
    assert search(person["subject_id"]) == [person["id"]]
    assert search(FACTORY_USCC.lower()) == [factory["id"]]
    assert search("广州精工机械制造有限公司") == [factory["id"]]
    assert set(search()) == {person["id"], factory["id"]}
    # Not for enterprises, nor anyone signed out
    assert call_api("GET", "/api/debarments", query={"q": "李国强1"}, claims=enterprise_claims())[0] == 403
    # Lifting needs a reason, is recorded, and happens once
    lift = f"/api/debarments/{factory['id']}/lift"
    assert call_api("POST", lift, {"reason": ""}, claims=admin_claims())[0] == 422
    status, lifted = call_api("POST", lift, {"reason": "行政复议撤销原决定"}, claims=admin_claims())
    assert status == 200, lifted
    assert (lifted["active"], lifted["lift_reason"]) == (False, "行政复议撤销原决定")
    assert call_api("POST", lift, {"reason": "再次解除"}, claims=admin_claims())[0] == 409
    assert call_api("POST", "/api/debarments/DBR-0000/lift", {"reason": "无此记录"}, claims=admin_claims())[0] == 404
    # And the factory may file again
    assert flow.create("filings", flow.filing_body())[0] == 201


def test_a_submissions_debarment_check_costs_the_same_whatever_the_lists_length(flow, call_api):
    from functions.api.deps import stores

    plan_id = flow.approved_plan("T")
    calls: list[str] = []
    ddb = stores().records.ddb
    ddb.meta.events.register("before-call.dynamodb.*", lambda model, **_: calls.append(model.name))

    def cost(first: int) -> int:
        calls.clear()
        status, answer = flow.create("reports", flow.report_body(plan_id, count=3, first=first))
        assert status == 201, answer
        return len(calls)

    before = cost(1)
    for i in range(40):
        debar(call_api, "person", flow.report_body("x", 1, first=900 + i)["candidates"][0]["id_number"], name=f"某{i}")
    assert cost(10) == before
    assert "Scan" not in calls

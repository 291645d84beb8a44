"""The S (首席技师) workflow end to end on moto: the city's initial review, then the province's, with a
return by the province, a resubmission that starts again at the city, and the province's queue."""

from __future__ import annotations

import json
import re

import pytest

from tests.factories import PROVINCIAL_USCC, city_claims, province_claims
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _queue(call_api, claims, kind="reports", level=None):
    query = {"kind": kind, **({"level": level} if level else {})}
    status, answer = call_api("GET", "/api/review/queue", query=query, claims=claims)
    assert status == 200, answer
    return [i["id"] for i in answer["items"]]


def test_s_report_goes_city_then_province_with_a_return_and_resubmission(flow, call_api):
    # Given an approved S plan of a large Guangzhou enterprise and an S report of two candidates
    plan_id = flow.approved_plan("S")
    report_id = flow.created("reports", flow.report_body(plan_id, count=2, level="S"))
    # Then it waits at Guangzhou first, not at the province
    assert _queue(call_api, city_claims(), level="S") == [report_id]
    assert _queue(call_api, province_claims(), level="S") == []
    # And the province may read it but not decide it yet
    status, answer = flow.decide("reports", report_id, "approve", province_claims(), "同意")
    assert status == 409
    assert "地市" in answer["error"]["message"]
    # When the city approves (初审)
    decided = flow.approve("reports", report_id, city_claims())
    # Then it is under province review and has moved queues
    assert (decided["status"], decided["stage"]) == ("province_review", "province")
    assert _queue(call_api, city_claims(), level="S") == []
    assert _queue(call_api, province_claims(), level="S") == [report_id]
    # When the province returns it
    status, answer = flow.decide("reports", report_id, "return", province_claims(), "第 2 位人员的荣誉证书扫描件不清晰")
    assert (status, answer["status"]) == (200, "returned")
    assert _queue(call_api, province_claims(), level="S") == []
    # And the enterprise resubmits
    body = flow.report_body(plan_id, count=2, level="S")
    status, answer = call_api("PUT", f"/api/reports/{report_id}", {**body, "version": 1}, claims=flow.claims)
    assert (status, answer["version"], answer["status"]) == (200, 2, "submitted")
    # Then version 2 starts again at the city
    assert _queue(call_api, city_claims(), level="S") == [report_id]
    flow.approve("reports", report_id, city_claims(), version=2)
    # When the province approves version 2, Then it is final and numbered as S
    assert flow.approve("reports", report_id, province_claims(), version=2)["status"] == "approved"
    head = flow.read("reports", report_id)
    assert head["status"] == "approved"
    assert [(d["stage"], d["decision"], d["version"]) for d in head["decisions"]] == [
        ("city", "approve", 1),
        ("province", "return", 1),
        ("city", "approve", 2),
        ("province", "approve", 2),
    ]
    assert head["decisions"][1]["comment"] == "第 2 位人员的荣誉证书扫描件不清晰"
    from functions.api.deps import stores
    from functions.services.certificates import certificate_rows

    numbers = [r["certificate_number"] for r in certificate_rows(stores().records, report_id)[1]]
    assert [n[15] for n in numbers] == ["S", "S"]
    assert [n[-6:] for n in numbers] == ["000001", "000002"]


def test_city_approval_alone_gives_no_certificates(flow):
    # Given an S report the city has approved
    plan_id = flow.approved_plan("S")
    report_id = flow.created("reports", flow.report_body(plan_id, level="S"))
    flow.approve("reports", report_id, city_claims())
    # Then nothing is numbered until the province decides
    from functions.api.deps import stores

    assert stores().records.get(f"REC#{report_id}", "CERTS") is None


def test_province_rejects_an_s_report_after_the_city_approved(flow):
    # Given an S report under province review
    plan_id = flow.approved_plan("S")
    report_id = flow.created("reports", flow.report_body(plan_id, level="S"))
    flow.approve("reports", report_id, city_claims())
    # When the province rejects it
    status, answer = flow.decide("reports", report_id, "reject", province_claims(), "推荐人员业绩材料不实")
    # Then it is final: rejected, no certificates, no further decision
    assert (status, answer["status"]) == (200, "rejected")
    status, _ = flow.decide("reports", report_id, "approve", province_claims())
    assert status == 409


def test_s_report_of_a_provincial_filed_enterprise_goes_to_the_province_only(aws, call_api, upload):
    # Given a provincial-filed enterprise in Guangzhou whose filing and plan the province approved
    flow = Flow(call_api, upload, uscc=PROVINCIAL_USCC, categories=("provincial_filed",))
    plan_id = flow.approved_plan("S", flow.approved_filing(["S"]))
    # When it reports S candidates
    report_id = flow.created("reports", flow.report_body(plan_id, level="S"))
    # Then only the province reviews it (§五(二)2: the city does 初审 only for 当地备案企业)
    head = flow.read("reports", report_id)
    assert (head["stages"], head["stage"]) == (["province"], "province")
    assert _queue(call_api, city_claims(), level="S") == []
    assert flow.decide("reports", report_id, "approve", city_claims())[0] in (404, 409)
    assert _queue(call_api, province_claims(), level="S") == [report_id]
    # And the province's one approval is final: certificates are numbered
    assert flow.approve("reports", report_id, province_claims())["status"] == "approved"
    status, certificates = call_api("GET", f"/api/reports/{report_id}/certificates", claims=province_claims())
    assert status == 200, certificates
    assert all(row["certificate_number"][15] == "S" for row in certificates["items"])


def test_queue_level_filter_separates_t_and_s_reports(flow, call_api):
    # Given a T report and an S report awaiting Guangzhou
    filing_id = flow.approved_filing()
    t_plan = flow.approved_plan("T", filing_id)
    s_plan = flow.approved_plan("S", filing_id)
    t_report = flow.created("reports", flow.report_body(t_plan, level="T"))
    s_report = flow.created("reports", flow.report_body(s_plan, level="S", first=20))
    # When the city filters its queue by level, Then each level holds its own report
    assert _queue(call_api, city_claims(), level="T") == [t_report]
    assert _queue(call_api, city_claims(), level="S") == [s_report]
    assert _queue(call_api, city_claims()) == [t_report, s_report]


def test_a_filtered_queue_pages_through_only_matching_records(flow, call_api):
    # Given three T reports waiting at Guangzhou before one S report
    filing_id = flow.approved_filing()
    t_plan = flow.approved_plan("T", filing_id)
    s_plan = flow.approved_plan("S", filing_id)
    for i in range(3):
        flow.created("reports", flow.report_body(t_plan, level="T", first=10 * i + 1))
    s_report = flow.created("reports", flow.report_body(s_plan, level="S", first=90))
    # When the city pages through its S queue one at a time
    seen, cursor = [], None
    for _ in range(10):
        query = {"kind": "reports", "level": "S", "limit": "1", **({"next": cursor} if cursor else {})}
        status, page = call_api("GET", "/api/review/queue", query=query, claims=city_claims())
        assert status == 200
        # Then no page is empty while more may follow, and only the S report appears
        assert page["items"] or not page["next"], page
        seen += [i["id"] for i in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert seen == [s_report]


def test_the_published_chief_technician_list_names_people_without_id_numbers(flow, call_api):
    # Given an S report approved by the city and the province
    plan_id = flow.approved_plan("S")
    body = flow.report_body(plan_id, count=2, level="S")
    report_id = flow.created("reports", body)
    flow.approve("reports", report_id, city_claims())
    flow.approve("reports", report_id, province_claims())
    # and announced by the province (§六(二): the public list holds announced people)
    announced = call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 1}, claims=province_claims())
    assert announced[0] == 201
    # When anyone reads the public list
    status, answer = call_api("GET", "/api/public/chief-technicians")
    # Then both candidates are published by name, and no ID number appears anywhere in the answer
    assert status == 200
    text = json.dumps(answer, ensure_ascii=False)
    assert all(c["name"] in text for c in body["candidates"])
    assert not re.search(r"(?<!\d)\d{17}[\dXx](?!\d)", text)
    assert all(c["id_number"][-6:] not in text for c in body["candidates"])

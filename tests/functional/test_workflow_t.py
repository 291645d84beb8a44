"""The T (特级技师) workflow end to end on moto: filing → plan → report → city review, with a return,
a resubmission, a rejection, provincial-filed routing, queues, listing pages and the audit trail."""

from __future__ import annotations

import re

import pytest

from tests.factories import (
    PROVINCIAL_USCC,
    SHENZHEN_USCC,
    admin_claims,
    city_claims,
    province_claims,
)
from tests.functional._workflow import Flow

CERTIFICATE = re.compile(r"^Y\d{4}44\d{6}\d{2}[TS]\d{6}$")


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def test_t_report_is_approved_by_the_city_alone_and_numbered(flow):
    # Given an approved filing and an approved T plan of an ordinary Guangzhou enterprise
    plan_id = flow.approved_plan("T")
    # When it reports two candidates
    report_id = flow.created("reports", flow.report_body(plan_id, count=2))
    # Then the report waits at Guangzhou's desk only
    head = flow.read("reports", report_id)
    assert (head["status"], head["stage"], head["stages"], head["awaiting"]) == ("submitted", "city", ["city"], True)
    # When the Guangzhou reviewer approves it
    decided = flow.approve("reports", report_id, city_claims("440100"))
    # Then it is approved in one step and each candidate has a T certificate number, serials 1 and 2
    assert decided["status"] == "approved"
    assert decided["stage"] is None
    from functions.api.deps import stores
    from functions.services.certificates import certificate_rows

    rows = certificate_rows(stores().records, report_id)[1]
    numbers = [r["certificate_number"] for r in rows]
    assert all(CERTIFICATE.match(n) and n[15] == "T" for n in numbers)
    assert [n[-6:] for n in numbers] == ["000001", "000002"]


def test_returned_report_is_resubmitted_and_keeps_every_version_and_comment(flow, call_api):
    # Given a submitted T report
    plan_id = flow.approved_plan("T")
    first_body = flow.report_body(plan_id, count=2)
    report_id = flow.created("reports", first_body)
    # When the city returns it with a comment
    status, answer = flow.decide("reports", report_id, "return", city_claims(), "公示材料缺少签章页，请补充")
    assert (status, answer["status"]) == (200, "returned")
    # And the enterprise corrects it (a third candidate) and resubmits on the version it read
    second_body = flow.report_body(plan_id, count=3)
    status, answer = call_api("PUT", f"/api/reports/{report_id}", {**second_body, "version": 1}, claims=flow.claims)
    # Then it is version 2, submitted again, back at the city's desk
    assert (status, answer) == (200, {"id": report_id, "status": "submitted", "version": 2})
    head = flow.read("reports", report_id)
    assert (head["version"], head["stage"], head["candidate_count"]) == (2, "city", 3)
    # And both versions stay readable as they were sent
    old = flow.read("reports", report_id, query={"version": "1"})
    new = flow.read("reports", report_id, query={"version": "2"})
    assert len(old["data"]["candidates"]) == 2
    assert len(new["data"]["candidates"]) == 3
    assert old["data"]["candidates"][0]["id_number"] == first_body["candidates"][0]["id_number"]
    # When the city approves version 2
    flow.approve("reports", report_id, city_claims(), version=2)
    # Then the history shows submit, return (with its comment), resubmit and approve, in order
    head = flow.read("reports", report_id)
    assert [(h["action"], h["version"], h["status"]) for h in head["history"]] == [
        ("submit", 1, "submitted"),
        ("decision", 1, "returned"),
        ("resubmit", 2, "submitted"),
        ("decision", 2, "approved"),
    ]
    assert [(d["decision"], d["version"], d["comment"]) for d in head["decisions"]] == [
        ("return", 1, "公示材料缺少签章页，请补充"),
        ("approve", 2, "材料齐全，同意"),
    ]


def test_reading_a_version_that_does_not_exist_is_404(flow):
    # Given a filing at version 1
    filing_id = flow.created("filings", flow.filing_body())
    # When version 2 is asked for, Then there is none
    status, answer = flow.call_api("GET", f"/api/filings/{filing_id}", claims=flow.claims, query={"version": "2"})
    assert status == 404
    assert "第 2 版" in answer["error"]["message"]


def test_resubmitting_on_a_stale_version_is_409(flow, call_api):
    # Given a plan returned and resubmitted once (now version 2) and returned again
    filing_id = flow.approved_filing()
    body = flow.plan_body(filing_id)
    plan_id = flow.created("plans", body)
    flow.decide("plans", plan_id, "return", city_claims(), "评审日期请与工作方案一致")
    status, _ = call_api("PUT", f"/api/plans/{plan_id}", {**body, "version": 1}, claims=flow.claims)
    assert status == 200
    status, _ = flow.decide("plans", plan_id, "return", city_claims(), "方案仍缺少评审专家名单", version=2)
    assert status == 200
    # When the enterprise resubmits on version 1 again
    status, answer = call_api("PUT", f"/api/plans/{plan_id}", {**body, "version": 1}, claims=flow.claims)
    # Then it is a conflict naming the current version
    assert status == 409
    assert "第 2 版" in answer["error"]["message"]


def test_resubmitting_a_record_that_was_not_returned_is_409(flow, call_api):
    # Given a filing that awaits review
    body = flow.filing_body()
    filing_id = flow.created("filings", body)
    # When the enterprise PUTs it, Then it is refused: only returned records are resubmitted
    status, answer = call_api("PUT", f"/api/filings/{filing_id}", {**body, "version": 1}, claims=flow.claims)
    assert status == 409
    assert answer["error"]["code"] == "conflict"


def test_rejected_report_is_final(flow, call_api):
    # Given a submitted T report
    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id)
    report_id = flow.created("reports", body)
    # When the city rejects it with a reason
    status, answer = flow.decide("reports", report_id, "reject", city_claims(), "评审程序不符合要求")
    assert (status, answer["status"]) == (200, "rejected")
    # Then no further decision and no resubmission is possible
    status, _ = flow.decide("reports", report_id, "approve", city_claims())
    assert status == 409
    status, _ = call_api("PUT", f"/api/reports/{report_id}", {**body, "version": 1}, claims=flow.claims)
    assert status == 409
    # And it has left the city's queue
    status, queue = call_api("GET", "/api/review/queue", query={"kind": "reports"}, claims=city_claims())
    assert status == 200
    assert report_id not in [i["id"] for i in queue["items"]]


@pytest.mark.parametrize("decision", ["return", "reject"])
def test_return_and_reject_need_a_comment(flow, decision):
    # Given a filing awaiting the city
    filing_id = flow.created("filings", flow.filing_body())
    # When the reviewer decides without a comment
    status, answer = flow.decide("filings", filing_id, decision, city_claims(), "")
    # Then 422 names the comment, in Chinese
    assert status == 422
    assert [(f["path"], f["type"]) for f in answer["error"]["fields"]] == [("comment", "comment_required")]
    assert "审核意见" in answer["error"]["fields"][0]["message"]


def test_provincial_filed_enterprise_is_reviewed_by_the_province_at_every_step(aws, call_api, upload):
    # Given a provincial-filed group company that is also above scale, filing T
    flow = Flow(call_api, upload, uscc=PROVINCIAL_USCC, categories=("provincial_filed", "above_scale"))
    filing_id = flow.created("filings", flow.filing_body(["T"]))
    # Then its filing waits at the province, not at Guangzhou
    assert flow.read("filings", filing_id)["stages"] == ["province"]
    status, _ = flow.decide("filings", filing_id, "approve", city_claims(), "同意")
    assert status == 404
    flow.approve("filings", filing_id, province_claims())
    # And so do its plan and its T report
    plan_id = flow.created("plans", flow.plan_body(filing_id))
    assert flow.read("plans", plan_id)["stages"] == ["province"]
    flow.approve("plans", plan_id, province_claims())
    report_id = flow.created("reports", flow.report_body(plan_id))
    assert flow.read("reports", report_id)["stages"] == ["province"]
    # And the city reviewer can neither see nor decide it
    status, _ = call_api("GET", f"/api/reports/{report_id}", claims=city_claims())
    assert status == 404
    # When the admin (who sits at the province's desk) approves it, Then it is final
    assert flow.approve("reports", report_id, admin_claims())["status"] == "approved"


def test_each_desk_queue_holds_what_awaits_it_oldest_first(aws, call_api, upload):
    # Given two Guangzhou filings, one Shenzhen filing and a Guangzhou T report
    guangzhou = Flow(call_api, upload)
    shenzhen = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    plan_id = guangzhou.approved_plan("T")
    first = guangzhou.created("filings", guangzhou.filing_body(["T"]))
    second = guangzhou.created("filings", guangzhou.filing_body(["S"]))
    other = shenzhen.created("filings", shenzhen.filing_body())
    report_id = guangzhou.created("reports", guangzhou.report_body(plan_id))
    # When each city asks for its filings queue
    _, gz = call_api("GET", "/api/review/queue", query={"kind": "filings"}, claims=city_claims("440100"))
    _, sz = call_api("GET", "/api/review/queue", query={"kind": "filings"}, claims=city_claims("440300"))
    # Then each sees only its own city's waiting filings, oldest first
    assert [i["id"] for i in gz["items"]] == [first, second]
    assert [i["id"] for i in sz["items"]] == [other]
    # And the reports queue holds the T report, which the province never sees
    _, reports = call_api("GET", "/api/review/queue", query={"kind": "reports", "level": "T"}, claims=city_claims())
    assert [i["id"] for i in reports["items"]] == [report_id]
    _, province = call_api("GET", "/api/review/queue", query={"kind": "reports"}, claims=province_claims())
    assert province["items"] == []
    # When the first filing is decided, Then it leaves the queue
    guangzhou.approve("filings", first, city_claims())
    _, gz = call_api("GET", "/api/review/queue", query={"kind": "filings"}, claims=city_claims("440100"))
    assert [i["id"] for i in gz["items"]] == [second]


def test_lists_are_newest_first_and_paginated_with_a_next_cursor(flow, call_api):
    # Given five filings of one enterprise
    ids = [flow.created("filings", flow.filing_body()) for _ in range(5)]
    # When it pages through its list two at a time
    seen, cursor, pages = [], None, 0
    while True:
        query = {"limit": "2", **({"next": cursor} if cursor else {})}
        status, page = call_api("GET", "/api/filings", query=query, claims=flow.claims)
        assert status == 200
        assert len(page["items"]) <= 2
        seen += [i["id"] for i in page["items"]]
        pages += 1
        cursor = page["next"]
        if not cursor:
            break
    # Then it sees every filing once, newest first, in three pages
    assert seen == list(reversed(ids))
    assert pages >= 3
    # And the Guangzhou reviewer's list holds the same five (routed to that desk)
    status, page = call_api("GET", "/api/filings", query={"limit": "100"}, claims=city_claims())
    assert sorted(i["id"] for i in page["items"]) == sorted(ids)
    # And Shenzhen's holds none
    status, page = call_api("GET", "/api/filings", claims=city_claims("440300"))
    assert (status, page["items"]) == (200, [])


def test_audit_trail_lists_who_did_what_and_when(flow, call_api):
    # Given a filing returned, resubmitted and approved
    body = flow.filing_body()
    filing_id = flow.created("filings", body)
    flow.decide("filings", filing_id, "return", city_claims(), "联系电话请填写办公电话")
    call_api("PUT", f"/api/filings/{filing_id}", {**body, "version": 1}, claims=flow.claims)
    flow.approve("filings", filing_id, city_claims(), version=2)
    # When the city reviewer reads its audit trail
    status, trail = call_api("GET", "/api/audit", query={"subject": filing_id}, claims=city_claims())
    # Then every event names who, in what role, what, when
    assert status == 200
    events = trail["events"]
    assert [(e["action"], e["role"], e["by"]) for e in events] == [
        ("submit", "enterprise", flow.claims["sub"]),
        ("decision", "city_reviewer", "city-440100"),
        ("resubmit", "enterprise", flow.claims["sub"]),
        ("decision", "city_reviewer", "city-440100"),
    ]
    assert events[1]["comment"] == "联系电话请填写办公电话"
    assert all(re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+08:00$", e["at"]) for e in events)
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)


def test_a_filing_resubmitted_with_another_city_moves_to_that_citys_desk(flow, call_api):
    # Given a filing returned because the enterprise's city was wrong (Guangzhou instead of Shenzhen)
    body = flow.filing_body()
    filing_id = flow.created("filings", body)
    flow.decide("filings", filing_id, "return", city_claims("440100"), "注册地在深圳市，请改为深圳市")
    # When it is resubmitted with Shenzhen
    corrected = {**body, "enterprise": {**body["enterprise"], "city": "440300"}, "version": 1}
    status, _ = call_api("PUT", f"/api/filings/{filing_id}", corrected, claims=flow.claims)
    assert status == 200
    # Then Shenzhen's reviewer has it in the queue and in the list, and may open it
    _, queue = call_api("GET", "/api/review/queue", query={"kind": "filings"}, claims=city_claims("440300"))
    assert [i["id"] for i in queue["items"]] == [filing_id]
    _, listed = call_api("GET", "/api/filings", claims=city_claims("440300"))
    assert [i["id"] for i in listed["items"]] == [filing_id]
    assert call_api("GET", f"/api/filings/{filing_id}", claims=city_claims("440300"))[0] == 200
    # And Guangzhou no longer lists what it may no longer open
    _, listed = call_api("GET", "/api/filings", claims=city_claims("440100"))
    assert filing_id not in [i["id"] for i in listed["items"]]
    assert call_api("GET", f"/api/filings/{filing_id}", claims=city_claims("440100"))[0] == 404

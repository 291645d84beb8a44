"""Publication in two acts: the S shortlist's public notice before final approval (§五(二)2②), then the
announcement of a campaign's enterprises and certified people batch by batch (§六(二)); the public lists."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import PROVINCIAL_USCC, city_claims, province_claims
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _at_province(flow: Flow, count: int = 2) -> str:
    """An S report the city passed, now awaiting the province (or sent straight there if provincial-filed)."""
    plan_id = flow.approved_plan("S", flow.approved_filing(["S"]))
    report_id = flow.created("reports", flow.report_body(plan_id, count, "S", first=0))
    if flow.read("reports", report_id)["stage"] == "city":
        assert flow.decide("reports", report_id, "approve", city_claims(flow.city), "初审通过")[0] == 200
    return report_id


def _notice(call_api, report_ids: list[str], start: str, end: str, campaign: str = "2024") -> tuple[int, Any]:
    body = {"campaign": campaign, "report_ids": report_ids, "start": start, "end": end}
    return call_api("POST", "/api/notices", body, claims=province_claims())


def test_final_approval_of_an_s_report_waits_for_its_notice_to_end(flow, call_api, today):
    report_id = _at_province(flow)
    # Without a notice the province cannot finally approve
    status, answer = flow.decide("reports", report_id, "approve", province_claims(), "同意")
    assert status == 409
    assert "公示" in answer["error"]["message"]
    # The province opens a notice of 5 working days (2026-06-01 … 2026-06-05)
    today("2026-06-01")
    status, notice = _notice(call_api, [report_id], "2026-06-01", "2026-06-05")
    assert status == 201, notice
    # While it runs, approval is refused naming the notice
    today("2026-06-05")
    status, answer = flow.decide("reports", report_id, "approve", province_claims(), "同意")
    assert status == 409
    assert notice["id"] in answer["error"]["message"]
    # Once it has ended, the province approves
    today("2026-06-08")
    status, answer = flow.decide("reports", report_id, "approve", province_claims(), "同意")
    assert (status, answer["status"]) == (200, "approved")


def test_a_provincial_filed_s_report_needs_the_notice_too(aws, call_api, upload, today):
    # (whether its city does an initial review or not: i10 routes these straight to the province, §五(二)2①)
    flow = Flow(call_api, upload, uscc=PROVINCIAL_USCC, categories=("provincial_filed",))
    report_id = _at_province(flow, count=1)
    assert flow.read("reports", report_id)["stage"] == "province"
    assert flow.decide("reports", report_id, "approve", province_claims(), "同意")[0] == 409
    today("2026-06-01")
    assert _notice(call_api, [report_id], "2026-06-01", "2026-06-05")[0] == 201
    today("2026-06-08")
    assert flow.decide("reports", report_id, "approve", province_claims(), "同意")[0] == 200


def test_a_notice_takes_only_s_reports_awaiting_the_province_for_5_working_days(flow, call_api):
    s_report = _at_province(flow)
    t_report = flow.created("reports", flow.report_body(flow.approved_plan("T")))
    at_city = flow.created("reports", flow.report_body(flow.approved_plan("S"), 1, "S", first=5))
    assert flow.read("reports", at_city)["stage"] == "city"
    status, answer = _notice(call_api, [t_report, at_city, s_report], "2026-06-01", "2026-06-05")
    assert status == 422
    assert [f["path"] for f in answer["error"]["fields"]] == ["report_ids[0]", "report_ids[1]"]
    # 2026-06-01 … 06-04 is 4 working days
    status, answer = _notice(call_api, [s_report], "2026-06-01", "2026-06-04")
    assert status == 422
    assert answer["error"]["fields"][0]["type"] == "public_notice_too_short"
    assert call_api("POST", "/api/notices", {}, claims=city_claims())[0] == 403
    assert _notice(call_api, [s_report], "2026-06-01", "2026-06-05")[0] == 201
    # the same report cannot go on a second notice
    assert _notice(call_api, [s_report], "2026-06-08", "2026-06-12")[0] == 422


def test_public_notices_list_names_enterprises_occupations_and_cities_never_ids(flow, call_api, today):
    report_id = _at_province(flow, count=2)
    body = flow.read("reports", report_id)["data"]
    today("2026-06-03")
    _notice(call_api, [report_id], "2026-06-01", "2026-06-05")
    status, answer = call_api("GET", "/api/public/notices")
    assert status == 200
    (notice,) = answer["items"]
    assert notice["state"] == "running"
    assert [p["name"] for p in notice["people"]] == [c["name"] for c in body["candidates"]]
    assert notice["people"][0] == {
        "name": body["candidates"][0]["name"],
        "enterprise": "广州精工机械制造有限公司",
        "occupation": "车工",
        "city": "广州市",
    }
    assert all(c["id_number"] not in str(answer) for c in body["candidates"])
    today("2026-06-08")
    assert call_api("GET", "/api/public/notices")[1]["items"][0]["state"] == "ended"


def test_announcements_take_every_approved_report_not_yet_announced_batch_by_batch(flow, call_api):
    # Given a T and an S report of 2024 finally approved
    t_report = flow.approved_report("T", count=2)
    s_report = flow.approved_report("S", count=1)
    # When the province announces batch 1
    status, first = call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 1}, claims=province_claims())
    assert status == 201, first
    assert (first["batch_name"], first["people_count"]) == ("第一批", 3)
    assert first["enterprises"] == [{"name": "广州精工机械制造有限公司", "city": "广州市",
                                     "levels": ["特级技师", "首席技师"], "count": 3}]  # fmt: skip
    # Then nothing is left for batch 2 and batch 1 cannot be announced twice
    again = call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 2}, claims=province_claims())
    assert again[0] == 409
    # A later approval goes into batch 2, listed first
    later = flow.approved_report("T", count=1, first=10)
    status, second = call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 2}, claims=province_claims())
    assert (status, second["people_count"]) == (201, 1)
    status, listing = call_api("GET", "/api/public/announcements", query={"campaign": "2024"})
    assert [b["batch_name"] for b in listing["items"]] == ["第二批", "第一批"]
    status, people = call_api("GET", "/api/public/announcements/2024/1")
    assert sorted(p["level"] for p in people["items"]) == ["特级技师", "特级技师", "首席技师"]
    # The public chief-technician list holds the announced S people only
    status, chiefs = call_api("GET", "/api/public/chief-technicians", query={"campaign": "2024"})
    assert status == 200
    assert [p["name"] for p in chiefs["items"]] == ["王建华0"]
    assert "id_number" not in str(chiefs)
    del t_report, s_report, later


def test_the_chief_technician_list_is_announced_only_and_paged(flow, call_api):
    flow.approved_report("S", count=3)
    status, before = call_api("GET", "/api/public/chief-technicians")
    assert (status, before["items"]) == (200, [])  # approved is not yet announced
    call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 1}, claims=province_claims())
    status, page = call_api("GET", "/api/public/chief-technicians", query={"limit": "2"})
    assert status == 200
    assert len(page["items"]) == 2
    assert page["next"]
    rest = call_api("GET", "/api/public/chief-technicians", query={"limit": "2", "next": page["next"]})[1]
    assert len(rest["items"]) == 1
    assert rest["next"] is None

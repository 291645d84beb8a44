"""A report at the roster limit (2,000 people, each name at its 50-character maximum) is approved in one
decision on moto, which enforces DynamoDB's 400 KB item and 100-item transaction limits: every candidate
gets a serial, gaplessly, and the S list publishes everyone. An approval whose certificate items were not all
written (a crash after the decision's transaction) is completed by the next read, never renumbered."""

from __future__ import annotations

import random

import pytest

from functions.errors import ServiceUnavailable
from schemas.roster import MAX_ROWS
from tests.factories import city_claims, province_claims
from tests.functional._workflow import Flow

# Characters common in Chinese names; a long name of them compresses about as badly as real ones would.
NAME_CHARACTERS = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤建华国强明伟芳娜秀英敏静丽军杰涛超勇艳"
)
NAME_LENGTH = 50


@pytest.fixture
def flow(aws, call_api, upload) -> Flow:
    return Flow(call_api, upload)


def _announced_chief_technicians(call_api) -> list[dict[str, object]]:
    """Announce 2024's approved reports as batch 1 (§六(二)), then read the public list to its last page."""
    status, answer = call_api("POST", "/api/announcements", {"campaign": "2024", "batch": 1}, claims=province_claims())
    assert status == 201, answer
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        query = {"limit": "100", **({"next": cursor} if cursor else {})}
        status, page = call_api("GET", "/api/public/chief-technicians", query=query)
        assert status == 200, page
        items += page["items"]
        cursor = page["next"]
        if not cursor:
            return items


def _long_names(count: int) -> list[str]:
    pick = random.Random(2024).choice
    return ["".join(pick(NAME_CHARACTERS) for _ in range(NAME_LENGTH)) for _ in range(count)]


def _submitted_s_report(flow: Flow, count: int, first: int = 0) -> tuple[str, list[str]]:
    body = flow.report_body(flow.approved_plan("S"), count=count, level="S", first=first)
    names = _long_names(count)
    for candidate, name in zip(body["candidates"], names, strict=True):
        candidate["name"] = name
    return flow.created("reports", body), names


def test_a_report_at_the_roster_limit_is_approved_numbered_and_published(flow, call_api):
    # Given an S report of 2,000 people with 50-character names, approved by the city
    report_id, names = _submitted_s_report(flow, MAX_ROWS)
    flow.approve("reports", report_id, city_claims())
    # When the province approves it in one decision
    decided = flow.approve("reports", report_id, province_claims())
    # Then it is approved
    assert decided["status"] == "approved"
    # And every candidate holds a certificate, in roster order, serials 1..2,000 without a gap
    status, answer = call_api("GET", f"/api/reports/{report_id}/certificates", claims=province_claims())
    assert status == 200, answer
    items = answer["items"]
    assert [i["name"] for i in items] == names
    assert [int(i["certificate_number"][-6:]) for i in items] == list(range(1, MAX_ROWS + 1))
    assert {i["status"] for i in items} == {"allocated"}
    # And once announced, the published list carries all 2,000, in roster order, page by page, without IDs
    published = _announced_chief_technicians(call_api)
    assert [e["name"] for e in published] == names
    assert not any("id_number" in e for e in published)
    # And the certificates export has a row for each
    status, answer = call_api(
        "GET", "/api/exports/certificates", claims=province_claims(), headers={"accept": "application/json"}
    )
    assert status == 200, answer
    assert answer["rows"] == MAX_ROWS


def test_an_approval_interrupted_before_its_items_are_written_is_completed_by_the_next_read(
    flow, call_api, monkeypatch
):
    # Given an S report whose final approval's certificate writes fail (the store goes away mid-way)
    from functions.dal.records import RecordStore

    report_id, names = _submitted_s_report(flow, 30)
    flow.approve("reports", report_id, city_claims())
    flow.noticed(report_id)  # its shortlist notice has run (it writes with batch_put too)
    real_batch_put = RecordStore.batch_put

    def fail(self: RecordStore, items: list[dict[str, object]]) -> None:
        real_batch_put(self, items[:7])  # some items land, then the store fails
        raise ServiceUnavailable()

    monkeypatch.setattr(RecordStore, "batch_put", fail)
    # When the province approves it, the decision stands
    assert flow.approve("reports", report_id, province_claims())["status"] == "approved"
    monkeypatch.setattr(RecordStore, "batch_put", real_batch_put)
    # And a second decision is refused: two reviewers never both win
    status, _ = flow.decide("reports", report_id, "approve", province_claims())
    assert status == 409
    # Then the published list, announced next, shows everyone, once
    assert [e["name"] for e in _announced_chief_technicians(call_api)] == names
    # And the certificates are numbered 1..30 once each
    status, answer = call_api("GET", f"/api/reports/{report_id}/certificates", claims=province_claims())
    assert [int(i["certificate_number"][-6:]) for i in answer["items"]] == list(range(1, 31))
    # And the next approval at this institution continues at 31
    second, _ = _submitted_s_report(flow, 2, first=100)  # other people: one person, one approval a year
    flow.approve("reports", second, city_claims())
    flow.approve("reports", second, province_claims())
    status, answer = call_api("GET", f"/api/reports/{second}/certificates", claims=province_claims())
    assert [int(i["certificate_number"][-6:]) for i in answer["items"]] == [31, 32]

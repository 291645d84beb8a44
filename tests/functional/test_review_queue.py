"""The reviewer's work lists: the queue with its filters and search, counts per kind, every readable record
(the province: the whole province), 已办 newest first; and a report's candidates judged as of the plan's
review date.

One world: Guangzhou enterprise A (T plan approved, three T reports awaiting Guangzhou, one S report past
Guangzhou awaiting the province) and Shenzhen enterprise B (one T report awaiting Shenzhen).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.factories import SHENZHEN_USCC, admin_claims, city_claims, province_claims
from tests.functional._workflow import Flow, direct_call, direct_upload, moto_world

GZ, SZ = city_claims("440100"), city_claims("440300")


@pytest.fixture(scope="module")
def world() -> Iterator[dict[str, Any]]:
    with moto_world("queue"):
        a = Flow(direct_call, direct_upload)
        b = Flow(direct_call, direct_upload, uscc=SHENZHEN_USCC, city="440300")
        t_plan = a.approved_plan("T")
        s_plan = a.approved_plan("S", a.read("plans", t_plan)["filing_id"])
        t_reports = [a.created("reports", a.report_body(t_plan, first=10 * i + 1)) for i in range(3)]
        s_report = a.created("reports", a.report_body(s_plan, level="S", first=60))
        a.approve("reports", s_report, GZ)
        b_report = b.created("reports", b.report_body(b.approved_plan("T"), first=80))
        yield {"a": a, "b": b, "t_plan": t_plan, "t": t_reports, "s": s_report, "b_report": b_report}


def _ids(answer: Any) -> list[str]:
    return [i["id"] for i in answer["items"]]


def _get(path: str, claims: dict[str, Any], **query: Any) -> Any:
    status, answer = direct_call("GET", path, claims=claims, query={k: str(v) for k, v in query.items()})
    assert status == 200, answer
    return answer


def test_the_queue_pages_through_filters_without_empty_pages(world):
    # Given Guangzhou's queue holds three T reports (and its S report has moved on to the province)
    seen: list[str] = []
    cursor = None
    while True:
        query = {"kind": "reports", "level": "T", "limit": 1, **({"next": cursor} if cursor else {})}
        answer = _get("/api/review/queue", GZ, **query)
        # Then every page while more follow holds a record
        assert answer["items"] or not answer["next"]
        seen += _ids(answer)
        cursor = answer["next"]
        if not cursor:
            break
    assert seen == world["t"]  # oldest first
    assert all(i["can_decide"] for i in _get("/api/review/queue", GZ, kind="reports")["items"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "精工"}, "t"),  # part of the enterprise name
        ({"q": "91440101MA59CDX462".lower()}, "t"),  # a USCC, however typed
        ({"phase": 1}, "t"),
        ({"phase": 2}, "none"),
        ({"status": "submitted"}, "t"),
        ({"status": "approved"}, "none"),
        ({"level": "S"}, "none"),
    ],
)
def test_the_queue_filters(world, query, expected):
    answer = _get("/api/review/queue", GZ, kind="reports", **query)
    assert _ids(answer) == (world["t"] if expected == "t" else [])


def test_a_record_id_finds_that_record(world):
    assert _ids(_get("/api/review/queue", GZ, kind="reports", q=world["t"][1])) == [world["t"][1]]


def test_counts_per_kind(world):
    assert _get("/api/review/counts", GZ) == {"filings": 0, "plans": 0, "reports": 3}
    assert _get("/api/review/counts", province_claims())["reports"] == 1
    assert _get("/api/review/counts", SZ)["reports"] == 1


def test_the_province_browses_every_record_by_city_and_status(world):
    everything = _ids(_get("/api/review/records", province_claims(), kind="reports", limit=100))
    assert set(everything) == {*world["t"], world["s"], world["b_report"]}
    shenzhen = _get("/api/review/records", admin_claims(), kind="reports", city="440300")
    assert _ids(shenzhen) == [world["b_report"]]
    assert [i["can_decide"] for i in shenzhen["items"]] == [False]
    awaiting_province = _get("/api/review/records", province_claims(), kind="reports", status="province_review")
    assert _ids(awaiting_province) == [world["s"]]


def test_a_city_browses_only_its_desk(world):
    mine = set(_ids(_get("/api/review/records", GZ, kind="reports", limit=100)))
    assert mine == {*world["t"], world["s"]}
    assert _ids(_get("/api/review/records", SZ, kind="reports", limit=100)) == [world["b_report"]]


def test_done_lists_the_callers_decisions_newest_first(world):
    a = world["a"]
    first, second = (a.created("reports", a.report_body(world["t_plan"], first=90 + i)) for i in range(2))
    a.approve("reports", first, GZ)
    status, _ = a.decide("reports", second, "return", GZ, "请补充公示材料")
    assert status == 200
    done = _get("/api/review/done", GZ, kind="reports")["items"]
    assert [(d["id"], d["decision"], d["status"]) for d in done[:2]] == [
        (second, "return", "returned"),
        (first, "approve", "approved"),
    ]
    assert all(d["id"] not in {first, second} for d in _get("/api/review/done", SZ)["items"])


def test_candidates_in_full_as_of_the_plans_review_date(world):
    # When the province (oversight, read-only) reads the candidates of a Guangzhou T report
    answer = _get(f"/api/reports/{world['t'][0]}/candidates", province_claims())
    # Then the verdicts are as of the plan's review date, not today
    assert answer["review_date"] == "2024-06-15"
    assert answer["plan_problem"] is None
    first = answer["candidates"][0]
    assert first["verdict"]["as_of"] == "2024-06-15"
    assert first["verdict"]["eligible"] is True
    assert all(p["detail"] for p in first["verdict"]["paths"])
    # And each candidate's evidence comes with names, the ID masked
    assert first["occupation_name"] == "车工"
    assert first["level_name"] == "特级技师"
    assert first["credentials"][0]["grade_name"] == "高级技师"
    assert first["work_periods"][0]["relation_name"] == "相应"
    assert first["score"] == 86.5
    assert "*" * 11 in first["id_number_masked"]
    assert len(first["id_number_masked"]) == 18
    assert "id_number" not in first


def test_candidates_are_paged_and_follow_the_read_rule(world):
    answer = _get(f"/api/reports/{world['t'][0]}/candidates", GZ, limit=1)
    assert (answer["total"], len(answer["candidates"]), answer["next_offset"]) == (2, 1, 1)
    status, _ = direct_call("GET", f"/api/reports/{world['t'][0]}/candidates", claims=SZ)
    assert status == 404

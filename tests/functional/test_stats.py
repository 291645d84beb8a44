"""Statistics: after every kind of transition the answer equals a recount of the records themselves."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest

from tests.factories import SHENZHEN_USCC, city_claims, enterprise_claims, province_claims
from tests.functional._workflow import Flow

AWAITING = {"submitted", "city_review", "province_review"}


def recount(campaign: str) -> dict[str, Any]:
    """What the answer must say, counted from every record head, body and certificate list in the table."""
    from functions.dal.aws import client, settings
    from functions.dal.items import from_item
    from functions.dal.records import RecordStore

    records = RecordStore()
    heads = []
    for page in client("dynamodb").get_paginator("scan").paginate(TableName=settings().table):
        heads += [from_item(i) for i in page["Items"] if i["sk"]["S"] == "HEAD" and i["pk"]["S"].startswith("REC#")]
    cities: dict[str, Counter[str]] = defaultdict(Counter)
    occupations: Counter[str] = Counter()
    waiting: Counter[str] = Counter()
    for head in heads:
        if head["status"] in AWAITING:
            waiting["PROVINCE" if head["stage"] == "province" else f"CITY#{head['city']}"] += 1
        if head["kind"] == "filing":
            cities[head["city"]]["filings"] += 1
            continue
        if head["campaign"] != campaign:
            continue
        level, city = head["level"], cities[head["city"]]
        city[f"{head['kind']}s"] += 1
        city[f"{head['kind']}s#{level}"] += 1
        city[f"{head['kind']}#{head['status']}"] += 1
        if head["kind"] == "plan":
            city[f"ent:{head['owner']}"] = 1
        if head["kind"] == "report":
            candidates = records.body(head["id"], head["version"])["candidates"]
            city["candidates"] += len(candidates)
            city[f"candidates#{level}"] += len(candidates)
            occupations.update(c["occupation"] for c in candidates)
            if head["status"] == "approved":
                status, answer = _desk_call(head, f"/api/reports/{head['id']}/certificates")
                assert status == 200, answer
                city.update(c["status"] for c in answer["items"])  # allocated, issued, revoked
    return {"cities": cities, "occupations": occupations, "waiting": waiting}


def _desk_call(head: dict[str, Any], path: str) -> tuple[int, Any]:
    """A GET by a reviewer of the record's last desk."""
    from tests.functional._workflow import direct_call

    claims = province_claims() if head["stages"][-1] == "province" else city_claims(head["city"])
    return direct_call("GET", path, claims=claims)


def assert_matches_recount(call_api: Any, campaign: str = "2024") -> dict[str, Any]:
    status, stats = call_api("GET", "/api/stats", query={"campaign": campaign}, claims=province_claims())
    assert status == 200, stats
    expected = recount(campaign)
    assert len(stats["by_city"]) == 21
    for row in stats["by_city"]:
        want = expected["cities"].get(row["city"], Counter())
        assert row["filings"] == want["filings"], row["city"]
        assert row["plans"] == want["plans"], row["city"]
        assert row["reports"] == want["reports"], row["city"]
        assert row["candidates"] == want["candidates"], row["city"]
        for state in ("allocated", "issued", "revoked"):
            assert row["certificates"][state] == want[state], (row["city"], state)
        assert row["enterprises"] == sum(1 for key in want if key.startswith("ent:")), row["city"]
        for level in ("T", "S"):
            assert row["by_level"][level]["reports"] == want[f"reports#{level}"]
            assert row["by_level"][level]["candidates"] == want[f"candidates#{level}"]
        for kind in ("plan", "report"):
            counted = {k.split("#")[1]: n for k, n in want.items() if k.startswith(f"{kind}#")}
            assert row["statuses"][kind] == counted, (row["city"], kind)
    assert {d["desk"]: d["waiting"] for d in stats["desks"] if d["waiting"]} == dict(expected["waiting"])
    assert {o["code"]: o["candidates"] for o in stats["top_occupations"]} == dict(
        expected["occupations"].most_common(10)
    )
    return dict(stats)


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def test_counts_follow_submit_return_resubmit_approve_reject(flow, call_api):
    # Given an enterprise in Guangzhou whose T report is finally approved
    flow.approved_report("T", count=3)
    assert_matches_recount(call_api)

    # When a second plan is returned, resubmitted and rejected
    filing_id = flow.approved_filing()
    plan_id = flow.created("plans", flow.plan_body(filing_id))
    assert_matches_recount(call_api)
    status, answer = flow.decide("plans", plan_id, "return", flow.first_desk, "请补充评审方式说明")
    assert status == 200, answer
    assert_matches_recount(call_api)
    status, answer = call_api(
        "PUT", f"/api/plans/{plan_id}", {**flow.plan_body(filing_id), "version": 1}, claims=flow.claims
    )
    assert status == 200, answer
    assert_matches_recount(call_api)
    status, answer = flow.decide("plans", plan_id, "reject", flow.first_desk, "评审方式不符合要求", version=2)
    assert status == 200, answer

    # And a Shenzhen enterprise's S report waits at the province after the city's initial review
    shenzhen = Flow(call_api, flow.upload, uscc=SHENZHEN_USCC, city="440300")
    s_plan = shenzhen.approved_plan("S")
    report_id = shenzhen.created("reports", shenzhen.report_body(s_plan, 2, "S", first=0))
    shenzhen.approve("reports", report_id, city_claims("440300"))

    # Then every count equals a recount, the enterprise counted once however many plans it has
    stats = assert_matches_recount(call_api)
    guangzhou = next(c for c in stats["by_city"] if c["city"] == "440100")
    assert guangzhou["enterprises"] == 1
    assert guangzhou["statuses"]["plan"] == {"approved": 1, "rejected": 1}
    province = next(d for d in stats["desks"] if d["desk"] == "PROVINCE")
    assert province["waiting"] == 1
    assert province["median_days"] == 0


def test_resubmitted_report_counts_its_latest_roster(flow, call_api):
    plan_id = flow.approved_plan("T")
    report_id = flow.created("reports", flow.report_body(plan_id, 4, "T", first=0))
    status, answer = flow.decide("reports", report_id, "return", flow.first_desk, "第 4 位人员材料不全")
    assert status == 200, answer
    body = {**flow.report_body(plan_id, 2, "T", first=0), "version": 1}
    status, answer = call_api("PUT", f"/api/reports/{report_id}", body, claims=flow.claims)
    assert status == 200, answer
    stats = assert_matches_recount(call_api)
    assert next(c for c in stats["by_city"] if c["city"] == "440100")["candidates"] == 2


def test_a_city_reviewer_sees_its_own_city_only(flow, call_api):
    flow.approved_report("T", count=2)
    status, stats = call_api("GET", "/api/stats", query={"campaign": "2024"}, claims=city_claims("440100"))
    assert status == 200, stats
    assert [c["city"] for c in stats["by_city"]] == ["440100"]
    assert stats["by_city"][0]["candidates"] == 2
    assert all(d["desk"] == "CITY#440100" for d in stats["desks"])
    status, answer = call_api(
        "GET", "/api/stats", query={"campaign": "2024", "city": "440300"}, claims=city_claims("440100")
    )
    assert status == 403, answer
    status, stats = call_api(
        "GET", "/api/stats", query={"campaign": "2024", "city": "440300"}, claims=province_claims()
    )
    assert status == 200, stats
    assert [c["city"] for c in stats["by_city"]] == ["440300"]
    assert stats["by_city"][0]["candidates"] == 0


@pytest.mark.parametrize(
    "claims",
    [None, enterprise_claims()],
    ids=["anonymous", "enterprise"],
)
def test_statistics_are_for_staff(aws, call_api, claims):
    status, _ = call_api("GET", "/api/stats", claims=claims)
    assert status == (401 if claims is None else 403)


def test_unknown_campaign_is_404(aws, call_api):
    status, answer = call_api("GET", "/api/stats", query={"campaign": "1999"}, claims=province_claims())
    assert status == 404, answer


def test_a_named_year_is_answered_by_key_never_by_query_or_scan(flow, call_api):
    # Given a year with records in it
    from functions.dal.aws import client

    flow.approved_report("T", count=3)
    operations: list[str] = []
    events = client("dynamodb").meta.events
    events.register("before-call.dynamodb.*", lambda model, **_: operations.append(model.name), "stats-spy")
    try:
        # When the province reads that year's statistics
        status, answer = call_api("GET", "/api/stats", query={"campaign": "2024"}, claims=province_claims())
    finally:
        events.unregister("before-call.dynamodb.*", unique_id="stats-spy")
    # Then it read the counters by key (a cost that does not grow with the records), and they count the report
    assert status == 200, answer
    assert "BatchGetItem" in operations
    assert set(operations) <= {"GetItem", "BatchGetItem"}, operations
    assert sum(c["candidates"] for c in answer["by_city"]) == 3


def test_the_public_sees_numbers_only(flow, call_api):
    flow.approved_report("T", count=3)
    status, answer = call_api("GET", "/api/public/stats")
    assert status == 200, answer
    assert set(answer) == {"campaign", "name", "enterprises", "certified"}


def test_counts_hold_under_concurrent_decisions(aws, call_api, upload, monkeypatch):
    # Given moto serving one DynamoDB request at a time, as DynamoDB runs each atomically (see test_concurrency)
    import threading

    from moto.dynamodb.responses import DynamoHandler

    from tests.functional.test_concurrency import _at_once, decide

    lock, handle = threading.Lock(), DynamoHandler.call_action

    def one_at_a_time(self: DynamoHandler) -> Any:
        with lock:
            return handle(self)

    monkeypatch.setattr(DynamoHandler, "call_action", one_at_a_time)
    flow = Flow(call_api, upload)
    plan_id = flow.approved_plan("T")
    reports = [flow.created("reports", flow.report_body(plan_id, count=2, first=10 * i + 1)) for i in range(8)]
    # When Guangzhou approves five and returns three at the same moment
    decisions = ["approve"] * 5 + ["return"] * 3
    answers = _at_once(
        [
            lambda r=r, d=d: decide("report", r, d, city_claims(), "意见见附件")
            for r, d in zip(reports, decisions, strict=True)
        ]
    )
    assert [a[0] for a in answers] == [200] * 8, answers
    # Then the counts equal a recount: 10 certificates allocated, 3 returned, nothing waiting
    stats = assert_matches_recount(call_api)
    guangzhou = next(c for c in stats["by_city"] if c["city"] == "440100")
    assert guangzhou["certificates"]["allocated"] == 10
    assert guangzhou["statuses"]["report"] == {"approved": 5, "returned": 3}


def test_the_figures_export_to_xlsx_as_shown(flow, call_api):
    import base64
    import io

    from openpyxl import load_workbook

    from functions.api.handler import lambda_handler
    from tests.conftest import FakeLambdaContext, http_event

    flow.approved_report("T", count=3)
    _, stats = call_api("GET", "/api/stats", query={"campaign": "2024"}, claims=province_claims())
    event = http_event("GET", "/api/stats/export", query={"campaign": "2024"}, claims=province_claims())
    result = lambda_handler(event, FakeLambdaContext())
    assert result["statusCode"] == 200
    assert "spreadsheetml" in result["headers"]["Content-Type"]
    book = load_workbook(io.BytesIO(base64.b64decode(result["body"])))
    rows = list(book["各市"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[6]) for r in rows] == [(c["city"], c["candidates"]) for c in stats["by_city"]]
    assert sum(r[6] for r in rows) == 3
    occupations = list(book["职业"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in occupations] == [(o["code"], o["candidates"]) for o in stats["top_occupations"]]

"""Creates with an Idempotency-Key (API.md): the same key and body answer the first result and create nothing
new; the same key with another body is 409. Kept by Powertools' idempotency utility in moto's DynamoDB."""

from __future__ import annotations

import pytest

from tests.factories import SHENZHEN_USCC
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _count(flow: Flow, kind: str) -> int:
    status, page = flow.call_api("GET", f"/api/{kind}", claims=flow.claims, query={"limit": "100"})
    assert status == 200
    return len(page["items"])


def test_a_retried_filing_with_the_same_key_creates_nothing_new(flow):
    # Given a filing created with an Idempotency-Key
    body = flow.filing_body()
    key = {"Idempotency-Key": "filing-2024-0001"}
    first = flow.create("filings", body, headers=key)
    assert first[0] == 201
    # When the client retries it (a lost answer) with the same key and body
    second = flow.create("filings", body, headers=key)
    # Then it gets the first answer again and the list still shows one filing
    assert second == first
    assert _count(flow, "filings") == 1


def test_a_retried_report_with_the_same_key_creates_nothing_new(flow):
    # Given a 20-candidate report created with a key
    body = flow.report_body(flow.approved_plan("T"), count=20)
    key = {"idempotency-key": "6f1c2a4e-report"}
    first = flow.create("reports", body, headers=key)
    assert first[0] == 201, first
    # When retried three times, Then the same record answers every time
    for _ in range(3):
        assert flow.create("reports", body, headers=key) == first
    assert _count(flow, "reports") == 1
    # And the one record is readable
    assert flow.read("reports", first[1]["id"])["candidate_count"] == 20


def test_the_same_key_with_another_body_is_409(flow):
    # Given a filing created with a key
    body = flow.filing_body()
    key = {"Idempotency-Key": "filing-2024-0002"}
    assert flow.create("filings", body, headers=key)[0] == 201
    # When the key is reused for a different filing
    other = flow.filing_body(["T"])
    status, answer = flow.create("filings", other, headers=key)
    # Then it is a conflict that says to use a new key, and nothing was created
    assert status == 409
    assert answer["error"]["code"] == "conflict"
    assert "Idempotency-Key" in answer["error"]["message"]
    assert _count(flow, "filings") == 1


def test_different_keys_create_different_records(flow):
    body = flow.filing_body()
    one = flow.create("filings", body, headers={"Idempotency-Key": "k-1"})
    two = flow.create("filings", body, headers={"Idempotency-Key": "k-2"})
    assert one[1]["id"] != two[1]["id"]
    assert _count(flow, "filings") == 2


def test_without_a_key_every_create_is_new(flow):
    body = flow.filing_body()
    flow.create("filings", body)
    flow.create("filings", body)
    assert _count(flow, "filings") == 2


def test_keys_are_scoped_to_the_enterprise(aws, call_api, upload, flow):
    # Given A used a key
    assert flow.create("filings", flow.filing_body(), headers={"Idempotency-Key": "shared-key"})[0] == 201
    # When B happens to use the same key for its own filing
    b = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    status, answer = b.create("filings", b.filing_body(), headers={"Idempotency-Key": "shared-key"})
    # Then B's filing is created, not refused and not answered with A's
    assert status == 201, answer
    assert _count(b, "filings") == 1


def test_keys_are_scoped_to_the_route(flow):
    # Given a key used for a filing, When the same key is used for a plan, Then the plan is created
    filing_id = flow.approved_filing()
    key = {"Idempotency-Key": "one-key"}
    assert flow.create("filings", flow.filing_body(), headers=key)[0] == 201
    status, answer = flow.create("plans", flow.plan_body(filing_id), headers=key)
    assert status == 201, answer


def test_a_refused_create_does_not_use_up_the_key(flow):
    # Given a plan refused (422) for a document that was never uploaded
    filing_id = flow.approved_filing()
    body = flow.plan_body(filing_id)
    key = {"Idempotency-Key": "plan-retry"}
    status, _ = flow.create("plans", {**body, "plan_document": "plan_document/missing"}, headers=key)
    assert status == 422
    # When the corrected plan is sent with the same key, Then it is created
    status, answer = flow.create("plans", body, headers=key)
    assert status == 201, answer
    # And a retry of the corrected plan answers the same record
    assert flow.create("plans", body, headers=key) == (status, answer)


@pytest.mark.parametrize("bad_key", ["x" * 201, "   "])
def test_an_unusable_key_is_400(flow, bad_key):
    status, answer = flow.create("filings", flow.filing_body(), headers={"Idempotency-Key": bad_key})
    assert status == 400
    assert "Idempotency-Key" in answer["error"]["message"]
    assert _count(flow, "filings") == 0

"""Decisions and numbering under concurrency: two reviewers on one record, twenty final approvals at once.

moto's DynamoDB is not thread-safe: `transact_write_items` checks and writes item by item and, on failure,
restores a deep copy of the whole table taken before it started, wiping writes other threads made meanwhile
(unguarded, 20 parallel approvals here lose approvals and repeat certificate numbers). Real DynamoDB runs
each request atomically and transactions serializably, so the fixture below serialises moto's request
handling, one DynamoDB request at a time. Everything the code does between requests (read the head, read
the counter, build the transaction) still interleaves freely across threads, which is the race under test.

The threads call the services a route calls, not the handler: Powertools' resolver keeps the current event
in one process-wide attribute (`BaseRouter.current_event`), so two handler calls on two threads of one
process read each other's request (one reviewer's decision is logged under the other's name). In AWS each
concurrent request has its own Lambda environment; here each thread is one such environment.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import city_claims
from tests.functional._workflow import Flow

CERTIFICATE = re.compile(r"^Y\d{4}44\d{6}\d{2}[TS]\d{6}$")


@pytest.fixture
def atomic_dynamodb(aws, monkeypatch):
    from moto.dynamodb.responses import DynamoHandler

    lock = threading.Lock()
    handle = DynamoHandler.call_action

    def one_at_a_time(self: DynamoHandler) -> Any:
        with lock:
            return handle(self)

    monkeypatch.setattr(DynamoHandler, "call_action", one_at_a_time)


@pytest.fixture
def flow(atomic_dynamodb, call_api, upload):
    return Flow(call_api, upload)


def _answer(run: Callable[[], dict[str, Any]]) -> tuple[int, Any]:
    """(status, body) as the API would answer what `run` returns or raises."""
    from functions.errors import ApiError

    try:
        return 200, run()
    except ApiError as error:
        return error.status, {"error": {"code": error.code, "message": error.message}}


def decide(kind: str, record_id: str, decision: str, claims: dict[str, Any], comment: str = "同意") -> tuple[int, Any]:
    """One reviewer's decision on version 1, as the decision route runs it."""
    from functions.api.deps import stores
    from functions.auth import principal_from
    from functions.services import review
    from schemas.forms import DecisionRequest
    from tests.conftest import http_event

    principal = principal_from(http_event("POST", "/", claims=claims))
    assert principal is not None
    form = DecisionRequest(decision=decision, comment=comment, version=1)
    return _answer(lambda: review.decide(stores(), kind, record_id, principal, form))


def create_filing(flow: Flow, body: dict[str, Any], key: str) -> tuple[int, Any]:
    """One idempotent create, as the create route runs it."""
    from functions.api.deps import stores
    from functions.auth import principal_from
    from functions.services import submissions
    from functions.services.idempotency import once
    from schemas.forms import FilingRequest
    from tests.conftest import FakeLambdaContext, http_event

    principal = principal_from(http_event("POST", "/", claims=flow.claims))
    assert principal is not None
    form = FilingRequest.model_validate(body)
    dumped = form.model_dump(mode="json")
    scope = f"{principal.uscc}|filing"
    return _answer(
        lambda: once(
            key, scope, dumped, lambda: submissions.submit(stores(), "filing", principal, form), FakeLambdaContext()
        )
    )


def _at_once(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run `calls` on their own threads, released together; answer their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = calls[index]()
        except Exception as exc:  # surfaced by the assertions below
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.parametrize("decisions", [("approve", "approve"), ("approve", "return"), ("reject", "return")])
def test_two_reviewers_deciding_one_record_at_once_one_wins(flow, call_api, decisions):
    for _ in range(3):  # a few rounds, so both orders of arrival get their chance
        # Given a filing awaiting Guangzhou, read by two reviewers of that city
        filing_id = flow.created("filings", flow.filing_body())
        reviewers = [city_claims("440100") | {"sub": f"reviewer-{i}"} for i in range(2)]
        # When both decide version 1 at the same moment
        answers = _at_once(
            [
                lambda d=d, r=r, f=filing_id: decide("filing", f, d, r, "意见：见附件")
                for d, r in zip(decisions, reviewers, strict=True)
            ]
        )
        # Then exactly one is 200 and the other 409
        statuses = sorted(a[0] for a in answers)
        assert statuses == [200, 409], answers
        winner = next(i for i, a in enumerate(answers) if a[0] == 200)
        assert answers[1 - winner][1]["error"]["code"] == "conflict"
        # And the record holds the winner's decision, logged once
        head = flow.read("filings", filing_id)
        assert head["status"] == answers[winner][1]["status"]
        assert [(d["decision"], d["version"]) for d in head["decisions"]] == [(decisions[winner], 1)]
        _, trail = call_api("GET", "/api/audit", query={"subject": filing_id}, claims=city_claims())
        assert [e["by"] for e in trail["events"] if e["action"] == "decision"] == [f"reviewer-{winner}"]


def test_twenty_final_approvals_at_once_number_every_certificate_once_without_gaps(flow):
    # Given one enterprise's approved T plan and 20 reports of 2 candidates each, all awaiting Guangzhou
    plan_id = flow.approved_plan("T")
    reports = [flow.created("reports", flow.report_body(plan_id, count=2, first=10 * i + 1)) for i in range(20)]
    # When Guangzhou approves all 20 at the same moment
    answers = _at_once([lambda r=r: decide("report", r, "approve", city_claims()) for r in reports])
    # Then every approval succeeds
    assert [a[0] for a in answers] == [200] * 20, answers
    assert all(flow.read("reports", r)["status"] == "approved" for r in reports)
    # And the 40 certificate numbers are unique, well formed, level T at position 16
    from functions.api.deps import stores
    from functions.services.certificates import certificate_rows

    numbers = [row["certificate_number"] for r in reports for row in certificate_rows(stores().records, r)[1]]
    assert len(numbers) == 40
    assert all(CERTIFICATE.match(n) and n[15] == "T" for n in numbers), numbers
    assert len(set(numbers)) == 40
    # And per institution, year and level the serials run 1..40 without gaps
    groups = Counter(n[:16] for n in numbers)
    assert len(groups) == 1
    assert sorted(int(n[-6:]) for n in numbers) == list(range(1, 41))
    # And each report's own candidates hold consecutive serials
    for r in reports:
        serials = [int(row["certificate_number"][-6:]) for row in certificate_rows(stores().records, r)[1]]
        assert serials[1] == serials[0] + 1


def test_the_same_idempotent_create_sent_twice_at_once_makes_one_record(flow):
    # Given one filing sent twice at the same moment with the same key (a double click)
    body = flow.filing_body()
    answers = _at_once([lambda: create_filing(flow, body, "double-click") for _ in range(2)])
    # Then one is created and the other answers that record or says it is in progress
    statuses = sorted(a[0] for a in answers)
    assert statuses in ([200, 200], [200, 409]), answers
    created = {a[1]["id"] for a in answers if a[0] == 200}
    assert len(created) == 1
    # And the list shows exactly one filing
    _, page = flow.call_api("GET", "/api/filings", claims=flow.claims)
    assert [i["id"] for i in page["items"]] == list(created)


def test_ten_enterprises_approved_at_once_get_distinct_gapless_site_numbers(atomic_dynamodb, call_api, upload):
    # Given ten Guangzhou enterprises, each with a filing awaiting the city
    from functions.api.deps import stores
    from tests.factories import make_uscc

    usccs = [make_uscc(f"914401017{i:07d}X"[:17]) for i in range(10)]
    filings = [
        Flow(call_api, upload, uscc=u).created("filings", Flow(call_api, upload, uscc=u).filing_body()) for u in usccs
    ]
    # When the city approves all ten at the same moment
    answers = _at_once([lambda f=f: decide("filing", f, "approve", city_claims()) for f in filings])
    assert [a[0] for a in answers] == [200] * 10, answers
    # Then each enterprise holds its own site sequence, together exactly 1..10
    sequences = [stores().records.get(f"ENT#{u}", "PROFILE")["site_sequence"] for u in usccs]
    assert sorted(sequences) == list(range(1, 11))

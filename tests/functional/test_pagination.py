"""Partition reads never cut off silently: long histories page with `next`, whole-partition reads go to the end."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.factories import city_claims
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _add_events(record_pk: str, count: int, action: str = "files") -> None:
    """`count` more events on a record, written straight to the table (as 1,200 reads or decisions would be)."""
    from functions.api.deps import stores
    from functions.services import clock

    records = stores().records
    start = clock.now()
    items: list[dict[str, Any]] = []
    for n in range(count):
        at = (start + timedelta(seconds=n + 1)).isoformat(timespec="microseconds")
        note = {"action": action, "by": "city-440100", "role": "city_reviewer", "version": 1, "status": "submitted"}
        items.append({"pk": record_pk, "sk": f"LOG#{at}#{n:08x}", "at": at, "comment": f"第 {n + 2} 条", **note})
    from functions.dal.items import to_item

    for first in range(0, len(items), 25):
        batch = [{"PutRequest": {"Item": to_item(i)}} for i in items[first : first + 25]]
        records.ddb.batch_write_item(RequestItems={records.table: batch})


def _whole_trail(call_api, subject: str, claims: dict[str, Any], limit: int | None = None) -> tuple[list[Any], int]:
    events: list[Any] = []
    pages, cursor = 0, None
    while True:
        query = {"subject": subject, **({"next": cursor} if cursor else {}), **({"limit": str(limit)} if limit else {})}
        status, page = call_api("GET", "/api/audit", query=query, claims=claims)
        assert status == 200, page
        events += page["events"]
        pages += 1
        cursor = page["next"]
        if not cursor:
            return events, pages


def test_an_audit_trail_of_1200_events_comes_whole_across_pages(flow, call_api):
    # Given a filing whose history holds 1,200 events (its submission and 1,199 reviewer notes)
    filing_id = flow.created("filings", flow.filing_body())
    _add_events(f"REC#{filing_id}", 1199)
    # When the city reviewer reads the first page
    status, first = call_api("GET", "/api/audit", query={"subject": filing_id}, claims=city_claims())
    # Then it is one page with a cursor, not the first thousand and silence
    assert status == 200
    assert len(first["events"]) < 1200
    assert first["next"]
    # When the reviewer follows `next` to the end
    events, pages = _whole_trail(call_api, filing_id, city_claims())
    # Then all 1,200 events arrive, oldest first, each once
    assert len(events) == 1200
    assert pages > 1
    assert events[0]["action"] == "submit"
    assert [e["comment"] for e in events[1:]] == [f"第 {n} 条" for n in range(2, 1201)]
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)


def test_audit_pages_of_a_chosen_size_end_with_no_cursor(flow, call_api):
    # Given a filing with 7 events
    filing_id = flow.created("filings", flow.filing_body())
    _add_events(f"REC#{filing_id}", 6)
    # When its reviewer reads it three at a time
    events, pages = _whole_trail(call_api, filing_id, city_claims(), limit=3)
    # Then three pages hold the seven events and the last one says there is no more
    assert (len(events), pages) == (7, 3)


def test_a_forged_audit_cursor_is_refused_in_chinese(flow, call_api):
    filing_id = flow.created("filings", flow.filing_body())
    query = {"subject": filing_id, "next": "bm90LWEta2V5"}
    status, answer = call_api("GET", "/api/audit", query=query, claims=city_claims())
    assert status == 400
    assert "next" in answer["error"]["message"]


def test_a_record_read_carries_its_whole_history_past_one_page(flow):
    # Given a filing with 1,200 events in its history
    filing_id = flow.created("filings", flow.filing_body())
    _add_events(f"REC#{filing_id}", 1199, action="resubmit")
    # When the enterprise reads the record
    record = flow.read("filings", filing_id)
    # Then its history is whole: a partition read pages to the end instead of stopping at 1,000
    assert len(record["history"]) == 1200


def test_the_public_list_says_how_long_it_may_be_reused(aws):
    # Given the handler as API Gateway invokes it
    from functions.api.handler import lambda_handler
    from tests.conftest import FakeLambdaContext, http_event

    # When anyone asks for the published chief-technician list
    answer = lambda_handler(http_event("GET", "/api/public/chief-technicians"), FakeLambdaContext())
    # Then the answer is public and cacheable for the convention's time (the template's cache honours it)
    assert answer["statusCode"] == 200
    assert answer["headers"]["Cache-Control"] == "public, max-age=300"

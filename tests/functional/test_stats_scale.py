"""Statistics at the province's size: 100,000 records in 21 cities, the answer equal to a recount of them."""

from __future__ import annotations

import os
from collections import Counter
from datetime import date

import pytest

from bench.cases.stats import seed_records
from tests.factories import province_claims

AWAITING = {"submitted", "province_review"}

# A minute and a half of CPU: `make test` (and so CI) runs it, a developer's quick `pytest` run need not.
pytestmark = pytest.mark.skipif(not os.environ.get("GDSKILLS_FULL_TESTS"), reason="scale test: run by make test")


def test_the_answer_over_100000_records_equals_a_recount(aws, call_api, today):
    # Given 100,000 records of the 2024 campaign, their counters added as a backfill would add them
    from functions.api.deps import stores

    today("2024-06-30")
    heads = seed_records(stores().records, 100_000, "2024", date(2024, 4, 1))
    # When the province asks for the statistics
    status, stats = call_api("GET", "/api/stats", query={"campaign": "2024"}, claims=province_claims())
    assert status == 200, stats
    # Then per city and level every count equals a recount of the records themselves
    for row in stats["by_city"]:
        mine = [h for h in heads if h["city"] == row["city"]]
        for level in ("T", "S"):
            counted = row["by_level"][level]
            of_level = [h for h in mine if h.get("level") == level]
            assert counted["plans"] == sum(h["kind"] == "plan" for h in of_level)
            assert counted["reports"] == sum(h["kind"] == "report" for h in of_level)
            assert counted["candidates"] == sum(h.get("candidate_count", 0) for h in of_level)
            approved = [h for h in of_level if h["kind"] == "report" and h["status"] == "approved"]
            assert counted["certificates"]["allocated"] == sum(h["candidate_count"] for h in approved)
            assert counted["statuses"]["report"] == dict(
                Counter(h["status"] for h in of_level if h["kind"] == "report")
            )
        assert row["filings"] == sum(h["kind"] == "filing" for h in mine)
        assert row["enterprises"] == len({h["owner"] for h in mine if h["kind"] == "plan"})
    # And the desks wait as long as the records say (days since each arrived, nearest rank)
    for desk in stats["desks"]:
        ages = sorted(
            (date(2024, 6, 30) - date.fromisoformat(h["gsi2sk"][:10])).days
            for h in heads
            if h["status"] in AWAITING
            and (("PROVINCE" if h["stage"] == "province" else f"CITY#{h['city']}") == desk["desk"])
        )
        assert desk["waiting"] == len(ages)
        assert desk["median_days"] == ages[(len(ages) + 1) // 2 - 1]
        assert desk["p90_days"] == ages[-(-len(ages) * 9 // 10) - 1]
    assert len(stats["by_city"]) == 21
    assert sum(d["waiting"] for d in stats["desks"]) == sum(h["status"] in AWAITING for h in heads)

"""`GET /api/stats` over 100,000 records on moto: the answer reads only the counters, whatever the table holds.

`seed_records` is shared with the functional test that checks the answer against a recount at that size.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from typing import Any

from bench.registry import Row, benchmark
from bench.samples import OCCUPATIONS

RECORDS = 100_000
LIMIT_MS = 300.0
STATUSES = ("submitted", "province_review", "approved", "approved", "approved", "returned", "rejected")
PROVINCE = {"sub": "bench-province", "cognito:groups": "[province_reviewer]"}


def seed_records(records: Any, count: int, campaign: str, first_day: date, seed: int = 2025) -> list[dict[str, Any]]:
    """`count` believable record heads of one campaign in 21 cities, written 25 at a time, and their counters."""
    from functions.dal.items import to_item
    from functions.services.stats import backfill
    from schemas.reference import cities

    rng = random.Random(seed)
    codes = list(cities())
    heads = []
    for i in range(count):
        kind = ("filing", "plan", "report", "report")[i % 4]
        city = codes[rng.randrange(len(codes))]
        status = STATUSES[rng.randrange(len(STATUSES))]
        level = "S" if rng.random() < 0.2 else "T"
        day = first_day + timedelta(days=rng.randrange(60))
        stamp = f"{day.isoformat()}T09:{i % 60:02d}:00.000000+08:00"
        head: dict[str, Any] = {
            "pk": f"REC#B{i:07d}",
            "sk": "HEAD",
            "id": f"B{i:07d}",
            "kind": kind,
            "city": city,
            "owner": f"9144{city[2:4]}00MA{i // 20:08d}",
            "status": status,
            "version": 1,
            "stages": ["city", "province"] if level == "S" and kind == "report" else ["city"],
            "created_at": stamp,
            "submitted_at": stamp,
        }
        if kind != "filing":
            head.update({"campaign": campaign, "level": level, "phase": 1})
        if kind == "report":
            size = rng.randint(1, 30)
            head["candidate_count"] = size
            head["occupation_counts"] = {OCCUPATIONS[0]: size - size // 3, OCCUPATIONS[1]: size // 3}
        if status in ("submitted", "province_review"):
            head["stage"] = "province" if status == "province_review" else "city"
            head["gsi2sk"] = f"{stamp}#{head['id']}"
        heads.append(head)
    for start in range(0, len(heads), 25):
        batch = [{"PutRequest": {"Item": to_item(h)}} for h in heads[start : start + 25]]
        records.ddb.batch_write_item(RequestItems={records.table: batch})
    backfill(records, heads)
    return heads


@benchmark("stats")
def statistics_answer() -> list[Row]:
    from bench.cases.report_store import _call, _moto
    from bench.timing import best_of
    from functions.api.deps import stores

    with _moto():
        started = time.perf_counter()
        seed_records(stores().records, RECORDS, "2024", date(2024, 4, 1))
        seeded = time.perf_counter() - started

        def answer() -> None:
            status, body = _call("GET", "/api/stats?campaign=2024", None, PROVINCE)
            assert status == 200, body

        seconds = best_of(answer, repeat=5)
    return [
        Row(
            f"GET /api/stats?campaign=2024 over {RECORDS:,} records on moto",
            seconds * 1000,
            "ms",
            limit=LIMIT_MS,
            note=f"through the handler, province scope, one BatchGetItem, best of 5 (seeding took {seeded:.0f} s)",
        )
    ]

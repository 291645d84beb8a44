"""Live statistics: what each record contributes to the counters, and the answer of `GET /api/stats`.

A record's contribution is a function of its head alone (`contribution`), so a transition writes exactly
`contribution(after) - contribution(before)` in its own transaction, and the counters always equal a recount
of the current heads. Certificates move between allocated, issued and revoked with `certificate_move`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any

from functions.dal import stats as counters
from functions.dal.items import to_item
from functions.dal.records import RecordStore
from schemas.review import AWAITING
from schemas.stats import STATUS_KINDS, percentile_days

LEVELS = ("T", "S")
CERTIFICATE_STATES = ("allocated", "issued", "revoked")
TOP_OCCUPATIONS = 10


def _desk(stage: str, city: str) -> str:
    return f"CITY#{city}" if stage == "city" else "PROVINCE"


def contribution(head: dict[str, Any] | None) -> counters.Deltas:
    deltas = counters.new_deltas()
    if not head:
        return deltas
    kind, city, status = head["kind"], head["city"], head["status"]
    campaign = head.get("campaign") or counters.FILINGS
    level = head.get("level") or "-"
    where = deltas[counters.city_key(campaign, city)]
    where[f"{kind}#{level}#n"] += 1
    where[f"st#{kind}#{level}#{status}"] += 1
    if kind == "report":
        count = int(head.get("candidate_count", 0))
        where[f"cand#{level}"] += count
        if status == "approved":
            where[f"cert#{level}#allocated"] += count
        for code, n in (head.get("occupation_counts") or {}).items():
            deltas[counters.occupation_key(campaign, city)][code] += int(n)
    if status in AWAITING and head.get("stage") and head.get("gsi2sk"):
        deltas[counters.wait_key(_desk(head["stage"], city))][head["gsi2sk"][:10]] += 1
    return deltas


def change_items(records: RecordStore, before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """The counter updates of one transition, to write in the transition's own transaction."""
    deltas = contribution(after)
    for key, changes in contribution(before).items():
        for name, n in changes.items():
            deltas[key][name] -= n
    markers: list[str] = []
    if before is None and after["kind"] == "plan":
        # An enterprise counts once per campaign (and once per level), from its first plan.
        campaign, uscc, level = after["campaign"], after["owner"], after["level"]
        markers = counters.unseen(records, campaign, [uscc, f"{uscc}#{level}"])
        for name in markers:
            deltas[counters.city_key(campaign, after["city"])]["ent" if name == uscc else f"ent#{level}"] += 1
    items = counters.update_items(records, deltas)
    return items + (counters.marker_items(records, after["campaign"], markers) if markers else [])


def certificate_move(
    records: RecordStore, campaign: str, city: str, level: str, source: str, target: str, count: int
) -> list[dict[str, Any]]:
    """Counter updates for `count` certificates moving from one state to another (issue, revoke)."""
    deltas = counters.new_deltas()
    where = deltas[counters.city_key(campaign, city)]
    where[f"cert#{level}#{source}"] -= count
    where[f"cert#{level}#{target}"] += count
    return counters.update_items(records, deltas)


def occupation_counts(codes: Iterable[str]) -> dict[str, int]:
    return dict(Counter(codes))


# ---- the answer ------------------------------------------------------------------------------------------


def _block(raw: dict[str, Any], level: str | None) -> dict[str, Any]:
    """The counts of one city, for one level or (None) all levels."""
    levels = [level] if level else [*LEVELS, "-"]

    def total(name: str) -> int:
        return sum(int(raw.get(name.format(level=lv), 0)) for lv in levels)

    return {
        "enterprises": int(raw.get(f"ent#{level}" if level else "ent", 0)),
        "filings": total("filing#{level}#n") if level is None else 0,
        "plans": total("plan#{level}#n"),
        "reports": total("report#{level}#n"),
        "candidates": total("cand#{level}"),
        "certificates": {state: total("cert#{level}#" + state) for state in CERTIFICATE_STATES},
        "statuses": {
            kind: {
                name.rsplit("#", 1)[1]: int(n)
                for name, n in sorted(raw.items())
                if name.startswith(f"st#{kind}#") and name.split("#")[2] in levels and int(n)
            }
            for kind in STATUS_KINDS
        },
    }


def answer(
    records: RecordStore,
    campaign: str,
    cities: list[tuple[str, str]],
    phases: list[tuple[int, date]],
    today: date,
    occupation_name: Any,
) -> dict[str, Any]:
    """`GET /api/stats`: `cities` are (code, name) in the province's order — the caller's scope."""
    scope = {code for code, _ in cities}
    items, desk_items = counters.read(records, campaign, sorted(scope))
    by_key: dict[str, dict[str, Any]] = {}
    occupations: Counter[str] = Counter()
    for item in items:
        counts = {k: v for k, v in item.items() if k not in ("pk", "sk")}
        if item["sk"].startswith("CITY#"):
            by_key.setdefault(item["sk"][5:], {}).update(counts)
        elif item["sk"].startswith("OCC#"):
            occupations.update({k: int(v) for k, v in counts.items()})
    by_city = []
    for code, name in cities:
        raw = by_key.get(code, {})
        by_city.append(
            {"city": code, "name": name, **_block(raw, None), "by_level": {lv: _block(raw, lv) for lv in LEVELS}}
        )
    desks = []
    for item in desk_items:
        desk = item["sk"]
        if desk == "PROVINCE" and len(scope) == 1:
            continue  # a city reviewer sees its own desk only
        ages = {(today - date.fromisoformat(day)).days: int(n) for day, n in item.items() if day[:1].isdigit()}
        waiting = sum(n for n in ages.values() if n > 0)
        desks.append(
            {
                "desk": desk,
                "name": "省" if desk == "PROVINCE" else dict(cities).get(desk[5:], desk),
                "waiting": waiting,
                "median_days": percentile_days(ages, 0.5),
                "p90_days": percentile_days(ages, 0.9),
            }
        )
    top = sorted(
        ((code, n) for code, n in occupations.items() if n > 0),
        key=lambda pair: (-pair[1], pair[0]),
    )[:TOP_OCCUPATIONS]
    return {
        "campaign": campaign,
        "as_of": today.isoformat(),
        "by_city": by_city,
        "desks": sorted(desks, key=lambda d: (d["desk"] != "PROVINCE", d["desk"])),
        "phases": [
            {"phase": number, "deadline": end.isoformat(), "days_left": (end - today).days} for number, end in phases
        ],
        "top_occupations": [{"code": code, "name": occupation_name(code), "candidates": n} for code, n in top],
    }


def backfill(records: RecordStore, heads: Iterable[dict[str, Any]]) -> None:
    """Add what `heads` contribute to the counters (a table whose records predate them); not for requests."""
    deltas, seen = recount(heads)
    for item in counters.update_items(records, deltas):
        records.ddb.update_item(**item["Update"])
    markers = [
        to_item(dict(zip(("pk", "sk"), counters.marker_key(campaign, name), strict=True))) for campaign, name in seen
    ]
    for start in range(0, len(markers), 25):
        batch = [{"PutRequest": {"Item": item}} for item in markers[start : start + 25]]
        records.ddb.batch_write_item(RequestItems={records.table: batch})


def recount(heads: Iterable[dict[str, Any]]) -> tuple[counters.Deltas, set[tuple[str, str]]]:
    """The counters that a set of record heads adds up to, and the (campaign, enterprise) markers they set."""
    deltas = counters.new_deltas()
    seen: set[tuple[str, str]] = set()
    for head in heads:
        for key, changes in contribution(head).items():
            for name, n in changes.items():
                deltas[key][name] += n
        if head["kind"] == "plan":
            for name in (head["owner"], f"{head['owner']}#{head['level']}"):
                if (head["campaign"], name) not in seen:
                    seen.add((head["campaign"], name))
                    where = deltas[counters.city_key(head["campaign"], head["city"])]
                    where["ent" if name == head["owner"] else f"ent#{head['level']}"] += 1
    return deltas, seen

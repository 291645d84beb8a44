"""Statistics counters, written in the same transaction as the change they count (never a scan on request).

| item | pk | sk | attributes |
|---|---|---|---|
| a campaign's counts in a city | `STATS#<campaign>` | `CITY#<city>` | `<name>` → number (`cand#T`, `cert#S#issued`) |
| candidates by occupation in a city | `STATS#<campaign>` | `OCC#<city>` | `<occupation code>` → candidates |
| an enterprise seen in a campaign | `STATS#<campaign>#ENT` | `<uscc>` · `<uscc>#<level>` | marker: counts it once |
| records waiting at a desk | `WAIT` | `<desk>` | `<day it arrived>` → number still waiting |

Filings carry no campaign: their counts live under the campaign key `FILINGS`.
A campaign's counts are one Query of `STATS#<campaign>` (42 items), the desks one Query of `WAIT` (22 items),
whatever the number of records.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore

FILINGS = "FILINGS"

# (pk, sk) → {attribute: delta}
Deltas = dict[tuple[str, str], dict[str, int]]


def new_deltas() -> Deltas:
    return defaultdict(lambda: defaultdict(int))


def city_key(campaign: str, city: str) -> tuple[str, str]:
    return f"STATS#{campaign}", f"CITY#{city}"


def occupation_key(campaign: str, city: str) -> tuple[str, str]:
    return f"STATS#{campaign}", f"OCC#{city}"


def wait_key(desk: str) -> tuple[str, str]:
    return "WAIT", desk


def marker_key(campaign: str, name: str) -> tuple[str, str]:
    return f"STATS#{campaign}#ENT", name


def update_items(records: RecordStore, deltas: Deltas) -> list[dict[str, Any]]:
    """One transaction item per counter item: ADD each non-zero delta (an item is created on first use)."""
    items = []
    for (pk, sk), changes in sorted(deltas.items()):
        moved = {name: n for name, n in sorted(changes.items()) if n}
        if not moved:
            continue
        names = {f"#a{i}": name for i, name in enumerate(moved)}
        values = {f":a{i}": value(n) for i, n in enumerate(moved.values())}
        items.append(
            {
                "Update": {
                    "TableName": records.table,
                    "Key": to_item({"pk": pk, "sk": sk}),
                    "UpdateExpression": "ADD " + ", ".join(f"#a{i} :a{i}" for i in range(len(moved))),
                    "ExpressionAttributeNames": names,
                    "ExpressionAttributeValues": values,
                }
            }
        )
    return items


def marker_items(records: RecordStore, campaign: str, names: list[str]) -> list[dict[str, Any]]:
    """Puts of "seen" markers, each failing the transaction if another request put it first."""
    return [
        {
            "Put": {
                "TableName": records.table,
                "Item": to_item({"pk": pk, "sk": sk}),
                "ConditionExpression": "attribute_not_exists(pk)",
            }
        }
        for pk, sk in (marker_key(campaign, name) for name in names)
    ]


def unseen(records: RecordStore, campaign: str, names: list[str]) -> list[str]:
    return [name for name in names if records.get(*marker_key(campaign, name)) is None]


def campaign_counts(records: RecordStore, campaign: str) -> list[dict[str, Any]]:
    """Every counter item of a campaign (its cities and occupations)."""
    return _all(records, f"STATS#{campaign}")


def waiting(records: RecordStore) -> list[dict[str, Any]]:
    return _all(records, "WAIT")


def _all(records: RecordStore, pk: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        page, cursor = records.query(pk, limit=100, cursor=cursor, newest_first=False)
        items += page
        if not cursor:
            return items

"""Statistics counters, written in the same transaction as the change they count (never a scan on request).

| item | pk | sk | attributes |
|---|---|---|---|
| a campaign's counts in a city | `STATS#<campaign>` | `CITY#<city>` | `<name>` → number (`cand#T`, `cert#S#issued`) |
| candidates by occupation in a city | `STATS#<campaign>` | `OCC#<city>` | `<occupation code>` → candidates |
| an enterprise seen in a campaign | `STATS#<campaign>#ENT` | `<uscc>` · `<uscc>#<level>` | marker: counts it once |
| records waiting at a desk | `WAIT` | `<desk>` | `<day it arrived>` → number still waiting |

Filings carry no campaign: their counts live under the campaign key `FILINGS`.
The answer knows every key it needs (the cities in scope, their desks and the province's), so it reads them
in one BatchGetItem (at most 85 keys for the whole province), whatever the number of records.
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


def read(records: RecordStore, campaign: str, cities: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The counter items of `cities` in a campaign (with the filings' counts), and the waiting items of their
    desks and the province's: (counts, waiting)."""
    keys = [city_key(c, city) for c in (campaign, FILINGS) for city in cities]
    keys += [occupation_key(campaign, city) for city in cities]
    keys += [wait_key(desk) for desk in ["PROVINCE", *(f"CITY#{city}" for city in cities)]]
    items = list(records.batch_get([{"pk": pk, "sk": sk} for pk, sk in keys]))
    return [i for i in items if i["pk"] != "WAIT"], [i for i in items if i["pk"] == "WAIT"]

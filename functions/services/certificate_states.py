"""A certificate's status moves `allocated` → `issued` (national confirmation) and `allocated`/`issued` →
`revoked` (a fraud finding), never back. Each move is written with the statistics counters it changes
(`stats.certificate_move`) in one DynamoDB transaction, so `/api/stats` always equals a recount of the items.

A report's certificates move a chunk at a time (at most `CHUNK` items and their counter updates per
transaction, under DynamoDB's 100). Each item's update is conditional on the status it was read with: if
another request moved one meanwhile (a revocation during a confirmation), the transaction is refused, the
chunk is read again and only what still may move is moved.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore
from functions.errors import Conflict, ServiceUnavailable
from functions.services import stats

CHUNK = 90
ATTEMPTS = 4
SOURCES: dict[str, tuple[str, ...]] = {"issued": ("allocated",), "revoked": ("allocated", "issued")}


def move(
    records: RecordStore, header: dict[str, Any], items: list[dict[str, Any]], target: str, fields: dict[str, Any]
) -> list[dict[str, Any]]:
    """Move those of `items` (certificate items of the report of `header`) that may move to `target`, setting
    `fields` too; answers the items moved, as they were before."""
    moved: list[dict[str, Any]] = []
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        for _ in range(ATTEMPTS):
            chunk = [c for c in chunk if c.get("status") in SOURCES[target]]
            if not chunk:
                break
            try:
                records._transact(_transaction(records, header, chunk, target, fields))
            except Conflict:  # one of them moved meanwhile: read the chunk again
                chunk = [found for c in chunk if (found := records.get(c["pk"], c["sk"])) is not None]
                continue
            moved += chunk
            break
        else:
            raise ServiceUnavailable()
    return moved


def _transaction(
    records: RecordStore, header: dict[str, Any], chunk: list[dict[str, Any]], target: str, fields: dict[str, Any]
) -> list[dict[str, Any]]:
    sets = {"#st": ("status", target)} | {f"#f{i}": (name, v) for i, (name, v) in enumerate(fields.items())}
    items: list[dict[str, Any]] = [
        {
            "Update": {
                "TableName": records.table,
                "Key": to_item({"pk": c["pk"], "sk": c["sk"]}),
                "UpdateExpression": "SET " + ", ".join(f"{alias} = :{alias[1:]}" for alias in sets),
                "ConditionExpression": "#st = :source",
                "ExpressionAttributeNames": {alias: name for alias, (name, _) in sets.items()},
                "ExpressionAttributeValues": {f":{alias[1:]}": value(v) for alias, (_, v) in sets.items()}
                | {":source": value(c["status"])},
            }
        }
        for c in chunk
    ]
    for source, count in sorted(Counter(str(c["status"]) for c in chunk).items()):
        items += stats.certificate_move(
            records, header["campaign"], header["city"], header["level"], source, target, count
        )
    return items

"""Public lists read page by page with eventually consistent reads (half the cost; a list published a
second ago may show on the next read), in key order, filtered without yielding short pages."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from functions.dal.items import value
from functions.dal.records import RecordStore
from functions.errors import ServiceUnavailable


def page(
    records: RecordStore,
    pk: str,
    prefix: str,
    cursor: str | None,
    limit: int,
    filters: dict[str, str] | None = None,
    newest_first: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    items: list[dict[str, Any]] = []
    while True:  # a filter may leave a page short: read on until it is full or the list ends
        found, cursor = records.query(
            pk, prefix, limit - len(items), cursor, newest_first, filters=filters, consistent=False
        )
        items += found
        if len(items) >= limit or not cursor:
            return items, cursor


def delete_many(records: RecordStore, keys: list[tuple[str, str]]) -> None:
    """Delete list entries by (pk, sk), 25 to a BatchWriteItem, retrying what it leaves unprocessed."""
    for start in range(0, len(keys), 25):
        request: dict[str, Any] = {
            records.table: [
                {"DeleteRequest": {"Key": {"pk": value(pk), "sk": value(sk)}}} for pk, sk in keys[start : start + 25]
            ]
        }
        for _ in range(8):
            try:
                request = records.ddb.batch_write_item(RequestItems=request).get("UnprocessedItems") or {}
            except ClientError as exc:
                raise ServiceUnavailable() from exc
            if not request:
                break
        if request:
            raise ServiceUnavailable()

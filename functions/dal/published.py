"""Public lists read page by page with eventually consistent reads (half the cost; a list published a
second ago may show on the next read), in key order, filtered without yielding short pages."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from functions.dal.items import from_item, value
from functions.dal.records import RecordStore, decode_cursor, encode_cursor
from functions.errors import BadRequest, ServiceUnavailable


def page(
    records: RecordStore,
    pk: str,
    prefix: str,
    cursor: str | None,
    limit: int,
    filters: dict[str, str] | None = None,
    newest_first: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    names = {"#pk": "pk"}
    values: dict[str, Any] = {":pk": value(pk)}
    condition = "#pk = :pk"
    if prefix:
        names["#sk"] = "sk"
        values[":prefix"] = value(prefix)
        condition += " AND begins_with(#sk, :prefix)"
    request: dict[str, Any] = {
        "TableName": records.table,
        "KeyConditionExpression": condition,
        "ExpressionAttributeNames": names,
        "ExpressionAttributeValues": values,
        "ScanIndexForward": not newest_first,
        "ConsistentRead": False,
    }
    for i, (attr, wanted) in enumerate((filters or {}).items()):
        names[f"#f{i}"] = attr
        values[f":f{i}"] = value(wanted)
    if filters:
        request["FilterExpression"] = " AND ".join(f"#f{i} = :f{i}" for i in range(len(filters)))
    start = decode_cursor(cursor)
    if start is not None and (set(start) != {"pk", "sk"} or start["pk"]["S"] != pk):
        raise BadRequest("分页参数 next 无效，请从第一页重新获取")
    items: list[dict[str, Any]] = []
    while True:
        if start:
            request["ExclusiveStartKey"] = start
        request["Limit"] = limit - len(items)
        try:
            answer = records.ddb.query(**request)
        except ClientError as exc:
            raise ServiceUnavailable() from exc
        items += [from_item(i) for i in answer.get("Items", [])]
        start = answer.get("LastEvaluatedKey")
        if len(items) >= limit or not start:
            return items, encode_cursor(start)


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

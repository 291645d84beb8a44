"""One person, one approval (DOMAIN.md "Review"): a keyed claim per campaign, level and person.

| item | pk | sk |
|---|---|---|
| approval claim | `APPROVAL#<campaign>#<level>#<shard>` | `<ID number's SHA-256, 32 hex>`: `report_id`, `index`, `at` |

The ID number itself is never part of a key; the shard is the digest's first hex digit, so a campaign and
level have 16 partition keys however many people are checked or claimed (`functions.dal.shards`; before
issue 13 a claim was `APPROVAL#<campaign>#<level>#<digest>` / `PERSON`, and local `.data/` journals of that
layout are not migrated: `make reset`).

A claim counts only while the report holding it is approved, so a claim left by a decision that failed is
harmless: it is taken over once its report is no longer awaiting a decision, or once it is older than any
decision can run.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from botocore.exceptions import ClientError

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore
from functions.dal.shards import digest, sharded
from functions.errors import Conflict, ServiceUnavailable

TRANSACTION_ITEMS = 100  # DynamoDB's limit per TransactWriteItems
ClaimKey = tuple[str, str]  # (pk, sk)


def person_key(campaign: str, level: str, id_number: str) -> ClaimKey:
    return sharded(f"APPROVAL#{campaign}#{level}", digest(id_number))


class PeopleStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    def claims(self, keys: list[ClaimKey]) -> dict[ClaimKey, dict[str, Any]]:
        """The claims that exist among `keys`, by key (BatchGetItem, 100 keys a call)."""
        wanted = [{"pk": pk, "sk": sk} for pk, sk in dict.fromkeys(keys)]
        return {(claim["pk"], claim["sk"]): claim for claim in self.records.batch_get(wanted, consistent=True)}

    def write(self, report_id: str, claims: Iterable[tuple[dict[str, Any], dict[str, Any] | None]]) -> list[ClaimKey]:
        """Write claims (items with `pk` and `sk`), each conditional: on nobody holding it yet or this same
        report holding it, or (a takeover, when `expected` is given) on the stale holder still holding it. All
        or nothing per chunk of 100; Conflict when another decision got there first. Answers the keys written."""
        written: list[ClaimKey] = []
        chunk: list[dict[str, Any]] = []
        keys: list[ClaimKey] = []
        try:
            for item, expected in claims:
                chunk.append(self._put(item, expected))
                keys.append((item["pk"], item["sk"]))
                if len(chunk) == TRANSACTION_ITEMS:
                    self._transact(chunk)
                    written += keys
                    chunk, keys = [], []
            if chunk:
                self._transact(chunk)
                written += keys
        except Conflict:
            self.release(written, report_id)
            raise
        return written

    def release(self, keys: list[ClaimKey], report_id: str) -> None:
        """Delete this report's claims again (a decision that did not go through); others' are left alone."""
        for pk, sk in keys:
            try:
                self.records.ddb.delete_item(
                    TableName=self.records.table,
                    Key=to_item({"pk": pk, "sk": sk}),
                    ConditionExpression="report_id = :me",
                    ExpressionAttributeValues={":me": value(report_id)},
                )
            except ClientError as exc:
                if exc.response["Error"]["Code"] != "ConditionalCheckFailedException":
                    raise ServiceUnavailable() from exc

    def _put(self, item: dict[str, Any], expected: dict[str, Any] | None) -> dict[str, Any]:
        put: dict[str, Any] = {"TableName": self.records.table, "Item": to_item(item)}
        if expected is None:
            put["ConditionExpression"] = "attribute_not_exists(pk) OR report_id = :me"
            put["ExpressionAttributeValues"] = {":me": value(item["report_id"])}
        else:
            put["ConditionExpression"] = "report_id = :holder AND #at = :at"
            put["ExpressionAttributeNames"] = {"#at": "at"}
            put["ExpressionAttributeValues"] = {":holder": value(expected["report_id"]), ":at": value(expected["at"])}
        return {"Put": put}

    def _transact(self, items: list[dict[str, Any]]) -> None:
        try:
            self.records.ddb.transact_write_items(TransactItems=items)
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("TransactionCanceledException", "ConditionalCheckFailedException"):
                raise Conflict("同一人员正在另一份报备中审批，请稍后刷新重试") from exc
            raise ServiceUnavailable() from exc

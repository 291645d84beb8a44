"""One person, one approval (DOMAIN.md "Review"): a keyed claim per campaign, level and person.

| item | pk | sk |
|---|---|---|
| approval claim | `APPROVAL#<campaign>#<level>#<shard>` | `<ID number's SHA-256, 32 hex>`: `report_id`, `index`, `at` |

The ID number itself is never part of a key; the shard is the digest's first hex digit, so a campaign and
level have 16 partition keys however many people are checked or claimed (`functions.dal.shards`; before
issue 13 a claim was `APPROVAL#<campaign>#<level>#<digest>` / `PERSON`, and local `.data/` journals of that
layout are not migrated: `make reset`).

Each claim is its own conditional PutItem, ten at a time (botocore's connection pool): a claim needs no other
item to be written with it, and a decision that loses any claim gives back those it wrote. Against chunks of
100 in TransactWriteItems this halves the write units (a transactional write costs two), keeps the latency of
a 2,000-person approval under a second, and on moto (tests, the local server), which copies the whole table
once per item of a transaction, turns the 2,000-person approval from quadratic into linear.

A claim counts only while the report holding it is approved, so a claim left by a decision that failed is
harmless: it is taken over once its report is no longer awaiting a decision, or once it is older than any
decision can run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal

from botocore.exceptions import BotoCoreError, ClientError

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore
from functions.dal.shards import digest, sharded
from functions.errors import Conflict, ServiceUnavailable

WRITERS = 10  # claims written (or given back) at a time: botocore's default connection pool
ClaimKey = tuple[str, str]  # (pk, sk)
Outcome = Literal["done", "refused", "failed"]  # refused: its condition did not hold


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
        report holding it, or (a takeover, when `expected` is given) on the stale holder still holding it.
        Conflict when another decision got any of them first, ServiceUnavailable when the store failed; either
        way the claims written are given back first. Answers the keys written."""
        wanted = list(claims)
        outcomes = self._each(lambda claim: self._claim(*claim), wanted)
        written = [
            (item["pk"], item["sk"]) for (item, _), outcome in zip(wanted, outcomes, strict=True) if outcome == "done"
        ]
        if len(written) < len(wanted):
            self.release(written, report_id)
            if "refused" in outcomes:
                raise Conflict("同一人员正在另一份报备中审批，请稍后刷新重试")
            raise ServiceUnavailable()
        return written

    def release(self, keys: list[ClaimKey], report_id: str) -> None:
        """Delete this report's claims again (a decision that did not go through); others' are left alone."""
        if "failed" in self._each(lambda key: self._give_back(key, report_id), keys):
            raise ServiceUnavailable()

    def _claim(self, item: dict[str, Any], expected: dict[str, Any] | None) -> Outcome:
        try:
            self.records.ddb.put_item(**self._put(item, expected))
        except ClientError as exc:
            return "refused" if exc.response["Error"]["Code"] == "ConditionalCheckFailedException" else "failed"
        except BotoCoreError:
            return "failed"
        return "done"

    def _give_back(self, key: ClaimKey, report_id: str) -> Outcome:
        try:
            self.records.ddb.delete_item(
                TableName=self.records.table,
                Key=to_item({"pk": key[0], "sk": key[1]}),
                ConditionExpression="report_id = :me",
                ExpressionAttributeValues={":me": value(report_id)},
            )
        except ClientError as exc:
            return "refused" if exc.response["Error"]["Code"] == "ConditionalCheckFailedException" else "failed"
        except BotoCoreError:
            return "failed"
        return "done"

    @staticmethod
    def _each(call: Callable[[Any], Outcome], args: list[Any]) -> list[Outcome]:
        """`call` on each of `args`, WRITERS at a time (one call alone in this thread), outcomes in order."""
        if len(args) <= 1:
            return [call(a) for a in args]
        with ThreadPoolExecutor(min(WRITERS, len(args))) as pool:
            return list(pool.map(call, args))

    def _put(self, item: dict[str, Any], expected: dict[str, Any] | None) -> dict[str, Any]:
        put: dict[str, Any] = {"TableName": self.records.table, "Item": to_item(item)}
        if expected is None:
            put["ConditionExpression"] = "attribute_not_exists(pk) OR report_id = :me"
            put["ExpressionAttributeValues"] = {":me": value(item["report_id"])}
        else:
            put["ConditionExpression"] = "report_id = :holder AND #at = :at"
            put["ExpressionAttributeNames"] = {"#at": "at"}
            put["ExpressionAttributeValues"] = {":holder": value(expected["report_id"]), ":at": value(expected["at"])}
        return put

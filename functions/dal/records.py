"""Filings, plans and reports in the single DynamoDB table.

Keys and access patterns (string keys `pk`/`sk`; GSIs `gsi1`, `gsi2`):

- record head: `REC#<id>` / `HEAD`; gsi1 `OWNER#<uscc>#<kind>` / `<created>#<id>` (an enterprise's list, newest
  first); gsi2, only while it awaits a desk, `QUEUE#<desk>#<kind>` / `<submitted>#<id>` (the desk's queue);
- version: `REC#<id>` / `V#<000001>`: every submitted version, body gzip'd, never overwritten;
- log: `REC#<id>` / `LOG#<at>#<rand>`: the append-only audit and decision history;
- route pointer: `ROUTE#<desk>#<kind>` / `<created>#<id>`: everything routed to a desk (`CITY#440100`,
  `PROVINCE`), and `ROUTE#IN#<city>#<kind>`: everything of a city (exports), newest first.

Every change is one transaction whose head update is conditional on the version and status that were read,
so two reviewers never both decide and a stale resubmission fails.

Scale notes (issue 13), at 100,000 records over 21 cities (assume Guangzhou + Shenzhen hold ~40 %), on demand:
- head, version, counters: GetItem, O(1). A 2,000-candidate body gzips to ~100 KB: 25 RCU strongly consistent.
- an enterprise's list (gsi1) and a desk's queue (gsi2): Query of one key, one page (20–100) per request: the
  cost is the page, not the table. A desk queue holds only what awaits it (hundreds), never the history.
- `ROUTE#<desk>#<kind>`: Query, paged with `next`. `ROUTE#PROVINCE#report` gets every S report (~10,000): still
  a page per call, but every province reviewer opens the same oldest records first, so they collide on the
  same decisions (409, by design) rather than on capacity. At 10× split that queue by city in the key, or let
  a reviewer claim a record before reading it.
- `ROUTE#IN#<city>#<kind>` (exports): a city's whole history, ~20,000 pointers for Guangzhou: 200 Query pages
  of 100, heads by BatchGetItem, bodies 25 at a time by BatchGetItem (`bodies`), campaign/level/phase
  filtered on the heads. Anything over 20,000 rows runs as a job (services/export_jobs.py), not in the API's
  29 s. At 10× key the pointers by campaign too (`ROUTE#IN#<city>#<kind>#<campaign>`) so one campaign's
  export stops reading every earlier campaign's heads.
- `REC#<id>` / `LOG#…`: Query of one record's partition, paged (`partition` follows `next` to the end; the
  audit view pages). `AUDIT#exports` and the other audit partitions grow without bound: one partition, fine
  for reads by page, but at 10× give them a month in the key (`AUDIT#exports#2024-06`).
- hot keys: `COUNTER`/`SITE` is written by every filing approval (a few thousand a year) and
  `COUNTER`/`CERT#<site>#<yy>#<level>` by every final approval of that institution: both are conditional
  claims retried on conflict (NUMBERING_RETRIES), far below one partition's 1,000 writes/s even at 10×;
  what grows is the retry rate when many reviewers approve in the same second, not the cost.
- per-party lookups (dal/parties.py, dal/shards.py): a submission reads each party's item
  (`PARTY#<shard>` / `<digest>`), which holds both its debarment in force and, per campaign and level, its
  approval claim: BatchGetItem by full key, 2,001 keys at most, whatever the length of the debarment list
  (`DEBARMENTS`, gsi1, is only read a page at a time by staff). 16 partition keys: a 2,000-candidate
  submission puts ~125 RCU on each, an approval ~125 WCU (conditional updates of one attribute); misses add
  nothing (a miss still costs its RCU). At 10× widen the shard to two hex digits.
- `PUBLIC#S`: one partition read whole per request, hence CloudFront's public cache (template
  `PublicAnswerSeconds`) in front of it; `STATS#<campaign>`: 42 items per Query (dal/stats.py).
- nothing here is a Scan. At 10× (1,000,000 records) the Query patterns cost the same per request; the
  whole-partition reads (exports, published list, audit partitions) grow tenfold and are the ones to key finer.
"""

from __future__ import annotations

import base64
import json
import random
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from botocore.exceptions import ClientError

from functions.dal.aws import client, settings
from functions.dal.items import from_item, pack, to_item, unpack, value
from functions.errors import BadRequest, Conflict, ServiceUnavailable

HEAD = "HEAD"
TRANSACTION_ATTEMPTS = 5


def rec_pk(record_id: str) -> str:
    return f"REC#{record_id}"


def version_sk(version: int) -> str:
    return f"V#{version:06d}"


def encode_cursor(key: dict[str, Any] | None) -> str | None:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode() if key else None


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, UnicodeError) as exc:
        raise BadRequest("分页参数 next 无效，请从第一页重新获取") from exc
    # Only string keys ever come back from DynamoDB: anything else was not made by encode_cursor.
    if not isinstance(key, dict) or not all(_string_attribute(v) for v in key.values()):
        raise BadRequest("分页参数 next 无效，请从第一页重新获取")
    return key


def _string_attribute(attribute: Any) -> bool:
    return isinstance(attribute, dict) and list(attribute) == ["S"] and isinstance(attribute["S"], str)


@dataclass
class Change:
    """One conditional update of a record head, plus the items written with it."""

    record_id: str
    expect_version: int
    expect_statuses: Iterable[str]
    expect_stage: str | None = None
    set: dict[str, Any] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    puts: list[dict[str, Any]] = field(default_factory=list)
    extra: list[dict[str, Any]] = field(default_factory=list)  # raw transaction items (e.g. counter claims)


class RecordStore:
    def __init__(self, ddb: Any = None, table: str | None = None) -> None:
        self.ddb = ddb or client("dynamodb")
        self.table = table or settings().table

    # ---- writes ---------------------------------------------------------------------------------------

    def create(
        self,
        head: dict[str, Any],
        body: dict[str, Any] | str,
        log: dict[str, Any],
        desks: list[str],
        extra: list[dict[str, Any]] | None = None,
    ) -> None:
        record_id, created = head["id"], head["created_at"]
        items: list[dict[str, Any]] = [
            {"Put": self._put({**head, "pk": rec_pk(record_id), "sk": HEAD}, "attribute_not_exists(pk)")},
            {"Put": self._put(self._version_item(record_id, 1, body, head))},
            {"Put": self._put({**log, "pk": rec_pk(record_id)})},
        ]
        items += [
            {"Put": self._put({"pk": f"ROUTE#{desk}#{head['kind']}", "sk": f"{created}#{record_id}", "id": record_id})}
            for desk in desks
        ]
        self._transact(items + (extra or []))

    def apply(self, change: Change, body: dict[str, Any] | None = None, new_version: int | None = None) -> None:
        names = {"#v": "version", "#st": "status"}
        values: dict[str, Any] = {":v": value(change.expect_version)}
        statuses = list(change.expect_statuses)
        status_keys = []
        for i, status in enumerate(statuses):
            values[f":s{i}"] = value(status)
            status_keys.append(f":s{i}")
        condition = f"#v = :v AND #st IN ({', '.join(status_keys)})"
        if change.expect_stage is not None:
            names["#stage"] = "stage"
            values[":stage"] = value(change.expect_stage)
            condition += " AND #stage = :stage"
        sets = []
        for i, (key, val) in enumerate(change.set.items()):
            names[f"#u{i}"] = key
            values[f":u{i}"] = value(val)
            sets.append(f"#u{i} = :u{i}")
        expression = "SET " + ", ".join(sets)
        if change.remove:
            for i, key in enumerate(change.remove):
                names[f"#r{i}"] = key
            expression += " REMOVE " + ", ".join(f"#r{i}" for i in range(len(change.remove)))
        items: list[dict[str, Any]] = [
            {
                "Update": {
                    "TableName": self.table,
                    "Key": to_item({"pk": rec_pk(change.record_id), "sk": HEAD}),
                    "UpdateExpression": expression,
                    "ConditionExpression": condition,
                    "ExpressionAttributeNames": names,
                    "ExpressionAttributeValues": values,
                }
            }
        ]
        if body is not None and new_version is not None:
            items.append({"Put": self._put(self._version_item(change.record_id, new_version, body, change.set))})
        items += [{"Put": self._put(item)} for item in change.puts]
        items += change.extra
        self._transact(items)

    def put(self, item: dict[str, Any], condition: str | None = None) -> None:
        try:
            self.ddb.put_item(**self._put(item, condition))
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "ConditionalCheckFailedException":
                raise Conflict("该记录已存在") from exc
            raise ServiceUnavailable() from exc

    def batch_put(self, items: list[dict[str, Any]]) -> None:
        """Unconditional puts, 25 to a BatchWriteItem (DynamoDB's limit), retrying what it leaves unprocessed.
        Only for items derivable from what is already stored, so writing one twice changes nothing."""
        for start in range(0, len(items), 25):
            request: dict[str, Any] = {
                self.table: [{"PutRequest": {"Item": to_item(i)}} for i in items[start : start + 25]]
            }
            for attempt in range(8):
                try:
                    answer = self.ddb.batch_write_item(RequestItems=request)
                except ClientError as exc:
                    raise ServiceUnavailable() from exc
                request = answer.get("UnprocessedItems") or {}
                if not request:
                    break
                time.sleep(0.05 * 2**attempt)
            if request:
                raise ServiceUnavailable()

    def delete(self, pk: str, sk: str) -> None:
        try:
            self.ddb.delete_item(TableName=self.table, Key=to_item({"pk": pk, "sk": sk}))
        except ClientError as exc:
            raise ServiceUnavailable() from exc

    def set_fields(self, pk: str, sk: str, fields: dict[str, Any]) -> None:
        """SET some attributes of an existing item (a job's status and progress)."""
        names = {f"#f{i}": key for i, key in enumerate(fields)}
        values = {f":f{i}": value(val) for i, val in enumerate(fields.values())}
        try:
            self.ddb.update_item(
                TableName=self.table,
                Key=to_item({"pk": pk, "sk": sk}),
                UpdateExpression="SET " + ", ".join(f"#f{i} = :f{i}" for i in range(len(fields))),
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
            )
        except ClientError as exc:
            raise ServiceUnavailable() from exc

    # ---- reads ----------------------------------------------------------------------------------------

    def head(self, record_id: str) -> dict[str, Any] | None:
        return self.get(rec_pk(record_id), HEAD)

    def get(self, pk: str, sk: str) -> dict[str, Any] | None:
        try:
            answer = self.ddb.get_item(TableName=self.table, Key=to_item({"pk": pk, "sk": sk}), ConsistentRead=True)
        except ClientError as exc:
            raise ServiceUnavailable() from exc
        item = answer.get("Item")
        return from_item(item) if item else None

    def heads(self, record_ids: list[str]) -> list[dict[str, Any]]:
        found = {head["id"]: head for head in self.batch_get([{"pk": rec_pk(i), "sk": HEAD} for i in record_ids])}
        return [found[i] for i in record_ids if i in found]

    def bodies(self, versions: list[tuple[str, int]]) -> dict[str, dict[str, Any]]:
        """Several records' bodies at the given versions in BatchGetItem calls (exports): record id -> body."""
        keys = [{"pk": rec_pk(record_id), "sk": version_sk(version)} for record_id, version in versions]
        return {item["pk"].removeprefix("REC#"): unpack(item["body"]) for item in self.batch_get(keys)}

    def batch_get(self, keys: list[dict[str, str]], consistent: bool = False) -> Iterator[dict[str, Any]]:
        """Items by key, 100 per BatchGetItem, following UnprocessedKeys (answers are at most 16 MB)."""
        for start in range(0, len(keys), 100):
            # Keys are text by the table's definition: written out directly (≈ 2 µs a key less than to_item).
            chunk = [{"pk": {"S": k["pk"]}, "sk": {"S": k["sk"]}} for k in keys[start : start + 100]]
            request: dict[str, Any] = {self.table: {"Keys": chunk, "ConsistentRead": consistent}}
            while request:
                try:
                    answer = self.ddb.batch_get_item(RequestItems=request)
                except ClientError as exc:
                    raise ServiceUnavailable() from exc
                for item in answer["Responses"].get(self.table, []):
                    yield from_item(item)
                request = answer.get("UnprocessedKeys") or {}

    def body(self, record_id: str, version: int) -> dict[str, Any]:
        item = self.get(rec_pk(record_id), version_sk(version))
        return unpack(item["body"]) if item else {}

    def every(
        self, pk: str, prefix: str = "", newest_first: bool = False, consistent: bool = True, page: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every item of a partition under `prefix`, one Query page at a time to the end (no truncation)."""
        cursor = None
        while True:
            items, cursor = self.query(
                pk, prefix, limit=page, cursor=cursor, newest_first=newest_first, consistent=consistent
            )
            yield from items
            if not cursor:
                return

    def partition(
        self, pk: str, prefix: str, newest_first: bool = False, consistent: bool = True
    ) -> list[dict[str, Any]]:
        """Every item under `prefix` as a list: never cut off at one page or 1 MB."""
        return list(self.every(pk, prefix, newest_first=newest_first, consistent=consistent))

    def query(
        self,
        pk: str,
        prefix: str = "",
        limit: int = 50,
        cursor: str | None = None,
        newest_first: bool = True,
        index: str | None = None,
        filters: dict[str, Any] | None = None,
        search: list[tuple[str, str, Any]] | None = None,
        consistent: bool = True,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page and the cursor of the next (None at the end); a caller either follows it or hands it on.
        `filters`: attribute = value, all of them; `search`: (op, attribute, value) with op "contains" or "=",
        any one of them. Both apply after DynamoDB's Limit (a FilterExpression)."""
        key_pk, key_sk = ("pk", "sk") if index is None else (f"{index}pk", f"{index}sk")
        names = {"#pk": key_pk}
        values: dict[str, Any] = {":pk": value(pk)}
        condition = "#pk = :pk"
        if prefix:
            names["#sk"] = key_sk
            values[":prefix"] = value(prefix)
            condition += " AND begins_with(#sk, :prefix)"
        request: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": condition,
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
            "ScanIndexForward": not newest_first,
            "Limit": limit,
        }
        parts = []
        for i, (attr, val) in enumerate((filters or {}).items()):
            names[f"#f{i}"] = attr
            values[f":f{i}"] = value(val)
            parts.append(f"#f{i} = :f{i}")
        if search:
            either = []
            for i, (op, attr, val) in enumerate(search):
                names[f"#q{i}"] = attr
                values[f":q{i}"] = value(val)
                either.append(f"contains(#q{i}, :q{i})" if op == "contains" else f"#q{i} = :q{i}")
            parts.append("(" + " OR ".join(either) + ")")
        if parts:
            request["FilterExpression"] = " AND ".join(parts)
        if index:
            request["IndexName"] = index
        else:
            request["ConsistentRead"] = consistent
        start = decode_cursor(cursor)
        if start:
            # A cursor is the last key of this very listing: the table's keys (and the index's), same partition.
            keys = {"pk", "sk", key_pk, key_sk}
            if set(start) != keys or start[key_pk]["S"] != pk:
                raise BadRequest("分页参数 next 无效，请从第一页重新获取")
            request["ExclusiveStartKey"] = start
        try:
            answer = self.ddb.query(**request)
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "ValidationException" and start:
                raise BadRequest("分页参数 next 无效，请从第一页重新获取") from exc
            raise ServiceUnavailable() from exc
        return [from_item(i) for i in answer.get("Items", [])], encode_cursor(answer.get("LastEvaluatedKey"))

    def count(self, pk: str, index: str | None = None) -> int:
        """How many items a partition (of the table or an index) holds, counted by DynamoDB page by page."""
        key = "pk" if index is None else f"{index}pk"
        request: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "#pk = :pk",
            "ExpressionAttributeNames": {"#pk": key},
            "ExpressionAttributeValues": {":pk": value(pk)},
            "Select": "COUNT",
        }
        if index:
            request["IndexName"] = index
        total = 0
        while True:
            try:
                answer = self.ddb.query(**request)
            except ClientError as exc:
                raise ServiceUnavailable() from exc
            total += int(answer.get("Count", 0))
            if not answer.get("LastEvaluatedKey"):
                return total
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    # ---- helpers --------------------------------------------------------------------------------------

    def _version_item(
        self, record_id: str, version: int, body: dict[str, Any] | str, head: dict[str, Any]
    ) -> dict[str, Any]:
        return {
            "pk": rec_pk(record_id),
            "sk": version_sk(version),
            "version": version,
            "body": pack(body),
            "submitted_at": head.get("submitted_at") or head.get("created_at"),
        }

    def _put(self, item: dict[str, Any], condition: str | None = None) -> dict[str, Any]:
        request: dict[str, Any] = {"TableName": self.table, "Item": to_item(item)}
        if condition:
            request["ConditionExpression"] = condition
        return request

    def _transact(self, items: list[dict[str, Any]]) -> None:
        for attempt in range(TRANSACTION_ATTEMPTS):
            try:
                self.ddb.transact_write_items(TransactItems=items)
                return
            except ClientError as exc:
                code = exc.response["Error"]["Code"]
                reasons = [r.get("Code") for r in exc.response.get("CancellationReasons", [])]
                if code in ("TransactionCanceledException", "ConditionalCheckFailedException"):
                    if not reasons or "ConditionalCheckFailed" in reasons:
                        raise Conflict("记录已被他人更新或已有审核结果，请刷新后重试") from exc
                    if "TransactionConflict" in reasons and attempt + 1 < TRANSACTION_ATTEMPTS:
                        # Another transaction held a shared item (a statistics counter): try again shortly.
                        time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
                        continue
                raise ServiceUnavailable() from exc

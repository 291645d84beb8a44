"""The debarment list (§七(四)): one item per finding, every lookup keyed.

| item | pk | sk | index |
|---|---|---|---|
| finding | `DEBAR#<digest>` | `D#<decided_on>#<id>` | gsi1 `DEBARMENTS` / `<decided_on>#<id>` (the list, newest first); gsi2 `DEBARNAME#<name>` / `<decided_on>#<id>` (search by name) |
| what holds now | `PARTY#<shard>` | `<digest>` | — its `debarred` attribute (the latest `until` of the party's findings not lifted; absent when none), beside its approval claims (`functions.dal.parties`) |
| finding by id | `DEBARID#<id>` | `META` | — (where the finding is, for lifting) |

`<digest>`: 32 hex digits of the SHA-256 of the party's ID number or USCC, `<shard>` its first hex digit
(`functions.dal.shards`): no ID number is part of a key, and what holds now lives under 16 partition keys
however many parties are ever checked (most checks find nothing). Checking a submission's parties is a
BatchGetItem of their party items (100 keys a call), and lifting a finding is two GetItems and a
conditional update: the cost never depends on how long the list is. (Before issue 13 these were keyed
`DEBAR#<ID number or USCC>` / `ACTIVE`; local `.data/` journals of that layout are not migrated: `make reset`.)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from botocore.exceptions import ClientError

from functions.dal.items import from_item, to_item, value
from functions.dal.parties import DEBARRED, Parties, PartyStore, party_key
from functions.dal.records import RecordStore
from functions.dal.shards import digest
from functions.errors import Conflict, ServiceUnavailable

INDEX_KEY = "DEBARMENTS"


def party_pk(subject_id: str) -> str:
    """The partition of one party's findings."""
    return f"DEBAR#{digest(subject_id)}"


def name_key(name: str) -> str:
    return f"DEBARNAME#{name.strip()}"


def finding_items(item: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A finding as stored, and the pointer that finds it by id (the bench seeds the same shapes)."""
    key = f"{item['decided_on']}#{item['id']}"
    finding = {
        **item,
        "pk": party_pk(item["subject_id"]),
        "sk": f"D#{key}",
        "gsi1pk": INDEX_KEY,
        "gsi1sk": key,
        "gsi2pk": name_key(item["subject_name"]),
        "gsi2sk": key,
    }
    pointer = {"pk": f"DEBARID#{item['id']}", "sk": "META", "at_pk": finding["pk"], "at_sk": finding["sk"]}
    return finding, pointer


def in_force(latest: dict[str, Any]) -> dict[str, Any]:
    """What holds now for a party (its item's `debarred`), from its latest finding not lifted."""
    keep = ("id", "subject_type", "subject_id", "subject_name", "until", "decided_on", "campaign")
    return {k: latest[k] for k in keep if latest.get(k) is not None}


class DebarmentStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    # ---- writes ---------------------------------------------------------------------------------------

    def add(self, item: dict[str, Any]) -> None:
        finding, pointer = finding_items(item)
        self._transact(
            [
                {"Put": self._put(finding, "attribute_not_exists(pk)")},
                {"Put": self._put(pointer, "attribute_not_exists(pk)")},
            ]
        )
        self.refresh(item["subject_id"])

    def lift(self, debarment_id: str, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Mark a finding lifted (once); None when there is no such finding."""
        pointer = self.records.get(f"DEBARID#{debarment_id}", "META")
        if pointer is None:
            return None
        names = {f"#f{i}": key for i, key in enumerate(fields)}
        values = {f":f{i}": value(v) for i, v in enumerate(fields.values())}
        try:
            answer = self.records.ddb.update_item(
                TableName=self.records.table,
                Key=to_item({"pk": pointer["at_pk"], "sk": pointer["at_sk"]}),
                UpdateExpression="SET " + ", ".join(f"{n} = {v}" for n, v in zip(names, values, strict=True)),
                ConditionExpression="attribute_exists(pk) AND attribute_not_exists(lifted_on)",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
                ReturnValues="ALL_NEW",
            )
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "ConditionalCheckFailedException":
                raise Conflict("该处理已解除") from exc
            raise ServiceUnavailable() from exc
        lifted = from_item(answer["Attributes"])
        self.refresh(lifted["subject_id"])
        return lifted

    def refresh(self, subject_id: str) -> None:
        """Recompute what holds now for one party from its own findings (a handful; keyed). Only the party
        item's `debarred` is written: its approval claims are left as they are."""
        findings = [f for f in self.of(subject_id) if not f.get("lifted_on")]
        pk, sk = party_key(subject_id)
        update: dict[str, Any] = {
            "TableName": self.records.table,
            "Key": to_item({"pk": pk, "sk": sk}),
            "ExpressionAttributeNames": {"#d": DEBARRED},
        }
        if findings:
            latest = in_force(max(findings, key=lambda f: str(f["until"])))
            update |= {"UpdateExpression": "SET #d = :d", "ExpressionAttributeValues": {":d": value(latest)}}
        else:  # nothing holds: drop the attribute, creating no item for a party that has none
            update |= {"UpdateExpression": "REMOVE #d", "ConditionExpression": "attribute_exists(pk)"}
        try:
            self.records.ddb.update_item(**update)
        except ClientError as exc:
            if exc.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise ServiceUnavailable() from exc

    # ---- keyed reads ----------------------------------------------------------------------------------

    def active(self, subject_ids: Iterable[str], parties: Parties | None = None) -> dict[str, dict[str, Any]]:
        """What holds now for each of these parties that has a finding not lifted: from `parties` when the
        caller read them already (a report reads its people once for every check), else by BatchGetItem."""
        wanted = list(dict.fromkeys(s for s in subject_ids if s))
        read = parties if parties is not None else PartyStore(self.records).read(wanted)
        found = {s: read.of(s).get(DEBARRED) for s in wanted}
        return {s: d for s, d in found.items() if d}

    def of(self, subject_id: str) -> list[dict[str, Any]]:
        """Every finding about one party, newest first."""
        return list(self.records.every(party_pk(subject_id), "D#", newest_first=True))

    def named(self, name: str) -> list[dict[str, Any]]:
        return self.records.query(name_key(name), index="gsi2", limit=100, newest_first=True)[0]

    def page(self, cursor: str | None, limit: int) -> tuple[list[dict[str, Any]], str | None]:
        """The whole list, newest first, a page at a time."""
        return self.records.query(INDEX_KEY, index="gsi1", limit=limit, cursor=cursor, newest_first=True)

    # ---- helpers --------------------------------------------------------------------------------------

    def _put(self, item: dict[str, Any], condition: str) -> dict[str, Any]:
        return {"TableName": self.records.table, "Item": to_item(item), "ConditionExpression": condition}

    def _transact(self, items: list[dict[str, Any]]) -> None:
        try:
            self.records.ddb.transact_write_items(TransactItems=items)
        except ClientError as exc:
            if exc.response["Error"]["Code"] == "TransactionCanceledException":
                raise Conflict("该处理记录已存在") from exc
            raise ServiceUnavailable() from exc

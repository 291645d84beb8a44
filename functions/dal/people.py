"""One person, one approval (DOMAIN.md "Review"): a keyed claim per campaign, level and person.

A claim is the attribute `claim#<campaign>#<level>` (`report_id`, `index`, `at`) of the person's party item
(`PARTY#<shard>` / `<ID number's SHA-256, 32 hex>`, `functions.dal.parties`), beside the debarment in force:
a submission reads both with one key per person. The ID number itself is never part of a key; a campaign's
claims live under the same 16 partition keys as every other party's item. (Before issue 13 a claim was
`APPROVAL#<campaign>#<level>#<digest>` / `PERSON`, then its own `APPROVAL#<campaign>#<level>#<shard>` item;
local `.data/` journals of those layouts are not migrated: `make reset`.)

Each claim is its own conditional UpdateItem of that one attribute, ten at a time (botocore's connection pool):
a claim needs no other item to be written with it, and a decision that loses any claim gives back those it
wrote. Against chunks of 100 in TransactWriteItems this halves the write units (a transactional write costs
two), keeps the latency of a 2,000-person approval under a second, and on moto (tests, the local server),
which copies the whole table once per item of a transaction, turns the 2,000-person approval from quadratic
into linear.

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
from functions.dal.parties import Parties, PartyStore, claim_attribute, party_key
from functions.dal.records import RecordStore
from functions.errors import Conflict, ServiceUnavailable

WRITERS = 10  # claims written (or given back) at a time: botocore's default connection pool
ClaimKey = tuple[str, str, str]  # (pk, sk) of the person's party item, and the claim's attribute
Claim = tuple[ClaimKey, dict[str, Any], dict[str, Any] | None]  # where, what (report_id, index, at), taken over
Outcome = Literal["done", "refused", "failed"]  # refused: its condition did not hold


def person_key(campaign: str, level: str, id_number: str) -> ClaimKey:
    return (*party_key(id_number), claim_attribute(campaign, level))


class PeopleStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    def claims(self, keys: list[ClaimKey], parties: Parties | None = None) -> dict[ClaimKey, dict[str, Any]]:
        """The claims that exist among `keys`, by key: from `parties` when the caller read them already, else
        by BatchGetItem (100 people a call)."""
        read = parties if parties is not None else PartyStore(self.records).read_keys((pk, sk) for pk, sk, _ in keys)
        found = {key: read.at(key[:2]).get(key[2]) for key in keys}
        return {key: claim for key, claim in found.items() if claim}

    def write(self, report_id: str, claims: Iterable[Claim]) -> list[ClaimKey]:
        """Write claims, each conditional: on nobody holding it yet or this same report holding it, or (a
        takeover, when `expected` is given) on the stale holder still holding it. Conflict when another
        decision got any of them first, ServiceUnavailable when the store failed; either way the claims
        written are given back first. Answers the keys written."""
        wanted = list(claims)
        outcomes = self._each(lambda claim: self._claim(*claim), wanted)
        written = [key for (key, _, _), outcome in zip(wanted, outcomes, strict=True) if outcome == "done"]
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

    def _claim(self, key: ClaimKey, claim: dict[str, Any], expected: dict[str, Any] | None) -> Outcome:
        try:
            self.records.ddb.update_item(**self._set(key, claim, expected))
        except ClientError as exc:
            return "refused" if exc.response["Error"]["Code"] == "ConditionalCheckFailedException" else "failed"
        except BotoCoreError:
            return "failed"
        return "done"

    def _give_back(self, key: ClaimKey, report_id: str) -> Outcome:
        try:
            self.records.ddb.update_item(
                TableName=self.records.table,
                Key=to_item({"pk": key[0], "sk": key[1]}),
                UpdateExpression="REMOVE #c",
                ConditionExpression="#c.report_id = :me",
                ExpressionAttributeNames={"#c": key[2]},
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

    def _set(self, key: ClaimKey, claim: dict[str, Any], expected: dict[str, Any] | None) -> dict[str, Any]:
        update: dict[str, Any] = {
            "TableName": self.records.table,
            "Key": to_item({"pk": key[0], "sk": key[1]}),
            "UpdateExpression": "SET #c = :claim",
            "ExpressionAttributeNames": {"#c": key[2]},
            "ExpressionAttributeValues": {":claim": value(claim)},
        }
        if expected is None:
            update["ConditionExpression"] = "attribute_not_exists(#c) OR #c.report_id = :me"
            update["ExpressionAttributeValues"][":me"] = value(claim["report_id"])
        else:
            update["ConditionExpression"] = "#c.report_id = :holder AND #c.#at = :at"
            update["ExpressionAttributeNames"]["#at"] = "at"
            update["ExpressionAttributeValues"] |= {
                ":holder": value(expected["report_id"]),
                ":at": value(expected["at"]),
            }
        return update

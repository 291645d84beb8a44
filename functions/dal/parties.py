"""One item per party (a person or an enterprise): what every submission and approval checks it for.

| item | pk | sk | attributes |
|---|---|---|---|
| party | `PARTY#<shard>` | `<digest>` | `debarred`: the debarment in force (latest `until` of the findings not lifted; absent when none); `claim#<campaign>#<level>`: that campaign and level's approval claim (`report_id`, `index`, `at`) |

`<digest>` and `<shard>` come from `functions.dal.shards`: no ID number or USCC is part of a key, and all
parties live under 16 partition keys. Keeping a party's debarment and its approval claims in one item makes a
2,000-candidate submission read 2,001 keys once (one BatchGetItem per 100) for both of its checks, instead of
4,001; each writer still touches only its own attribute (UpdateItem, conditional on that attribute), so a
debarment being recorded and a claim being written never overwrite each other. (Before the last change of
issue 13 these were separate `DEBARRED#…` and `APPROVAL#…` items; local `.data/` journals of that layout are
not migrated: `make reset`.)
"""  # noqa: E501

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from functions.dal.records import RecordStore
from functions.dal.shards import digest, sharded

PREFIX = "PARTY"
DEBARRED = "debarred"
PartyKey = tuple[str, str]  # (pk, sk)


def party_key(subject_id: str) -> PartyKey:
    """Where one party's item is (its ID number or USCC)."""
    return sharded(PREFIX, digest(subject_id))


def claim_attribute(campaign: str, level: str) -> str:
    return f"claim#{campaign}#{level}"


@dataclass(frozen=True)
class Parties:
    """Party items as read at one moment, by key: read once, asked by several checks."""

    items: dict[PartyKey, dict[str, Any]]

    def of(self, subject_id: str) -> dict[str, Any]:
        """The party's item, empty when it has none."""
        return self.items.get(party_key(subject_id), {})

    def at(self, key: PartyKey) -> dict[str, Any]:
        return self.items.get(key, {})


class PartyStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    def read(self, subject_ids: Iterable[str]) -> Parties:
        """The items of these parties (ID numbers or USCCs; blanks skipped), strongly consistent."""
        return self.read_keys(party_key(s) for s in subject_ids if s)

    def read_keys(self, keys: Iterable[PartyKey]) -> Parties:
        wanted = [{"pk": pk, "sk": sk} for pk, sk in dict.fromkeys(keys)]
        return Parties({(i["pk"], i["sk"]): i for i in self.records.batch_get(wanted, consistent=True)})

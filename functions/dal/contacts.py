"""Administered city contacts: one item per city, all in one partition (21 items, read in one query).

| item | pk | sk |
|---|---|---|
| city contact | `CITY_CONTACT` | `<city code>` |

Readers merge them over the shipped reference (`schemas/data/city_contacts.csv`): a stored city wins.
"""

from __future__ import annotations

from typing import Any

from functions.dal.records import RecordStore

PARTITION = "CITY_CONTACT"


class ContactStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    def all(self) -> dict[str, dict[str, Any]]:
        return {item["code"]: item for item in self.records.partition(PARTITION, "")}

    def put(self, item: dict[str, Any]) -> None:
        self.records.put({**item, "pk": PARTITION, "sk": item["code"]})

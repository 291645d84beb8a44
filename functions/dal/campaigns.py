"""Administered campaigns: one item per year, all in one partition (a handful of items, read in one query).

| item | pk | sk |
|---|---|---|
| campaign | `CAMPAIGN` | `<year>` |

The years shipped as history (`schemas/data/campaigns.json`) are not copied in: readers merge them with the
stored items, a stored year taking the shipped one's place, so no seeding step can be forgotten.
"""

from __future__ import annotations

from typing import Any

from functions.dal.records import RecordStore

PARTITION = "CAMPAIGN"


class CampaignStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    def all(self) -> list[dict[str, Any]]:
        return self.records.partition(PARTITION, "")

    def get(self, year: str) -> dict[str, Any] | None:
        return self.records.get(PARTITION, year)

    def put(self, item: dict[str, Any]) -> None:
        """Store a year whole (a PUT: the administrator's last edit is the year's state; each one is audited)."""
        self.records.put({**item, "pk": PARTITION, "sk": item["year"]})

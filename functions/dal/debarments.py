"""The debarment list (§七(四)): one item per decision, all listed under one index key.

| item | pk | sk | gsi1 |
|---|---|---|---|
| debarment | `DEBAR#<subject id>` | `<decided_on>#<id>` | `DEBARMENTS` / `<decided_on>#<id>` |

The whole list is read in one query when a submission is checked: it is short (tens, not millions), and one
query beats one lookup per candidate of a 500-person roster.
"""

from __future__ import annotations

from typing import Any

from functions.dal.records import RecordStore

INDEX_KEY = "DEBARMENTS"


class DebarmentStore:
    def __init__(self, records: RecordStore | None = None) -> None:
        self.records = records or RecordStore()

    def add(self, item: dict[str, Any]) -> None:
        key = f"{item['decided_on']}#{item['id']}"
        self.records.put(
            {**item, "pk": f"DEBAR#{item['subject_id']}", "sk": key, "gsi1pk": INDEX_KEY, "gsi1sk": key},
            condition="attribute_not_exists(pk)",
        )

    def all(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        cursor = None
        while True:
            page, cursor = self.records.query(INDEX_KEY, index="gsi1", limit=500, cursor=cursor, newest_first=True)
            out += page
            if not cursor:
                return out

    def find(self, debarment_id: str) -> dict[str, Any] | None:
        return next((d for d in self.all() if d["id"] == debarment_id), None)

    def save(self, item: dict[str, Any]) -> None:
        self.records.put(item)

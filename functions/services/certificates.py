"""Numbers that must never repeat or skip: the site sequence (at a filing's approval) and certificate
serials (at a report's final approval), both claimed in the same transaction as the decision.

| item | pk | sk |
|---|---|---|
| counter | `COUNTER` | `SITE` · `CERT#<site>#<yy>#<level>` (attribute `n`: the last number given) |
| enterprise profile | `ENT#<uscc>` | `PROFILE` (its site sequence) |
| certificates of a report | `REC#<report id>` | `CERTS` |
| published chief technicians | `PUBLIC#S` | `<campaign>#<approved at>#<report id>` |
"""

from __future__ import annotations

from typing import Any

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore
from schemas.certificates import PROVINCE_FILED_INSTITUTION, certificate_number
from schemas.reference import cities, occupations


def counter_value(records: RecordStore, name: str) -> int:
    item = records.get("COUNTER", name)
    return int(item["n"]) if item else 0


def claim(records: RecordStore, name: str, last: int, count: int) -> dict[str, Any]:
    """A transaction item moving counter `name` from `last` to `last + count`, failing if someone moved it."""
    condition = "attribute_not_exists(pk)" if last == 0 else "n = :last"
    update: dict[str, Any] = {
        "TableName": records.table,
        "Key": to_item({"pk": "COUNTER", "sk": name}),
        "UpdateExpression": "SET n = :next",
        "ConditionExpression": condition,
        "ExpressionAttributeValues": {":next": value(last + count)},
    }
    if last:
        update["ExpressionAttributeValues"][":last"] = value(last)
    return {"Update": update}


def site_sequence_items(records: RecordStore, uscc: str, name: str, city: str) -> list[dict[str, Any]]:
    """Items giving the enterprise its site sequence, unless it already has one."""
    if records.get(f"ENT#{uscc}", "PROFILE"):
        return []
    last = counter_value(records, "SITE")
    profile = {
        "pk": f"ENT#{uscc}",
        "sk": "PROFILE",
        "uscc": uscc,
        "name": name,
        "city": city,
        "site_sequence": last + 1,
    }
    put = {
        "Put": {"TableName": records.table, "Item": to_item(profile), "ConditionExpression": "attribute_not_exists(pk)"}
    }
    return [claim(records, "SITE", last, 1), put]


def certificate_items(
    records: RecordStore, head: dict[str, Any], body: dict[str, Any], issued_on: str, approved_at: str
) -> list[dict[str, Any]]:
    """Items numbering every candidate of a finally approved report, and publishing an S list."""
    profile = records.get(f"ENT#{head['owner']}", "PROFILE")
    site = int(profile["site_sequence"]) if profile else 0
    year = int(issued_on[:4])
    level = head["level"]
    counter = f"CERT#{site:06d}#{year % 100:02d}#{level}"
    last = counter_value(records, counter)
    candidates = body["candidates"]
    rows = [
        {
            "index": i,
            "name": c["name"],
            "id_number": c["id_number"],
            "occupation": c["occupation"],
            "occupation_name": occupations()[c["occupation"]].name,
            "level": level,
            "certificate_number": certificate_number(PROVINCE_FILED_INSTITUTION, site, year, level, last + 1 + i),
        }
        for i, c in enumerate(candidates)
    ]
    certs = {"pk": f"REC#{head['id']}", "sk": "CERTS", "issued_on": issued_on, "rows": rows}
    items: list[dict[str, Any]] = [
        claim(records, counter, last, len(candidates)),
        {"Put": {"TableName": records.table, "Item": to_item(certs)}},
    ]
    if level == "S":
        published = {
            "pk": "PUBLIC#S",
            "sk": f"{head['campaign']}#{approved_at}#{head['id']}",
            "campaign": head["campaign"],
            "entries": [
                {
                    "name": r["name"],
                    "enterprise_name": head["enterprise_name"],
                    "occupation_code": r["occupation"],
                    "occupation_name": r["occupation_name"],
                    "city": head["city"],
                    "city_name": cities()[head["city"]].name,
                    "campaign": head["campaign"],
                }
                for r in rows
            ],
        }
        items.append({"Put": {"TableName": records.table, "Item": to_item(published)}})
    return items

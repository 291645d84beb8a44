"""Numbers that must never repeat or skip: the site sequence (at a filing's approval) and certificate
serials (at a report's final approval), both claimed in the same transaction as the decision.

A report's certificates are one item each, so a 2,000-candidate report fits DynamoDB's 400 KB item and
100-item transaction limits. The decision's transaction claims the serial range on the counter and writes a
small `CERTS` header (first serial, count, the version decided) plus a `PENDING#CERTS` marker; the items are
then written with BatchWriteItem. Each is derived from the header and the stored version alone, so writing it
again changes nothing: whoever finds the header incomplete (the decision itself, a later read) completes it.

| item | pk | sk |
|---|---|---|
| counter | `COUNTER` | `SITE` · `CERT#[<code>#]<site>#<yy>#<level>` (attribute `n`: the last number given) |
| enterprise profile | `ENT#<uscc>` | `PROFILE` (its institution code and site sequence) |
| institution claim | `INSTITUTION#<code>#<site>` | `CLAIM` (the enterprise holding that pair) |
| certificates header of a report | `REC#<report id>` | `CERTS` (`first`, `count`, `version`, `complete`) |
| one certificate | `REC#<report id>` | `CERT#<index, 5 digits>` (`status`: `allocated`) |
| not yet completed | `PENDING#CERTS` | `<report id>` |
| a certificate by its number | `CERTNO#<number>` | `CERT` (`report_id`, `index`: where the certificate item is) |
| approved reports of a campaign | `APPROVED#<campaign>` | `<approved at>#<report id>` (`confirmed_batch`…) |
| one published chief technician | `PUBLIC#S` | `<campaign>#<approved at>#<report id>#<index, 5 digits>` |
"""

from __future__ import annotations

from typing import Any

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore
from functions.errors import Conflict
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


def institution_claim_key(code: str, sequence: int) -> dict[str, str]:
    return {"pk": f"INSTITUTION#{code}#{sequence:06d}", "sk": "CLAIM"}


def site_sequence_items(
    records: RecordStore, uscc: str, name: str, city: str, existing: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Items giving the enterprise its institution code and site sequence, unless it already has them.

    An enterprise already filed as an evaluation institution keeps the code and sequence it stated
    (已具备资质的企业无需重复申请); any other gets the next sequence under code `0000` [choice]. Either way an
    `INSTITUTION#<code>#<sequence>` claim makes sure no two enterprises share the pair.
    """
    if records.get(f"ENT#{uscc}", "PROFILE"):
        return []
    items: list[dict[str, Any]] = []
    if existing:
        code, sequence = existing["institution_code"], int(existing["site_sequence"])
        holder = records.get(**institution_claim_key(code, sequence))
        if holder and holder.get("uscc") != uscc:
            raise Conflict(
                f"评价机构代码 {code}、序列号 {sequence:06d} 已由“{holder.get('name', '')}”使用，"
                "请核对该企业填写的机构代码"
            )
    else:
        code = PROVINCE_FILED_INSTITUTION
        last = counter_value(records, "SITE")
        sequence = last + 1
        while records.get(**institution_claim_key(code, sequence)):  # a number an existing institution stated
            sequence += 1
        items.append(claim(records, "SITE", last, sequence - last))
    profile = {
        "pk": f"ENT#{uscc}",
        "sk": "PROFILE",
        "uscc": uscc,
        "name": name,
        "city": city,
        "institution_code": code,
        "site_sequence": sequence,
        "existing": bool(existing),
    }
    mark = {**institution_claim_key(code, sequence), "uscc": uscc, "name": name}
    for item in (profile, mark):
        condition = "attribute_not_exists(pk)"
        items.append({"Put": {"TableName": records.table, "Item": to_item(item), "ConditionExpression": condition}})
    return items


def institution_of(records: RecordStore, uscc: str) -> tuple[str, int]:
    """(institution code, site sequence) of an enterprise whose filing was approved; ("0000", 0) before that."""
    profile = records.get(f"ENT#{uscc}", "PROFILE")
    if not profile:
        return PROVINCE_FILED_INSTITUTION, 0
    return str(profile.get("institution_code") or PROVINCE_FILED_INSTITUTION), int(profile["site_sequence"])


def certificate_counter(code: str, site: int, year: int, level: str) -> str:
    """Serials run per institution, year and level; code 0000 keeps the original counter names."""
    own = "" if code == PROVINCE_FILED_INSTITUTION else f"{code}#"
    return f"CERT#{own}{site:06d}#{year % 100:02d}#{level}"


PENDING = "PENDING#CERTS"


def certificate_items(
    records: RecordStore, head: dict[str, Any], body: dict[str, Any], issued_on: str, approved_at: str
) -> list[dict[str, Any]]:
    """Transaction items claiming a serial for every candidate of a finally approved report (a bounded few)."""
    code, site = institution_of(records, head["owner"])
    year = int(issued_on[:4])
    level = head["level"]
    counter = certificate_counter(code, site, year, level)
    last = counter_value(records, counter)
    header = {
        "pk": f"REC#{head['id']}",
        "sk": "CERTS",
        "report_id": head["id"],
        "version": head["version"],
        "issued_on": issued_on,
        "approved_at": approved_at,
        "institution_code": code,
        "site": site,
        "year": year,
        "level": level,
        "first": last + 1,
        "count": len(body["candidates"]),
        "campaign": head["campaign"],
        "enterprise_name": head["enterprise_name"],
        "city": head["city"],
        "complete": False,
    }
    pending = {"pk": PENDING, "sk": head["id"], "report_id": head["id"]}
    approved = {
        "pk": f"APPROVED#{head['campaign']}",
        "sk": f"{approved_at}#{head['id']}",
        "report_id": head["id"],
        "level": level,
        "owner": head["owner"],
        "city": head["city"],
        "enterprise_name": head["enterprise_name"],
        "count": len(body["candidates"]),
    }
    return [
        {"Put": {"TableName": records.table, "Item": to_item(approved)}},
        claim(records, counter, last, len(body["candidates"])),
        {
            "Put": {
                "TableName": records.table,
                "Item": to_item(header),
                "ConditionExpression": "attribute_not_exists(pk)",
            }
        },
        {"Put": {"TableName": records.table, "Item": to_item(pending)}},
    ]


def _certificates(header: dict[str, Any], body: dict[str, Any]) -> list[dict[str, Any]]:
    site, year, level, first = header["site"], header["year"], header["level"], header["first"]
    code = str(header.get("institution_code") or PROVINCE_FILED_INSTITUTION)
    return [
        {
            "pk": header["pk"],
            "sk": f"CERT#{i:05d}",
            "index": i,
            "name": c["name"],
            "id_number": c["id_number"],
            "occupation": c["occupation"],
            "occupation_name": occupations()[c["occupation"]].name,
            "level": level,
            "certificate_number": certificate_number(code, site, year, level, first + i),
            "status": "allocated",
            "issued_on": header["issued_on"],
        }
        for i, c in enumerate(body["candidates"][: header["count"]])
    ]


def _published(header: dict[str, Any], certificates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The public list's entries: names, never an ID number."""
    prefix = f"{header['campaign']}#{header['approved_at']}#{header['report_id']}"
    return [
        {
            "pk": "PUBLIC#S",
            "sk": f"{prefix}#{c['index']:05d}",
            "report_id": header["report_id"],
            "approved_at": header["approved_at"],
            "index": c["index"],
            "name": c["name"],
            "enterprise_name": header["enterprise_name"],
            "occupation_code": c["occupation"],
            "occupation_name": c["occupation_name"],
            "city": header["city"],
            "city_name": cities()[header["city"]].name,
            "campaign": header["campaign"],
        }
        for c in certificates
    ]


def complete(records: RecordStore, report_id: str) -> dict[str, Any] | None:
    """The report's certificates header, after writing any certificate or list entry not yet written."""
    header = records.get(f"REC#{report_id}", "CERTS")
    if header is None or header.get("complete"):
        return header
    certificates = _certificates(header, records.body(report_id, header["version"]))
    pointers = [
        {"pk": f"CERTNO#{c['certificate_number']}", "sk": "CERT", "report_id": report_id, "index": c["index"]}
        for c in certificates
    ]
    records.batch_put(certificates + pointers + (_published(header, certificates) if header["level"] == "S" else []))
    header["complete"] = True
    records.put(header)
    records.delete(PENDING, report_id)
    return header


def complete_pending(records: RecordStore) -> None:
    """Complete every approval whose items were not all written (a crash between transaction and batch)."""
    for marker in records.query(PENDING, limit=20, newest_first=False)[0]:
        complete(records, marker["report_id"])


def certificate_rows(records: RecordStore, report_id: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """A report's certificates header and its certificates in roster order (none before final approval)."""
    header = complete(records, report_id)
    if header is None:
        return None, []
    return header, list(records.every(f"REC#{report_id}", "CERT#"))


def published_entries(records: RecordStore, campaign: str | None) -> list[dict[str, Any]]:
    """The published chief technicians: newest approval first, each report's people in roster order."""
    complete_pending(records)
    # An entry whose certificate a finding of fraud revoked (§七(四)) is no longer published.
    entries = [e for e in records.every("PUBLIC#S", f"{campaign}#" if campaign else "") if not e.get("revoked")]
    # A stable sort keeps roster order inside one approval while the approvals go newest first.
    return sorted(entries, key=lambda e: (e["campaign"], e["approved_at"], e["report_id"]), reverse=True)

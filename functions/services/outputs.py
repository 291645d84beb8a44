"""What comes out of decisions: certificates, export rows, the published chief-technician list."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Any

from functions.auth import Principal
from functions.errors import Conflict
from functions.services.certificates import certificate_rows, published_entries
from functions.services.kinds import Stores
from functions.services.submissions import visible
from schemas.enterprise import CATEGORY_NAMES
from schemas.exports import gender_of
from schemas.fields import LEVEL_NAMES
from schemas.forms import STATUS_NAMES
from schemas.reference import cities, occupations


def certificates(stores: Stores, report_id: str, principal: Principal) -> dict[str, Any]:
    head = visible(stores, "report", report_id, principal)
    header, rows = certificate_rows(stores.records, report_id) if head["status"] == "approved" else (None, [])
    if header is None:
        raise Conflict("评价结果尚未通过最终审核，暂无证书编号")
    keep = ("index", "name", "id_number", "occupation", "occupation_name", "level", "certificate_number", "status")
    items = [{k: row[k] for k in keep if k in row} for row in rows]
    return {"report_id": report_id, "issued_on": header["issued_on"], "items": items}


def published_chief_technicians(stores: Stores, campaign: str | None, city: str | None) -> list[dict[str, Any]]:
    """The approved S list, newest campaign first: name, enterprise, occupation, city; never an ID number."""
    return [
        {
            "name": e["name"],
            "enterprise": e["enterprise_name"],
            "occupation": e["occupation_name"],
            "occupation_code": e["occupation_code"],
            "city": e["city_name"],
            "city_code": e["city"],
            "campaign": e["campaign"],
        }
        for e in published_entries(stores.records, campaign)
        if city is None or e["city"] == city
    ]


# ---- export rows ------------------------------------------------------------------------------------------

BODY_BATCH = 25  # report bodies per BatchGetItem: 2,000 candidates gzip to ~100 KB, far under its 16 MB


def _heads(stores: Stores, kind: str, city_codes: list[str]) -> Iterator[dict[str, Any]]:
    for city in city_codes:
        cursor = None
        while True:
            pointers, cursor = stores.records.query(f"ROUTE#IN#{city}#{kind}", limit=100, cursor=cursor)
            yield from stores.records.heads([p["id"] for p in pointers])
            if not cursor:
                break


def _batches(items: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(items, size)):
        yield batch


def _reports(stores: Stores, city_codes: list[str], filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    wanted = {key: filters.get(key) for key in ("level", "campaign", "phase")}
    return (head for head in _heads(stores, "report", city_codes) if _matches(head, wanted))


def estimate_rows(stores: Stores, name: str, city_codes: list[str], filters: dict[str, Any]) -> int:
    """The candidate rows an export of reports will write, from the reports' heads (no bodies read)."""
    if name not in ("results", "certificates"):
        return 0  # one row or a few per institution: always small enough for one request
    return sum(
        int(head.get("candidate_count") or 0)
        for head in _reports(stores, city_codes, filters)
        if name == "results" or head["status"] == "approved"
    )


def _matches(head: dict[str, Any], filters: dict[str, Any]) -> bool:
    return all(value is None or str(head.get(key)) == str(value) for key, value in filters.items())


def _site(stores: Stores, uscc: str) -> str:
    profile = stores.records.get(f"ENT#{uscc}", "PROFILE")
    return f"{int(profile['site_sequence']):06d}" if profile else ""


def export_rows(stores: Stores, name: str, city_codes: list[str], filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Rows for export `name`, keyed as `schemas.exports` defines, produced lazily as they are read."""
    if name == "chief-technicians":
        for entry in published_chief_technicians(stores, filters.get("campaign"), None):
            if entry["city_code"] in city_codes:
                yield {**entry, "enterprise_name": entry["enterprise"], "occupation_name": entry["occupation"],
                       "city_name": entry["city"]}  # fmt: skip
        return
    level = filters.get("level")
    if name in ("filings", "scope"):
        # Institutions are not per campaign: only the level filter applies, to what they filed.
        for head in _heads(stores, "filing", city_codes):
            if head["status"] != "approved" or (level and level not in head["levels"]):
                continue
            if name == "filings":
                yield _filing_row(stores, head)
            else:
                yield from _scope_rows(stores, head, level)
        return
    if name == "results":
        # Bodies by BatchGetItem, BODY_BATCH reports at a time: a few calls per city instead of one per report.
        for batch in _batches(_reports(stores, city_codes, filters), BODY_BATCH):
            bodies = stores.records.bodies([(head["id"], int(head["version"])) for head in batch])
            for head in batch:
                yield from _result_rows(head, bodies.get(head["id"], {}))
    elif name == "certificates":
        for head in _reports(stores, city_codes, filters):
            if head["status"] == "approved":
                yield from _certificate_rows(stores, head)


def _filing_row(stores: Stores, head: dict[str, Any]) -> dict[str, Any]:
    body = stores.records.body(head["id"], head["version"])
    return {
        "site_sequence": _site(stores, head["owner"]),
        "enterprise_name": head["enterprise_name"],
        "uscc": head["owner"],
        "city_code": head["city"],
        "city_name": cities()[head["city"]].name,
        "categories": "、".join(CATEGORY_NAMES[c] for c in head["categories"]),
        "levels": "、".join(LEVEL_NAMES[level] for level in head["levels"]),
        "occupation_count": len(head["scope"]),
        "contact_name": body["contact"]["name"],
        "contact_phone": body["contact"]["phone"],
        "status": STATUS_NAMES[head["status"]],
        "approved_on": (head.get("approved_at") or "")[:10] or None,
    }


def _scope_rows(stores: Stores, head: dict[str, Any], level: str | None) -> Iterator[dict[str, Any]]:
    site = _site(stores, head["owner"])
    for filed_level in head["levels"]:
        if level and filed_level != level:
            continue
        for code in head["scope"]:
            yield {
                "site_sequence": site,
                "enterprise_name": head["enterprise_name"],
                "uscc": head["owner"],
                "city_name": cities()[head["city"]].name,
                "level": LEVEL_NAMES[filed_level],
                "occupation_code": code,
                "occupation_name": occupations()[code].name,
            }


def _result_rows(head: dict[str, Any], body: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for candidate in body.get("candidates", []):
        yield {
            "campaign": head["campaign"],
            "phase": head["phase"],
            "city_name": cities()[head["city"]].name,
            "enterprise_name": head["enterprise_name"],
            "uscc": head["owner"],
            "report_id": head["id"],
            "name": candidate["name"],
            "id_number": candidate["id_number"],
            "occupation_code": candidate["occupation"],
            "occupation_name": occupations()[candidate["occupation"]].name,
            "level": LEVEL_NAMES[candidate["level"]],
            "score": (candidate.get("evaluation") or {}).get("score"),
            "review_date": head["review_date"],
            "status": STATUS_NAMES[head["status"]],
        }


def _certificate_rows(stores: Stores, head: dict[str, Any]) -> Iterator[dict[str, Any]]:
    header, rows = certificate_rows(stores.records, head["id"])
    for row in rows:
        yield {
            "certificate_number": row["certificate_number"],
            "name": row["name"],
            "id_number": row["id_number"],
            "gender": gender_of(row["id_number"]),
            "occupation_code": row["occupation"],
            "occupation_name": row["occupation_name"],
            "level": LEVEL_NAMES[row["level"]],
            "enterprise_name": head["enterprise_name"],
            "uscc": head["owner"],
            "issued_on": header["issued_on"] if header else None,
        }

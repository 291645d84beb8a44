"""What a finding of fraud cancels (§七(四) 取消其参加本年度评审资格): the party's results in that campaign.

A person: the reports that hold their approval claims for T and S in that campaign (keyed, see
`functions.dal.people`), and there only their own certificate. An enterprise: every approved report of its own
in that campaign (its owner index), every certificate. Each certificate is marked `revoked`; an S person's
entry on the published list is marked too, so the list no longer shows it; each report gets an audit entry.
"""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.services.certificates import complete
from functions.services.kinds import Stores
from functions.services.submissions import log_item

REVOKED = "revoked"


def _person_targets(stores: Stores, campaign: str, id_number: str) -> dict[str, set[int]]:
    from functions.dal.people import person_key

    claims = stores.people.claims([person_key(campaign, level, id_number) for level in ("T", "S")])
    holders = {h["id"]: h for h in stores.records.heads(sorted({c["report_id"] for c in claims.values()}))}
    targets: dict[str, set[int]] = {}
    for claim in claims.values():
        head = holders.get(claim["report_id"])
        if head is not None and head["status"] == "approved":
            targets.setdefault(head["id"], set()).add(int(claim["index"]))
    return targets


def _enterprise_targets(stores: Stores, campaign: str, uscc: str) -> dict[str, set[int] | None]:
    heads = _owned_reports(stores, uscc)
    return {h["id"]: None for h in heads if h.get("campaign") == campaign and h["status"] == "approved"}


def _owned_reports(stores: Stores, uscc: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    while True:
        page, cursor = stores.records.query(f"OWNER#{uscc}#report", index="gsi1", limit=100, cursor=cursor)
        out += page
        if not cursor:
            return out


def cancel_results(stores: Stores, principal: Principal, finding: dict[str, Any], at: str) -> dict[str, Any]:
    """Revoke the finding's party's certificates of its campaign; answers what was revoked, per report."""
    campaign, subject = finding["campaign"], finding["subject_id"]
    targets: dict[str, set[int] | None]
    if finding["subject_type"] == "person":
        targets = dict(_person_targets(stores, campaign, subject))
    else:
        targets = _enterprise_targets(stores, campaign, subject)
    revoked: list[dict[str, Any]] = []
    for report_id, indexes in sorted(targets.items()):
        count = _revoke(stores, report_id, indexes, finding, at)
        if count:
            detail = {"debarment": finding["id"], "revoked": count}
            log = log_item(principal, "revoke", 0, REVOKED, at, detail=detail, comment=finding["reason"])
            stores.records.put({**log, "pk": f"REC#{report_id}"})
            revoked.append({"report_id": report_id, "certificates": count})
    return {"campaign": campaign, "reports": revoked, "certificates": sum(r["certificates"] for r in revoked)}


def _revoke(stores: Stores, report_id: str, indexes: set[int] | None, finding: dict[str, Any], at: str) -> int:
    """Revoke the report's certificates (all, or those at `indexes`) with the statistics they move, then take
    their people off the public lists (the approved S list and, once announced, the announced lists)."""
    from functions.services.certificate_states import move

    records = stores.records
    header = complete(records, report_id)
    if header is None:
        return 0
    marks = {"revoked_at": at, "revoked_by": finding["id"]}
    wanted = [
        c
        for c in records.every(f"REC#{report_id}", "CERT#")
        if (indexes is None or int(c["index"]) in indexes) and c.get("status") != REVOKED
    ]
    changed = {int(c["index"]) for c in move(records, header, wanted, REVOKED, marks)}
    if changed:
        _unpublish(stores, header, changed)
    return len(changed)


def _unpublish(stores: Stores, header: dict[str, Any], indexes: set[int]) -> None:
    from functions.dal.published import delete_many
    from functions.services.publication import announced_keys

    records, report_id, campaign = stores.records, header["report_id"], header["campaign"]
    if header.get("level") == "S":
        prefix = f"{campaign}#{header['approved_at']}#{report_id}#"
        entries = [{**e, "revoked": True} for e in records.every("PUBLIC#S", prefix) if int(e["index"]) in indexes]
        records.batch_put(entries)
    pointer = records.get(f"APPROVED#{campaign}", f"{header['approved_at']}#{report_id}")
    batch = int(pointer.get("announced_batch") or 0) if pointer else 0
    if batch:
        delete_many(records, [key for i in sorted(indexes) for key in announced_keys(campaign, batch, report_id, i)])

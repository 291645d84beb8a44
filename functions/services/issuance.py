"""Certificates after final approval: national confirmation (`allocated` → `issued`), the public check, and
what a certificate PDF shows. A fraud finding (`services.revocations`) sets `revoked`; nothing here undoes it.
Both moves go through `services.certificate_states`, which writes the statistics in the same transaction.

Keys (besides those of `services.certificates`): the certificates header `REC#<report>`/`CERTS` gains
`confirmed_on`, `confirmed_batch`, `confirmed_at` once the national centre confirmed the report's data; each
certificate item `REC#<report>`/`CERT#<index>` moves from `allocated` to `issued` (never from `revoked`); an
audit line per confirmation request under `AUDIT#certificates`.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

from functions.auth import Principal
from functions.dal.records import RecordStore
from functions.errors import Conflict, FieldProblem, NotFound, ServiceUnavailable, ValidationFailed
from functions.services import campaigns, clock
from functions.services.certificates import complete, complete_pending
from functions.services.kinds import Stores
from functions.services.submissions import can_see, log_item
from schemas.certificates import is_certificate_number
from schemas.fields import LEVEL_NAMES
from schemas.publication import (
    CERTIFICATE_STATUS_NAMES,
    PUBLIC_STATUS,
    ConfirmationRequest,
    VerificationAnswer,
    batch_name,
    certificate_status,
)

AUDIT = "AUDIT#certificates"


def approvals(records: RecordStore, campaign: str) -> list[dict[str, Any]]:
    """The campaign's finally approved reports, in the order they were approved."""
    return list(records.every(f"APPROVED#{campaign}"))


def confirm(stores: Stores, principal: Principal, form: ConfirmationRequest) -> dict[str, Any]:
    records = stores.records
    campaigns.known(records, form.campaign)
    today = clock.today()
    confirmed_on = form.confirmed_on or today
    if confirmed_on > today:
        raise ValidationFailed([FieldProblem("confirmed_on", "确认日期不能晚于今天", "confirmed_on_future")])
    pointers = {p["report_id"]: p for p in approvals(records, form.campaign)}
    if form.report_ids is None:
        wanted = [rid for rid, p in pointers.items() if not p.get("confirmed_batch")]
        if not wanted:
            raise Conflict(f"{form.campaign} 年度没有待确认的评价结果")
    else:
        wanted = form.report_ids
        problems = [
            FieldProblem(
                f"report_ids[{i}]",
                f"评价结果 {rid} 不是 {form.campaign} 年度已通过最终审核的评价结果",
                "report_not_approved",
            )
            for i, rid in enumerate(wanted)
            if rid not in pointers
        ]
        if problems:
            raise ValidationFailed(problems)
    at = clock.stamp()
    confirmed, already, certificates = [], [], 0
    for report_id in wanted:
        header = complete(records, report_id)
        if header is None:  # an approval pointer without its header cannot be: the same transaction wrote both
            raise ServiceUnavailable()
        if header.get("confirmed_on"):
            already.append(report_id)
            continue
        # The items first (each chunk with its statistics), then the header: a confirmation interrupted
        # between the two is completed by the next one, which finds the header unconfirmed.
        certificates += _issue_items(records, header, confirmed_on.isoformat())
        header.update(confirmed_on=confirmed_on.isoformat(), confirmed_batch=form.batch, confirmed_at=at)
        records.put(header)
        pointer = pointers[report_id]
        records.set_fields(pointer["pk"], pointer["sk"], {"confirmed_batch": form.batch})  # not announced_batch
        log = log_item(principal, "national_confirmation", 0, "approved", at, detail=_detail(form, confirmed_on))
        records.put({**log, "pk": f"REC#{report_id}"})
        confirmed.append(report_id)
    audit = log_item(principal, "national_confirmation", 0, "recorded", at, detail=_detail(form, confirmed_on))
    records.put({**audit, "pk": AUDIT, "reports": confirmed})
    return {
        "campaign": form.campaign,
        "batch": form.batch,
        "batch_name": batch_name(form.batch),
        "confirmed_on": confirmed_on.isoformat(),
        "confirmed": confirmed,
        "already_confirmed": already,
        "certificates_issued": certificates,
    }


def _detail(form: ConfirmationRequest, confirmed_on: date) -> str:
    return f"{form.campaign} 年度{batch_name(form.batch)}证书数据经全国系统确认（{confirmed_on.isoformat()}）"


def _issue_items(records: RecordStore, header: dict[str, Any], confirmed_on: str) -> int:
    """`allocated` → `issued` on each certificate item, with the statistics; a revoked one stays revoked."""
    from functions.services.certificate_states import move

    items = list(records.every(header["pk"], "CERT#"))
    return len(move(records, header, items, "issued", {"confirmed_on": confirmed_on}))


# ---- one certificate ---------------------------------------------------------------------------------------


def find(records: RecordStore, number: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(certificate item, certificates header) for a number, or None."""
    if not is_certificate_number(number):
        return None
    pointer = records.get(f"CERTNO#{number}", "CERT")
    if pointer is None:
        complete_pending(records)  # an approval whose items are still being written
        pointer = records.get(f"CERTNO#{number}", "CERT")
    if pointer is None:
        return None
    report_id = pointer["report_id"]
    item = records.get(f"REC#{report_id}", f"CERT#{int(pointer['index']):05d}")
    header = records.get(f"REC#{report_id}", "CERTS")
    if item is None or header is None:
        return None
    return item, header


def status_of(item: dict[str, Any], header: dict[str, Any]) -> str:
    return certificate_status(item.get("status"), bool(header.get("confirmed_on")))


def _same_name(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return "".join(unicodedata.normalize("NFKC", s).split()).replace("·", "•").casefold()

    return norm(a) == norm(b)


def verify(records: RecordStore, number: str, name: str) -> VerificationAnswer:
    """The public check. Never an ID number; a wrong name is answered exactly like an unknown number."""
    number = number.strip().upper()
    found = find(records, number)
    if found is None or not _same_name(found[0]["name"], name):
        return VerificationAnswer(found=False)
    item, header = found
    status = status_of(item, header)
    return VerificationAnswer(
        found=True,
        status=PUBLIC_STATUS[status],
        status_name=CERTIFICATE_STATUS_NAMES[status],
        number=number,
        name=item["name"],
        level=LEVEL_NAMES[item["level"]],
        occupation=item["occupation_name"],
        enterprise=header["enterprise_name"],
        campaign=header["campaign"],
        issued_on=date.fromisoformat(header["confirmed_on"]) if status == "issued" else None,
    )


def printable(stores: Stores, principal: Principal, number: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """An issued certificate the caller may print: the enterprise its own, staff those they may read."""
    found = find(stores.records, number.strip().upper())
    head = stores.records.head(found[1]["report_id"]) if found else None
    if found is None or head is None or not can_see(principal, head):
        raise NotFound("找不到该证书，或您无权查看")
    item, header = found
    _must_be_issued(status_of(item, header))
    return item, header


def _must_be_issued(status: str) -> None:
    if status == "revoked":
        raise Conflict("该证书已撤销，不能打印")
    if status != "issued":
        raise Conflict("证书数据尚未经全国系统确认，确认后才能打印颁发")


Printable = list[tuple[dict[str, Any], dict[str, Any]]]


def report_printable(stores: Stores, principal: Principal, report_id: str) -> Printable:
    """Every issued certificate of a report, in roster order (revoked ones are left out)."""
    from functions.services.certificates import certificate_rows

    head = stores.records.head(report_id)
    if head is None or head.get("kind") != "report" or not can_see(principal, head):
        raise NotFound()
    header, rows = certificate_rows(stores.records, report_id) if head["status"] == "approved" else (None, [])
    if header is None:
        raise Conflict("评价结果尚未通过最终审核，暂无证书")
    issued = [(row, header) for row in rows if status_of(row, header) == "issued"]
    if not issued:
        _must_be_issued("revoked" if rows and all(r.get("status") == "revoked" for r in rows) else "allocated")
    return issued

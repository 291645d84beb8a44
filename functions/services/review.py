"""Reviewers' work: decisions (conditional, so two reviewers never both win), the audit trail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from functions.auth import Principal
from functions.dal.records import Change
from functions.errors import Conflict, Forbidden, NotFound, ServiceUnavailable
from functions.observability import logger
from functions.services import clock, stats
from functions.services.certificates import certificate_items, complete, site_sequence_items
from functions.services.duplicates import claim_for_approval, release
from functions.services.integrity import debarred
from functions.services.kinds import Stores
from functions.services.notifications import announce
from functions.services.publication import approval_blocker
from functions.services.queue import done_item
from functions.services.submissions import can_see, desk, log_item, queue_keys, routed_to, visible
from schemas.forms import DecisionRequest
from schemas.review import AWAITING, STAGE_NAMES, after_decision

if TYPE_CHECKING:
    from functions.dal.parties import Parties
    from functions.dal.people import ClaimKey

NUMBERING_RETRIES = 30
AUDIT_PAGE, AUDIT_PAGE_MAX = 200, 1000


def decide(stores: Stores, kind: str, record_id: str, principal: Principal, form: DecisionRequest) -> dict[str, Any]:
    # Checked and claimed once, before the numbering loop: debarments (§七(四)) and one person, one approval.
    # A report's people are read once (their party items hold both debarments and claims).
    head = visible(stores, kind, record_id, principal)
    first = _decision_change(stores, head, principal, form)
    claimed: list[ClaimKey] = []
    if form.decision == "approve":
        people = stores.records.body(head["id"], head["version"])["candidates"] if head["kind"] == "report" else []
        parties = stores.parties.read([head["owner"], *(c["id_number"] for c in people)])
        _refuse_debarred(stores, head, people, parties)
        if head["kind"] == "report" and first.set["status"] == "approved":
            claimed = claim_for_approval(stores, head, people, first.set["updated_at"], parties)
    try:
        return _decide(stores, kind, record_id, principal, form)
    except Exception:
        release(stores, head, claimed)
        raise


def _decide(stores: Stores, kind: str, record_id: str, principal: Principal, form: DecisionRequest) -> dict[str, Any]:
    for _ in range(NUMBERING_RETRIES):
        head = visible(stores, kind, record_id, principal)
        change = _decision_change(stores, head, principal, form)
        try:
            stores.records.apply(change)
        except Conflict:
            fresh = stores.records.head(record_id)
            if fresh and (fresh["version"], fresh["status"], fresh.get("stage")) == (
                head["version"],
                head["status"],
                head.get("stage"),
            ):
                continue  # only a counter moved (another approval took numbers): claim again
            raise Conflict("该记录已被其他审核人员处理，请刷新后查看") from None
        if head["kind"] == "report" and change.set["status"] == "approved":
            _complete_certificates(stores, record_id)
        announce(head, change.set["status"], head["version"], change.set["updated_at"], form.comment)
        return {
            "id": record_id,
            "status": change.set["status"],
            "version": head["version"],
            "stage": change.set.get("stage"),
        }
    raise Conflict("编号分配繁忙，请稍后重试")


def _refuse_debarred(stores: Stores, head: dict[str, Any], people: list[dict[str, Any]], parties: Parties) -> None:
    """§七(四): a decision that would approve a debarred enterprise or person is refused, not only submissions."""
    subjects = {"enterprise": head["owner"]}
    subjects.update({f"candidates[{i}].id_number": c["id_number"] for i, c in enumerate(people)})
    problems = debarred(stores.debarments, subjects, clock.today(), parties)
    if problems:
        raise Conflict("不能通过：" + "；".join(p.message for p in problems[:3]), problems)


def _complete_certificates(stores: Stores, report_id: str) -> None:
    """Write the approved report's certificate items; the decision stands even if this fails (the next read
    of the certificates or the published list completes them, from the marker the decision left)."""
    try:
        complete(stores.records, report_id)
    except ServiceUnavailable:
        logger.exception("certificates left to complete later", extra={"record_id": report_id})


def _decision_change(stores: Stores, head: dict[str, Any], principal: Principal, form: DecisionRequest) -> Change:
    if not routed_to(principal, head):
        raise Forbidden("该记录不由您审核：省级审核人员可以查看全省记录，但只审核送至省级的记录")
    if head["status"] not in AWAITING:
        raise Conflict("该记录已有审核结果，不能再次审核")
    stage = head.get("stage")
    if stage is None or desk(stage, head["city"]) != principal.reviewer:
        raise Conflict(f"该记录目前由{STAGE_NAMES.get(stage or '', '')}审核，不在您的待审列表中")
    if form.version != head["version"]:
        raise Conflict(f"记录已更新到第 {head['version']} 版，请刷新后审核最新版本")
    status, next_stage = after_decision(form.decision, tuple(head["stages"]), stage)
    if status == "approved" and (blocker := approval_blocker(head, clock.today())):
        raise Conflict(blocker)  # §五(二)2②: the S shortlist's public notice must have ended
    at = clock.stamp()
    fields: dict[str, Any] = {"status": status, "updated_at": at}
    remove = ["gsi2pk", "gsi2sk", "stage"]
    if status == "returned" and head.get("notice_id"):
        remove += ["notice_id", "notice_end"]  # a corrected roster needs a notice of its own
    if next_stage:
        fields["stage"] = next_stage
        fields.update(queue_keys(head["kind"], next_stage, head["city"], at, head["id"]))
        remove = []
    extra: list[dict[str, Any]] = []
    if status == "approved":
        fields["approved_at"] = at
        if head["kind"] == "filing":
            existing = head.get("existing_institution")
            extra = site_sequence_items(stores.records, head["owner"], head["enterprise_name"], head["city"], existing)
        elif head["kind"] == "report":
            body = stores.records.body(head["id"], head["version"])
            extra = certificate_items(stores.records, head, body, at[:10], at)
    after = {k: v for k, v in {**head, **fields}.items() if k not in remove}
    extra += stats.change_items(stores.records, head, after)
    log = log_item(
        principal, "decision", head["version"], status, at, decision=form.decision, comment=form.comment, stage=stage
    )
    return Change(
        head["id"],
        expect_version=head["version"],
        expect_statuses=[head["status"]],
        expect_stage=stage,
        set=fields,
        remove=remove,
        puts=[{**log, "pk": f"REC#{head['id']}"}, done_item(principal, head, form.decision, status, at)],
        extra=extra,
    )


def audit(
    stores: Stores, subject: str, principal: Principal, cursor: str | None = None, limit: int = AUDIT_PAGE
) -> dict[str, Any]:
    """One page of the history, oldest first, with `next` until the last event (never cut off silently)."""
    head = stores.records.head(subject)
    if head is not None:
        if not can_see(principal, head):
            raise NotFound()
        pk = f"REC#{subject}"
    else:
        if principal.role not in ("province_reviewer", "admin"):
            raise NotFound()
        pk = f"AUDIT#{subject}"
    limit = max(1, min(limit, AUDIT_PAGE_MAX))
    events, after = stores.records.query(pk, "LOG#", limit=limit, cursor=cursor, newest_first=False)
    keep = ("action", "decision", "comment", "by", "role", "version", "status", "stage", "at", "detail")
    return {"subject": subject, "events": [{k: e[k] for k in keep if k in e} for e in events], "next": after}

"""Creating, resubmitting, reading and listing filings, plans and reports."""

from __future__ import annotations

import secrets
from typing import Any

from pydantic import BaseModel

from functions.auth import Principal
from functions.dal.records import Change
from functions.errors import Conflict, NotFound, ValidationFailed
from functions.services import clock, stats
from functions.services.kinds import KINDS, Kind, Stores
from functions.services.notifications import announce
from schemas.review import AWAITING

PAGE_DEFAULT, PAGE_MAX = 20, 100
ALL = "ALL"  # the route pointer partition of every record in the province
OVERSIGHT = frozenset({"province_reviewer", "admin"})
WORKFLOW_ACTIONS = ("submit", "resubmit", "decision")


def desk(stage: str, city: str) -> str:
    return f"CITY#{city}" if stage == "city" else "PROVINCE"


def queue_keys(kind: str, stage: str, city: str, submitted_at: str, record_id: str) -> dict[str, str]:
    return {"gsi2pk": f"QUEUE#{desk(stage, city)}#{kind}", "gsi2sk": f"{submitted_at}#{record_id}"}


def log_item(principal: Principal, action: str, version: int, status: str, at: str, **extra: Any) -> dict[str, Any]:
    return {
        "sk": f"LOG#{at}#{secrets.token_hex(4)}",
        "action": action,
        "by": principal.subject,
        "role": principal.role,
        "version": version,
        "status": status,
        "at": at,
        **{k: v for k, v in extra.items() if v is not None},
    }


def _body(form: BaseModel) -> dict[str, Any]:
    return form.model_dump(mode="json", exclude={"version"})


def submit(
    stores: Stores, kind_name: str, principal: Principal, form: BaseModel, body: str | None = None
) -> dict[str, Any]:
    """`body`: the form already dumped to JSON by the caller (a 2,000-candidate report is not dumped twice)."""
    kind = KINDS[kind_name]
    prepared = kind.prepare(stores, principal, form, clock.today())
    if prepared.problems:
        raise ValidationFailed(prepared.problems)
    record_id = f"{kind.prefix}-{secrets.token_hex(8)}"
    at = clock.stamp()
    first = prepared.stages[0]
    city = prepared.fields["city"]
    head = {
        **prepared.fields,
        "id": record_id,
        "kind": kind.name,
        "owner": principal.uscc,
        "status": "submitted",
        "version": 1,
        "stages": list(prepared.stages),
        "stage": first,
        "created_at": at,
        "submitted_at": at,
        "updated_at": at,
        "gsi1pk": f"OWNER#{principal.uscc}#{kind.name}",
        "gsi1sk": f"{at}#{record_id}",
        **queue_keys(kind.name, first, city, at, record_id),
    }
    log = log_item(principal, "submit", 1, "submitted", at, stage=first)
    # Pointers: one per desk the record is routed to, one under its city for exports, and one province-wide
    # for the province's oversight (it reads every record).
    desks = [desk(s, city) for s in prepared.stages] + [f"IN#{city}", ALL]
    stored = body if body is not None else _body(form)
    stores.records.create(head, stored, log, desks, stats.change_items(stores.records, None, head))
    announce(head, "submitted", 1, at)
    return {"id": record_id, "status": "submitted", "version": 1}


def resubmit(stores: Stores, kind_name: str, record_id: str, principal: Principal, form: Any) -> dict[str, Any]:
    kind = KINDS[kind_name]
    head = _owned(stores, kind, record_id, principal)
    if head["status"] != "returned":
        raise Conflict("只有被退回修改的记录才能重新提交", [])
    if form.version != head["version"]:
        raise Conflict(f"记录已更新到第 {head['version']} 版，请刷新后在最新版本上修改")
    prepared = kind.prepare(stores, principal, form, clock.today())
    if prepared.problems:
        raise ValidationFailed(prepared.problems)
    at = clock.stamp()
    version = head["version"] + 1
    first = prepared.stages[0]
    fields = {
        **prepared.fields,
        "status": "submitted",
        "version": version,
        "stages": list(prepared.stages),
        "stage": first,
        "submitted_at": at,
        "updated_at": at,
        **queue_keys(kind.name, first, prepared.fields["city"], at, record_id),
    }
    change = Change(
        record_id,
        expect_version=head["version"],
        expect_statuses=["returned"],
        set=fields,
        puts=[
            {**log_item(principal, "resubmit", version, "submitted", at, stage=first), "pk": f"REC#{record_id}"},
            *_new_routes(head, prepared.stages, prepared.fields["city"]),
        ],
        extra=stats.change_items(stores.records, head, {**head, **fields}),
    )
    stores.records.apply(change, body=_body(form), new_version=version)
    announce({**head, **prepared.fields}, "submitted", version, at)
    return {"id": record_id, "status": "submitted", "version": version}


def _new_routes(head: dict[str, Any], stages: tuple[str, ...], city: str) -> list[dict[str, Any]]:
    """Route pointers for desks a corrected city or category brings in (the old desks' lists skip it)."""
    before = {desk(s, head["city"]) for s in head["stages"]}
    return [
        {"pk": f"ROUTE#{d}#{head['kind']}", "sk": f"{head['created_at']}#{head['id']}", "id": head["id"]}
        for d in dict.fromkeys(desk(s, city) for s in stages)
        if d not in before
    ]


def can_see(principal: Principal, head: dict[str, Any]) -> bool:
    """The owner; the city desk a record is routed to; the province and admins every record (oversight)."""
    if principal.role == "enterprise":
        return bool(head.get("owner") == principal.uscc)
    if principal.role == "city_reviewer":
        return "city" in head.get("stages", []) and head.get("city") == principal.city
    return principal.role in OVERSIGHT


def routed_to(principal: Principal, head: dict[str, Any]) -> bool:
    """Whether the caller's desk is one the record is routed to (at any stage)."""
    return principal.reviewer in {desk(s, head["city"]) for s in head.get("stages", [])}


def can_decide(principal: Principal, head: dict[str, Any]) -> bool:
    """Whether the record awaits the caller's desk now."""
    stage = head.get("stage")
    return head.get("status") in AWAITING and stage is not None and desk(stage, head["city"]) == principal.reviewer


def visible(stores: Stores, kind_name: str, record_id: str, principal: Principal) -> dict[str, Any]:
    head = stores.records.head(record_id)
    if head is None or head.get("kind") != kind_name or not can_see(principal, head):
        raise NotFound()
    return head


def _owned(stores: Stores, kind: Kind, record_id: str, principal: Principal) -> dict[str, Any]:
    head = stores.records.head(record_id)
    if head is None or head.get("kind") != kind.name or head.get("owner") != principal.uscc:
        raise NotFound()
    return head


PUBLIC_HEAD_FIELDS = (
    "id", "kind", "status", "version", "stage", "stages", "owner", "enterprise_name", "city", "categories",
    "levels", "level", "campaign", "phase", "review_date", "filing_id", "plan_id", "candidate_count",
    "created_at", "submitted_at", "updated_at", "existing_institution", "notice_id", "notice_end",
)  # fmt: skip


def summary(head: dict[str, Any]) -> dict[str, Any]:
    return {k: head[k] for k in PUBLIC_HEAD_FIELDS if k in head}


def detail(stores: Stores, head: dict[str, Any], principal: Principal | None = None) -> dict[str, Any]:
    logs = [log for log in stores.records.partition(f"REC#{head['id']}", "LOG#") if log["action"] in WORKFLOW_ACTIONS]
    desk_view = (
        {"can_decide": can_decide(principal, head), "routed_to_me": routed_to(principal, head)}
        if principal is not None and principal.is_staff
        else {}
    )
    data = stores.records.body(head["id"], head["version"])
    return {
        **summary(head),
        **_staff_only(stores, head, data, principal),
        "awaiting": head["status"] in AWAITING,
        **desk_view,
        "data": data,
        "history": [
            {k: log.get(k) for k in ("action", "decision", "comment", "role", "version", "status", "stage", "at")}
            for log in logs
        ],
        "decisions": [
            {k: log.get(k) for k in ("decision", "comment", "role", "version", "stage", "at")}
            for log in logs
            if log["action"] == "decision"
        ],
    }


def _staff_only(
    stores: Stores, head: dict[str, Any], data: dict[str, Any], principal: Principal | None
) -> dict[str, Any]:
    """What only staff see: for a report, its candidates approved for the same level and campaign elsewhere
    (they name another enterprise), recomputed on every read so an approval since submission shows too."""
    if principal is None or not principal.is_staff or head.get("kind") != "report":
        return {}
    from functions.services.duplicates import approved_elsewhere

    found = approved_elsewhere(stores, head, data.get("candidates", []))
    return {"duplicates": found, "duplicate_count": len(found)}


def version_body(stores: Stores, head: dict[str, Any], version: int) -> dict[str, Any]:
    if not 1 <= version <= head["version"]:
        raise NotFound(f"没有第 {version} 版")
    return stores.records.body(head["id"], version)


def list_for(stores: Stores, kind_name: str, principal: Principal, cursor: str | None, limit: int) -> dict[str, Any]:
    limit = max(1, min(limit, PAGE_MAX))
    if principal.role == "enterprise":
        heads, after = stores.records.query(
            f"OWNER#{principal.uscc}#{kind_name}", index="gsi1", limit=limit, cursor=cursor
        )
    else:
        where = ALL if principal.role in OVERSIGHT else principal.reviewer
        pointers, after = stores.records.query(f"ROUTE#{where}#{kind_name}", limit=limit, cursor=cursor)
        heads = [h for h in stores.records.heads([p["id"] for p in pointers]) if can_see(principal, h)]
    return {"items": [summary(h) for h in heads], "next": after}

"""The debarment list (§七(四)): findings of fraud, who may record them, what they cancel, search and lifting.

对申请人或申报单位弄虚作假的，应取消其参加本年度评审资格，五年内不得申请或参与 — so a finding also cancels
the party's results in that campaign: its certificates are marked `revoked`, the published list drops them,
and each change is audited on the report it touches. 属地管理: a city reviewer records findings for enterprises of
its city and for people in reports routed to its city; the province and administrators anywhere.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from functions.auth import Principal
from functions.errors import FieldProblem, Forbidden, NotFound, ValidationFailed
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.submissions import log_item
from schemas.fields import check_id_number, check_uscc
from schemas.forms import DebarmentRequest

AUDIT = "AUDIT#debarments"
PAGE_DEFAULT, PAGE_MAX = 50, 200
KEEP = (
    "id", "subject_type", "subject_id", "subject_name", "reason", "decided_on", "until", "campaign", "record_id",
    "city", "created_at", "by_role", "lifted_on", "lift_reason", "cancelled",
)  # fmt: skip


def _view(item: dict[str, Any], today: date) -> dict[str, Any]:
    active = not item.get("lifted_on") and date.fromisoformat(item["until"]) > today
    return {**{k: item[k] for k in KEEP if k in item}, "active": active}


# ---- who may record a finding --------------------------------------------------------------------------


def _finding_city(stores: Stores, principal: Principal, form: DebarmentRequest) -> str | None:
    """The city the finding belongs to; Forbidden when a city reviewer reaches outside its own (属地管理)."""
    head = stores.records.head(form.record_id) if form.record_id else None
    if form.record_id and head is None:
        raise ValidationFailed([FieldProblem("record_id", "找不到该记录，请核对编号", "record_unknown")])
    if form.subject_type == "enterprise":
        profile = stores.records.get(f"ENT#{form.subject_id}", "PROFILE")
        if head is not None and head.get("owner") == form.subject_id:
            city = head.get("city")
        else:
            city = profile.get("city") if profile else None
    else:
        if head is not None and not _names_person(stores, head, form.subject_id):
            problem = FieldProblem("record_id", "该记录的人员名单中没有此身份证号码", "person_not_in_record")
            raise ValidationFailed([problem])
        city = head.get("city") if head is not None and "city" in head.get("stages", []) else None
    if principal.role in ("province_reviewer", "admin"):
        return city
    if principal.role != "city_reviewer":
        raise Forbidden()
    if form.subject_type == "person" and not form.record_id:
        raise ValidationFailed(
            [FieldProblem("record_id", "地市审核人员登记个人时，须填写该人员所在的评价结果报备编号", "missing")]
        )
    if city != principal.city:
        what = "本市企业" if form.subject_type == "enterprise" else "报送本市审核的评价结果中的人员"
        raise Forbidden(f"地市审核人员只能登记{what}的弄虚作假处理（属地管理），其他请报省技能中心")
    return city


def _names_person(stores: Stores, head: dict[str, Any], id_number: str) -> bool:
    if head.get("kind") != "report":
        return False
    body = stores.records.body(head["id"], head["version"])
    return any(c.get("id_number") == id_number for c in body.get("candidates", []))


# ---- recording, cancelling, searching, lifting -----------------------------------------------------------


def add(stores: Stores, principal: Principal, form: DebarmentRequest) -> dict[str, Any]:
    city = _finding_city(stores, principal, form)
    at = clock.stamp()
    item = {
        "id": f"DBR-{secrets.token_hex(8)}",
        "subject_type": form.subject_type,
        "subject_id": form.subject_id,
        "subject_name": form.subject_name,
        "reason": form.reason,
        "decided_on": form.decided_on.isoformat(),
        "until": form.until.isoformat(),
        "campaign": form.cancelled_campaign,
        "record_id": form.record_id,
        "city": city,
        "created_at": at,
        "by": principal.subject,
        "by_role": principal.role,
    }
    stores.debarments.add(item)
    detail = {"id": item["id"], "subject_type": form.subject_type, "campaign": item["campaign"]}
    stores.records.put({**log_item(principal, "debar", 0, "active", at, detail=detail), "pk": AUDIT})
    from functions.services.revocations import cancel_results

    cancelled = cancel_results(stores, principal, item, at)
    return {**_view(item, clock.today()), "cancelled": cancelled}


def search(stores: Stores, query: str | None, cursor: str | None, limit: int) -> dict[str, Any]:
    """By ID number or USCC (keyed on the party), by name (keyed on the name), or the whole list a page at a
    time. Staff only: the answers carry ID numbers."""
    today = clock.today()
    limit = max(1, min(limit, PAGE_MAX))
    text = (query or "").strip().upper()
    if not text:
        items, after = stores.debarments.page(cursor, limit)
        return {"items": [_view(d, today) for d in items], "next": after}
    subject = _identifier(text)
    found = stores.debarments.of(subject) if subject else stores.debarments.named(query or "")
    return {"items": [_view(d, today) for d in found], "next": None}


def _identifier(text: str) -> str | None:
    """The text as an ID number or USCC when it is one, else None (then it is searched as a name)."""
    for check in (check_id_number, check_uscc):
        try:
            return check(text)
        except ValueError:
            continue
    return None


def lift(stores: Stores, principal: Principal, debarment_id: str, reason: str) -> dict[str, Any]:
    at = clock.stamp()
    fields = {"lifted_on": at[:10], "lift_reason": reason, "lifted_by": principal.subject}
    item = stores.debarments.lift(debarment_id, fields)
    if item is None:
        raise NotFound("找不到该处理记录")
    detail = {"id": debarment_id}
    stores.records.put({**log_item(principal, "lift", 0, "lifted", at, detail=detail, comment=reason), "pk": AUDIT})
    return _view(item, clock.today())

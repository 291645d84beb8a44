"""The debarment list (§七(四)): who may not apply or take part, and until when."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from functions.auth import Principal
from functions.errors import Conflict, NotFound
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.submissions import log_item
from schemas.forms import DebarmentRequest

AUDIT = "AUDIT#debarments"


def _view(item: dict[str, Any], today: date) -> dict[str, Any]:
    keep = (
        "id",
        "subject_type",
        "subject_id",
        "reason",
        "decided_on",
        "until",
        "created_at",
        "lifted_on",
        "lift_reason",
    )
    active = not item.get("lifted_on") and date.fromisoformat(item["until"]) > today
    return {**{k: item[k] for k in keep if k in item}, "active": active}


def add(stores: Stores, principal: Principal, form: DebarmentRequest) -> dict[str, Any]:
    at = clock.stamp()
    item = {
        "id": f"DBR-{secrets.token_hex(8)}",
        "subject_type": form.subject_type,
        "subject_id": form.subject_id,
        "reason": form.reason,
        "decided_on": form.decided_on.isoformat(),
        "until": form.until.isoformat(),
        "created_at": at,
        "by": principal.subject,
    }
    stores.debarments.add(item)
    stores.records.put({**log_item(principal, "debar", 0, "active", at, detail={"id": item["id"]}), "pk": AUDIT})
    return _view(item, clock.today())


def listing(stores: Stores) -> dict[str, Any]:
    today = clock.today()
    return {"items": [_view(d, today) for d in stores.debarments.all()]}


def lift(stores: Stores, principal: Principal, debarment_id: str, reason: str) -> dict[str, Any]:
    item = stores.debarments.find(debarment_id)
    if item is None:
        raise NotFound("找不到该处理记录")
    if item.get("lifted_on"):
        raise Conflict("该处理已解除")
    at = clock.stamp()
    item = {**item, "lifted_on": at[:10], "lift_reason": reason, "lifted_by": principal.subject}
    stores.debarments.save(item)
    stores.records.put({**log_item(principal, "lift", 0, "lifted", at, detail={"id": debarment_id}), "pk": AUDIT})
    return _view(item, clock.today())

"""Accounts administered in the system, and enterprises' requests for one; every change audited.

An administrator creates, disables and enables any account; a city reviewer only enterprise accounts of its
own city. A request is decided by its city's reviewers (or an administrator); approving creates the account.
The audit trail is `GET /api/audit?subject=accounts`.
"""

from __future__ import annotations

import secrets
from typing import Any

from functions.auth import Principal
from functions.dal.account_requests import AccountRequestStore
from functions.dal.accounts import ROLES, CognitoAccounts
from functions.errors import Conflict, Forbidden, NotFound
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.submissions import log_item
from schemas.accounts import (
    AccountRequest,
    AccountRequestDecision,
    AccountRequestForm,
    may_administer,
    may_decide,
)

AUDIT = "AUDIT#accounts"


def _audit(stores: Stores, principal: Principal, action: str, status: str, detail: dict[str, Any]) -> dict[str, Any]:
    return {**log_item(principal, action, 0, status, clock.stamp(), detail=detail), "pk": AUDIT}


def create(stores: Stores, accounts: CognitoAccounts, principal: Principal, form: AccountRequest) -> dict[str, Any]:
    city = form.city
    if principal.role == "city_reviewer" and form.role == "enterprise" and city is None:
        city = principal.city  # a city's enterprise accounts belong to that city
    if not may_administer(principal.role, principal.city, form.role, city):
        raise Forbidden("地市审核人员只能为本市企业开通账号")
    created = accounts.create(form.email, form.name, form.role, form.uscc, city)
    detail = {"username": created["username"], "role": form.role, "uscc": form.uscc, "city": city}
    stores.records.put(_audit(stores, principal, "account_create", "enabled", detail))
    return created


def listing(
    accounts: CognitoAccounts, principal: Principal, role: str | None, city: str | None, text: str | None
) -> dict[str, Any]:
    if principal.role == "city_reviewer":
        role, city = "enterprise", principal.city  # a city sees its own enterprises' accounts only
    found: list[dict[str, Any]] = []
    for r in [role] if role else list(ROLES):
        found += accounts.in_role(r)
    if city:
        found = [a for a in found if a["city"] == city]
    if text:
        needle = text.strip().lower()
        found = [a for a in found if any(needle in str(a.get(k) or "").lower() for k in ("email", "name", "uscc"))]
    found.sort(key=lambda a: a.get("created_at") or "", reverse=True)
    return {"items": found}


def set_enabled(
    stores: Stores, accounts: CognitoAccounts, principal: Principal, username: str, enabled: bool
) -> dict[str, Any]:
    account = accounts.get(username)
    if not may_administer(principal.role, principal.city, account["role"] or "", account["city"]):
        raise NotFound("找不到该账号，或您无权管理")
    accounts.set_enabled(username, enabled)
    action = "account_enable" if enabled else "account_disable"
    detail = {"username": username, "role": account["role"], "city": account["city"]}
    stores.records.put(_audit(stores, principal, action, "enabled" if enabled else "disabled", detail))
    return {**account, "enabled": enabled}


# ---------------------------------------------------------------- requests


def _request_view(item: dict[str, Any]) -> dict[str, Any]:
    keep = (
        "id",
        "uscc",
        "enterprise_name",
        "city",
        "contact",
        "status",
        "created_at",
        "decided_at",
        "reason",
        "username",
    )
    return {k: item[k] for k in keep if k in item}


def ask(store: AccountRequestStore, form: AccountRequestForm) -> tuple[int, dict[str, Any]]:
    """Anonymous: store the request (one pending per USCC); the same request sent again answers the first."""
    waiting = store.pending_for(form.uscc)
    if waiting is not None:
        if waiting["contact"]["email"] == form.contact.email and waiting["city"] == form.city:
            return 200, {"id": waiting["id"], "status": "pending"}
        raise Conflict("该企业已有待处理的账号申请，请等待所在地市审核")
    item = {
        "id": f"AR-{secrets.token_hex(6)}",
        **form.model_dump(mode="json"),
        "status": "pending",
        "created_at": clock.stamp(),
    }
    store.create(item)
    return 201, {"id": item["id"], "status": "pending"}


def requests_of(
    store: AccountRequestStore, principal: Principal, city: str | None, cursor: str | None, limit: int
) -> dict[str, Any]:
    if principal.role == "city_reviewer":
        city = principal.city
    if not city:
        raise NotFound("请选择地市")
    items, following = store.of_city(city, limit, cursor)
    return {"items": [_request_view(i) for i in items], "next": following}


def decide(
    stores: Stores,
    store: AccountRequestStore,
    accounts: CognitoAccounts,
    principal: Principal,
    request_id: str,
    form: AccountRequestDecision,
) -> dict[str, Any]:
    item = store.find(request_id)
    if item is None or not may_decide(principal.role, principal.city, item["city"]):
        raise NotFound("找不到该申请，或您无权处理")
    if item["status"] != "pending":
        raise Conflict("该申请已处理")
    fields: dict[str, Any] = {"status": "approved" if form.decision == "approve" else "rejected"}
    fields |= {"decided_at": clock.stamp(), "decided_by": principal.subject, "reason": form.reason}
    detail: dict[str, Any] = {"request": request_id, "uscc": item["uscc"], "city": item["city"]}
    if form.decision == "approve":
        contact = item["contact"]
        created = accounts.create(contact["email"], contact["name"], "enterprise", item["uscc"], item["city"])
        fields["username"] = detail["username"] = created["username"]
    store.decide(
        item, fields, _audit(stores, principal, f"account_request_{fields['status']}", fields["status"], detail)
    )
    return _request_view({**item, **fields})

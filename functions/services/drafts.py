"""Drafts: save, list, read, replace and discard what an enterprise is typing (owner-only, expiring)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from functions.auth import Principal
from functions.dal.drafts import DraftStore
from functions.dal.items import pack
from functions.errors import ApiError, Conflict, NotFound
from functions.services import clock
from schemas.drafts import DRAFT_DAYS, DRAFT_KINDS, DRAFT_MAX_BYTES, DRAFTS_PER_ENTERPRISE, DraftRequest

_NOT_FOUND = "找不到该草稿：可能已提交、已删除或超过 90 天未修改而过期"


def _packed(body: Any) -> bytes:
    packed = pack({"body": body})
    if len(packed) > DRAFT_MAX_BYTES:
        raise ApiError("草稿内容过大，无法保存；请分批报备或删减后重试", [], 413, "too_large")
    return packed


def _expiry(now: datetime) -> datetime:
    return now + timedelta(days=DRAFT_DAYS)


def _summary(item: dict[str, Any]) -> dict[str, Any]:
    expires = datetime.fromtimestamp(int(item["ttl"]), clock.CHINA).date().isoformat()
    return {
        "id": item["id"],
        "kind": item["kind"],
        "kind_name": DRAFT_KINDS.get(item["kind"], item["kind"]),
        "title": item.get("title", ""),
        "record_id": item.get("record_id"),
        "created_at": item["created_at"],
        "updated_at": item["updated_at"],
        "expires_on": expires,
    }


def _live(item: dict[str, Any] | None) -> bool:
    """DynamoDB's TTL removes items days late: an expired draft is gone the moment it expires."""
    return item is not None and int(item.get("ttl", 0)) > clock.now().timestamp()


def _owner(principal: Principal) -> str:
    return principal.uscc or ""


def create(store: DraftStore, principal: Principal, form: DraftRequest) -> dict[str, Any]:
    body = _packed(form.body)
    if len([d for d in store.list(_owner(principal)) if _live(d)]) >= DRAFTS_PER_ENTERPRISE:
        raise Conflict(f"草稿已有 {DRAFTS_PER_ENTERPRISE} 份，请先提交或删除不用的草稿")
    draft_id = f"DRF-{secrets.token_hex(8)}"
    return _write(store, principal, draft_id, form, body, None)


def replace(store: DraftStore, principal: Principal, draft_id: str, form: DraftRequest) -> dict[str, Any]:
    body = _packed(form.body)
    current = store.get(_owner(principal), draft_id)
    if not _live(current):
        raise NotFound(_NOT_FOUND)
    assert current is not None
    return _write(store, principal, draft_id, form, body, current["created_at"])


def _write(
    store: DraftStore, principal: Principal, draft_id: str, form: DraftRequest, body: bytes, created: str | None
) -> dict[str, Any]:
    now = clock.now()
    at = now.isoformat(timespec="microseconds")
    fields = {
        "kind": form.kind,
        "title": form.title,
        "record_id": form.record_id,
        "created_at": created or at,
        "updated_at": at,
        "size": len(body),
        "ttl": int(_expiry(now).timestamp()),
    }
    store.put(_owner(principal), draft_id, fields, body)
    return {"id": draft_id, "updated_at": at, "expires_on": _expiry(now).date().isoformat()}


def listing(store: DraftStore, principal: Principal) -> dict[str, Any]:
    drafts = [_summary(d) for d in store.list(_owner(principal)) if _live(d)]
    drafts.sort(key=lambda d: d["updated_at"], reverse=True)
    return {"items": drafts}


def read(store: DraftStore, principal: Principal, draft_id: str) -> dict[str, Any]:
    item = store.get(_owner(principal), draft_id)
    if not _live(item):
        raise NotFound(_NOT_FOUND)
    assert item is not None
    return {**_summary(item), "body": item["body"]["body"]}


def discard(store: DraftStore, principal: Principal, draft_id: str | None) -> None:
    """Delete one of the caller's drafts; unknown or someone else's is simply not there (idempotent)."""
    if draft_id:
        store.delete(_owner(principal), draft_id)

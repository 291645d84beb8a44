"""What a reviewer works from: the queue awaiting their desk, every record they may read (the province: all of
them), what they decided themselves (已办), and counts per kind. Filters apply after DynamoDB's Limit, so each
listing reads on until its page is full or the listing ends: a page is never empty while more follow.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from functions.auth import Principal
from functions.services.kinds import Stores
from functions.services.submissions import ALL, OVERSIGHT, can_decide, can_see, summary

KIND_NAMES = ("filing", "plan", "report")


@dataclass(frozen=True)
class Filters:
    level: str | None = None
    city: str | None = None
    phase: int | None = None
    status: str | None = None
    q: str | None = None  # part of the enterprise name, a USCC, or a record id

    def equal(self) -> dict[str, Any]:
        pairs = {"level": self.level, "city": self.city, "phase": self.phase, "status": self.status}
        return {k: v for k, v in pairs.items() if v is not None}

    def search(self) -> list[tuple[str, str, Any]] | None:
        text = (self.q or "").strip()
        if not text:
            return None
        return [("contains", "enterprise_name", text), ("=", "owner", text.upper()), ("=", "id", text)]

    def match(self, head: dict[str, Any]) -> bool:
        if any(head.get(k) != v for k, v in self.equal().items()):
            return False
        found = self.search()
        if not found:
            return True
        return any((v in str(head.get(a, ""))) if op == "contains" else head.get(a) == v for op, a, v in found)


def _row(principal: Principal, head: dict[str, Any]) -> dict[str, Any]:
    return {**summary(head), "can_decide": can_decide(principal, head)}


def queue(
    stores: Stores, principal: Principal, kind: str, filters: Filters, cursor: str | None, limit: int
) -> dict[str, Any]:
    """Records awaiting the caller's desk, oldest submission first."""
    heads: list[dict[str, Any]] = []
    after = cursor
    while True:
        page, after = stores.records.query(
            f"QUEUE#{principal.reviewer}#{kind}",
            index="gsi2",
            limit=limit - len(heads),
            cursor=after,
            newest_first=False,
            filters=filters.equal() or None,
            search=filters.search(),
        )
        heads += page
        if len(heads) >= limit or not after:
            break
    return {"items": [_row(principal, h) for h in heads], "next": after}


def records(
    stores: Stores, principal: Principal, kind: str, filters: Filters, cursor: str | None, limit: int
) -> dict[str, Any]:
    """Every record of `kind` the caller may read, newest first: a city its desk's, the province all."""
    if principal.role in OVERSIGHT:
        partition = f"ROUTE#IN#{filters.city}#{kind}" if filters.city else f"ROUTE#{ALL}#{kind}"
    else:
        partition = f"ROUTE#{principal.reviewer}#{kind}"
    heads: list[dict[str, Any]] = []
    after = cursor
    while True:  # never more pointers than the page still has room for, so the cursor stays exact
        pointers, after = stores.records.query(partition, limit=limit - len(heads), cursor=after)
        found = stores.records.heads([p["id"] for p in pointers])
        heads += [h for h in found if can_see(principal, h) and filters.match(h)]
        if len(heads) >= limit or not after:
            break
    return {"items": [_row(principal, h) for h in heads], "next": after}


def counts(stores: Stores, principal: Principal) -> dict[str, int]:
    """How many records of each kind await the caller's desk."""
    return {f"{k}s": stores.records.count(f"QUEUE#{principal.reviewer}#{k}", index="gsi2") for k in KIND_NAMES}


def done_key(principal: Principal) -> str:
    return f"DONE#{principal.subject or principal.role}"


def done_item(principal: Principal, head: dict[str, Any], decision: str, status: str, at: str) -> dict[str, Any]:
    """The pointer a decision leaves in its reviewer's 已办 list (written in the decision's transaction)."""
    return {
        "pk": done_key(principal),
        "sk": f"{at}#{head['id']}",
        "id": head["id"],
        "kind": head["kind"],
        "decision": decision,
        "status": status,
        "version": head["version"],
        "stage": head.get("stage"),
        "enterprise_name": head.get("enterprise_name"),
        "level": head.get("level"),
        "city": head.get("city"),
        "at": at,
    }


def done(stores: Stores, principal: Principal, kind: str | None, cursor: str | None, limit: int) -> dict[str, Any]:
    """What the caller decided, newest first."""
    keep = ("id", "kind", "decision", "status", "version", "stage", "enterprise_name", "level", "city", "at")
    items: list[dict[str, Any]] = []
    after = cursor
    while True:
        page, after = stores.records.query(
            done_key(principal), limit=limit - len(items), cursor=after, filters={"kind": kind} if kind else None
        )
        items += [{k: i.get(k) for k in keep} for i in page]
        if len(items) >= limit or not after:
            break
    return {"items": items, "next": after}

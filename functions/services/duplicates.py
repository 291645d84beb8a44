"""One person, one approval (DOMAIN.md "Review"; §五): the same ID number approved for the same level in the
same campaign, by any enterprise, is flagged to reviewers from submission on and refused at final approval.

Cost is independent of how many reports exist: one keyed claim per person (`functions.dal.people`), read with
BatchGetItem and written conditionally just before the decision's own transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from functions.errors import Conflict, FieldProblem
from functions.services.kinds import Stores
from schemas.fields import LEVEL_NAMES
from schemas.review import AWAITING

if TYPE_CHECKING:
    from functions.dal.parties import Parties
    from functions.dal.people import ClaimKey

# A claim older than this belongs to a decision that can no longer be running (the API's limit is 29 s).
STALE_SECONDS = 120
NAMED_IN_MESSAGE = 3


def _keys(head: dict[str, Any], candidates: list[dict[str, Any]]) -> list[ClaimKey]:
    from functions.dal.people import person_key

    return [person_key(head["campaign"], head["level"], c["id_number"]) for c in candidates]


def _holders(stores: Stores, claims: dict[ClaimKey, dict[str, Any]], own: str | None) -> dict[str, dict[str, Any]]:
    others = sorted({c["report_id"] for c in claims.values() if c["report_id"] != own})
    return {h["id"]: h for h in stores.records.heads(others)}


def _entry(index: int, candidate: dict[str, Any], holder: dict[str, Any]) -> dict[str, Any]:
    return {
        "index": index,
        "name": candidate["name"],
        "report_id": holder["id"],
        "enterprise_name": holder.get("enterprise_name"),
        "uscc": holder.get("owner"),
        "city": holder.get("city"),
        "approved_at": holder.get("approved_at"),
    }


def approved_elsewhere(
    stores: Stores, head: dict[str, Any], candidates: list[dict[str, Any]], parties: Parties | None = None
) -> list[dict[str, Any]]:
    """The candidates already approved for this level and campaign in another report (staff only: it names
    the other enterprise). `parties`: the candidates' party items when the caller read them already."""
    keys = _keys(head, candidates)
    claims = stores.people.claims(keys, parties)
    holders = _holders(stores, claims, head.get("id"))
    out = []
    for index, (candidate, key) in enumerate(zip(candidates, keys, strict=True)):
        holder = holders.get((claims.get(key) or {}).get("report_id", ""))
        if holder is not None and holder["status"] == "approved":
            out.append(_entry(index, candidate, holder))
    return out


def _message(head: dict[str, Any], found: dict[str, Any]) -> str:
    return (
        f"第 {found['index'] + 1} 位人员（{found['name']}）已在 {head['campaign']} 年度作为{LEVEL_NAMES[head['level']]}"
        f"审核通过（报备 {found['report_id']}，{found['enterprise_name']}），同一人员同一级别每年度只能通过一次"
    )


def refusal(head: dict[str, Any], duplicates: list[dict[str, Any]]) -> Conflict:
    shown = "；".join(_message(head, d) for d in duplicates[:NAMED_IN_MESSAGE])
    more = f"；另有 {len(duplicates) - NAMED_IN_MESSAGE} 人" if len(duplicates) > NAMED_IN_MESSAGE else ""
    fields = [
        FieldProblem(f"candidates[{d['index']}].id_number", _message(head, d), "approved_elsewhere") for d in duplicates
    ]
    return Conflict(f"不能通过：{shown}{more}。请退回企业删除这些人员", fields)


def _stale(claim_at: str, now: str) -> bool:
    try:
        return (datetime.fromisoformat(now) - datetime.fromisoformat(claim_at)).total_seconds() > STALE_SECONDS
    except (TypeError, ValueError):
        return True


def claim_for_approval(
    stores: Stores, head: dict[str, Any], candidates: list[dict[str, Any]], at: str, parties: Parties | None = None
) -> list[ClaimKey]:
    """Claim every candidate for this report before its final approval; Conflict naming the other report and
    enterprise when one is already approved (or is being approved right now). Answers the claims written."""
    keys = _keys(head, candidates)
    claims = stores.people.claims(keys, parties)
    holders = _holders(stores, claims, head["id"])
    duplicates: list[dict[str, Any]] = []
    busy: list[int] = []
    writes: list[tuple[ClaimKey, dict[str, Any], dict[str, Any] | None]] = []
    for index, (candidate, key) in enumerate(zip(candidates, keys, strict=True)):
        claim = {"report_id": head["id"], "index": index, "at": at}
        current = claims.get(key)
        if current is None or current["report_id"] == head["id"]:
            writes.append((key, claim, None))
            continue
        holder = holders.get(current["report_id"])
        if holder is not None and holder["status"] == "approved":
            duplicates.append(_entry(index, candidate, holder))
        elif holder is not None and holder["status"] in AWAITING and not _stale(str(current.get("at")), at):
            busy.append(index)
        else:  # left by a decision that did not go through: take it over
            writes.append((key, claim, current))
    if duplicates:
        raise refusal(head, duplicates)
    if busy:
        names = "、".join(f"第 {i + 1} 位" for i in busy[:NAMED_IN_MESSAGE])
        raise Conflict(f"{names}人员正在另一份报备中审批，请稍后刷新重试")
    return stores.people.write(head["id"], writes)


def release(stores: Stores, head: dict[str, Any], keys: list[ClaimKey]) -> None:
    """Give the claims back after a decision that did not go through, unless the report was approved after all
    (another reviewer's approval of this same report holds the very same claims)."""
    if not keys:
        return
    fresh = stores.records.head(head["id"])
    if fresh is not None and fresh["status"] == "approved":
        return
    stores.people.release(keys, head["id"])

"""What the province publishes: the S shortlist's public notice (§五(二)2②) and the announcements, batch by
batch, of the enterprises and people certified (§六(二)). Name, enterprise, occupation, city; never an ID.

| item | pk | sk |
|---|---|---|
| a notice | `NOTICE#<id>` | `HEAD` (`campaign`, `start`, `end`, `report_ids`) · `P#<report>#<index>` a person |
| the notices, newest first | `NOTICES` | `<start>#<id>` |
| a report on a notice | its head gets `notice_id`, `notice_end` (conditional on its version, status and stage) |
| a batch announced | `ANNOUNCEMENT#<campaign>` | `B#<batch, 2 digits>` (`enterprises`, counts, `announced_on`) |
| a person announced | `ANNOUNCED#<campaign>#<batch, 2 digits>` | `<report>#<index>` |
| an announced chief technician | `PUBLIC#ANNOUNCED#S` | `<9999−year>#<99−batch>#<report>#<index>` (newest first) |
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from functions.auth import Principal
from functions.dal.items import to_item, value
from functions.errors import Conflict, FieldProblem, ValidationFailed
from functions.services import campaigns, clock
from functions.services.certificates import certificate_rows
from functions.services.issuance import approvals
from functions.services.kinds import Stores
from functions.services.submissions import log_item
from schemas.fields import LEVEL_NAMES
from schemas.publication import AnnouncementRequest, NoticeRequest, batch_name
from schemas.reference import cities, occupations
from schemas.review import AWAITING

PAGE_MAX = 100


def _person(name: str, enterprise: str, occupation: str, city: str, level: str) -> dict[str, Any]:
    return {
        "name": name,
        "enterprise": enterprise,
        "occupation": occupations()[occupation].name if occupation in occupations() else occupation,
        "city": cities()[city].name if city in cities() else city,
        "city_code": city,
        "level": LEVEL_NAMES.get(level, level),
    }


# ---- the S shortlist's public notice ----------------------------------------------------------------------


def open_notice(stores: Stores, principal: Principal, form: NoticeRequest) -> dict[str, Any]:
    records = stores.records
    campaigns.known(records, form.campaign)
    heads = {h["id"]: h for h in records.heads(form.report_ids)}
    problems = []
    for i, report_id in enumerate(form.report_ids):
        head = heads.get(report_id)
        why = _not_noticeable(head, form.campaign)
        if why:
            problems.append(FieldProblem(f"report_ids[{i}]", f"评价结果 {report_id} {why}", "report_not_noticeable"))
    if problems:
        raise ValidationFailed(problems)
    notice_id = f"NTC-{secrets.token_hex(6)}"
    at = clock.stamp()
    people: list[dict[str, Any]] = []
    for report_id in form.report_ids:
        head = heads[report_id]
        body = records.body(report_id, head["version"])
        for index, c in enumerate(body["candidates"]):
            person = _person(c["name"], head["enterprise_name"], c["occupation"], head["city"], "S")
            people.append({"pk": f"NOTICE#{notice_id}", "sk": f"P#{report_id}#{index:05d}", **person})
    notice = {
        "id": notice_id,
        "campaign": form.campaign,
        "start": form.start.isoformat(),
        "end": form.end.isoformat(),
        "report_ids": form.report_ids,
        "count": len(people),
        "created_at": at,
        "by": principal.subject,
    }
    records.batch_put(people)  # listed nowhere until the transaction below lists the notice
    # One transaction: every report marked (each conditional on the version, status and stage read, and on not
    # being on a notice already) and the notice listed; a report decided meanwhile refuses the whole notice.
    items = [_mark(records, heads[report_id], notice_id, form.end.isoformat()) for report_id in form.report_ids]
    listed = {"pk": "NOTICES", "sk": f"{notice['start']}#{notice_id}", **notice}
    items += [
        {"Put": {"TableName": records.table, "Item": to_item({**notice, "pk": f"NOTICE#{notice_id}", "sk": "HEAD"})}},
        {"Put": {"TableName": records.table, "Item": to_item(listed)}},
    ]
    records._transact(items)
    for report_id in form.report_ids:
        head = heads[report_id]
        log = log_item(principal, "public_notice", head["version"], head["status"], at, detail=_window(form))
        records.put({**log, "pk": f"REC#{report_id}"})
    return notice


def _mark(records: Any, head: dict[str, Any], notice_id: str, end: str) -> dict[str, Any]:
    return {
        "Update": {
            "TableName": records.table,
            "Key": to_item({"pk": f"REC#{head['id']}", "sk": "HEAD"}),
            "UpdateExpression": "SET notice_id = :n, notice_end = :e",
            "ConditionExpression": "#v = :v AND #st = :st AND #stage = :stage AND attribute_not_exists(notice_id)",
            "ExpressionAttributeNames": {"#v": "version", "#st": "status", "#stage": "stage"},
            "ExpressionAttributeValues": {
                ":n": value(notice_id),
                ":e": value(end),
                ":v": value(head["version"]),
                ":st": value(head["status"]),
                ":stage": value("province"),
            },
        }
    }


def _window(form: NoticeRequest) -> str:
    return f"首席技师入选名单公示 {form.start.isoformat()} 至 {form.end.isoformat()}"


def _not_noticeable(head: dict[str, Any] | None, campaign: str) -> str | None:
    if head is None or head.get("kind") != "report":
        return "不存在"
    if head.get("level") != "S":
        return "不是首席技师评价结果（只有首席技师入选名单需要省级公示）"
    if head.get("campaign") != campaign:
        return f"不属于 {campaign} 年度"
    if head.get("status") not in AWAITING or head.get("stage") != "province":
        return "不在省级待审核状态（须经地市初审通过，或为省级备案企业直接报省）"
    if head.get("notice_id"):
        return f"已列入公示 {head['notice_id']}（至 {head.get('notice_end')}）"
    return None


def approval_blocker(head: dict[str, Any], today: date) -> str | None:
    """Why the province may not yet finally approve this S report (its shortlist notice), or None."""
    if head.get("kind") != "report" or head.get("level") != "S" or head.get("stage") != "province":
        return None
    notice_id, end = head.get("notice_id"), head.get("notice_end")
    if not notice_id:
        return "首席技师入选名单须先经省级公示，公示期满后才能最终审核通过（请先发布公示）"
    if date.fromisoformat(str(end)) >= today:
        return f"公示 {notice_id} 至 {end} 结束，公示期满后才能最终审核通过"
    return None


def notices(stores: Stores, cursor: str | None, limit: int) -> dict[str, Any]:
    """Running and past notices, newest first, each with its people; upcoming ones too, marked as such."""
    today = clock.today().isoformat()
    heads, after = stores.records.query("NOTICES", limit=min(limit, 20), cursor=cursor, newest_first=True)
    items = []
    for n in heads:
        state = "upcoming" if n["start"] > today else "running" if n["end"] >= today else "ended"
        people = [
            {k: p[k] for k in ("name", "enterprise", "occupation", "city")}
            for p in stores.records.every(f"NOTICE#{n['id']}", "P#")
        ]
        items.append(
            {k: n[k] for k in ("id", "campaign", "start", "end", "count")} | {"state": state, "people": people}
        )
    return {"items": items, "next": after}


# ---- announcements ------------------------------------------------------------------------------------------


def announce(stores: Stores, principal: Principal, form: AnnouncementRequest) -> dict[str, Any]:
    records = stores.records
    campaigns.known(records, form.campaign)
    if records.get(f"ANNOUNCEMENT#{form.campaign}", f"B#{form.batch:02d}"):
        raise Conflict(f"{form.campaign} 年度{batch_name(form.batch)}已公布，请使用新的批次")
    pending = [p for p in approvals(records, form.campaign) if not p.get("announced_batch")]
    if not pending:
        raise Conflict(f"{form.campaign} 年度没有尚未公布的已通过评价结果")
    at = clock.stamp()
    batch = f"{form.batch:02d}"
    people: list[dict[str, Any]] = []
    enterprises: dict[str, dict[str, Any]] = {}
    for pointer in pending:
        head = records.head(pointer["report_id"]) or {}
        _, rows = certificate_rows(records, pointer["report_id"])
        ent = enterprises.setdefault(
            pointer["owner"],
            {"name": pointer["enterprise_name"], "city": cities()[pointer["city"]].name, "levels": [], "count": 0},
        )
        for row in rows:
            if row.get("status") == "revoked":
                continue  # a fraud finding cancelled it: not announced
            person = _person(row["name"], pointer["enterprise_name"], row["occupation"], pointer["city"], row["level"])
            (pk, sk), (chief_pk, chief_sk) = announced_keys(
                form.campaign, form.batch, pointer["report_id"], row["index"]
            )
            people.append({"pk": pk, "sk": sk, **person})
            if row["level"] == "S":
                people.append({"pk": chief_pk, "sk": chief_sk, "campaign": form.campaign, **person})
            ent["count"] += 1
            if LEVEL_NAMES[row["level"]] not in ent["levels"]:
                ent["levels"].append(LEVEL_NAMES[row["level"]])
        del head
    head_item = {
        "pk": f"ANNOUNCEMENT#{form.campaign}",
        "sk": f"B#{batch}",
        "campaign": form.campaign,
        "batch": form.batch,
        "batch_name": batch_name(form.batch),
        "announced_on": clock.today().isoformat(),
        "announced_at": at,
        "enterprises": sorted(enterprises.values(), key=lambda e: (e["city"], e["name"])),
        "people_count": sum(e["count"] for e in enterprises.values()),
        "report_ids": [p["report_id"] for p in pending],
    }
    records.put(head_item, "attribute_not_exists(pk)")  # two announcements of one batch: the second gets 409
    records.batch_put(people)
    for pointer in pending:
        records.set_fields(pointer["pk"], pointer["sk"], {"announced_batch": form.batch})  # not confirmed_batch
    audit = log_item(
        principal, "announcement", 0, "published", at, detail=f"{form.campaign} 年度{batch_name(form.batch)}"
    )
    records.put({**audit, "pk": "AUDIT#announcements"})
    return {k: v for k, v in head_item.items() if k not in ("pk", "sk")}


def announcements(stores: Stores, campaign: str) -> dict[str, Any]:
    """A campaign's batches newest first: the enterprises and how many people; the people page by page."""
    items = list(stores.records.every(f"ANNOUNCEMENT#{campaign}", "B#", newest_first=True))
    keep = ("campaign", "batch", "batch_name", "announced_on", "enterprises", "people_count")
    return {"campaign": campaign, "items": [{k: b[k] for k in keep} for b in items]}


def announced_people(stores: Stores, campaign: str, batch: int, cursor: str | None, limit: int) -> dict[str, Any]:
    from functions.dal.published import page

    items, after = page(stores.records, f"ANNOUNCED#{campaign}#{batch:02d}", "", cursor, min(limit, PAGE_MAX))
    keep = ("name", "enterprise", "occupation", "city", "level")
    return {"items": [{k: p[k] for k in keep} for p in items], "next": after}


def announced_keys(campaign: str, batch: int, report_id: str, index: int) -> list[tuple[str, str]]:
    """Where an announced person is listed: the batch's people, and (S) the announced chief technicians,
    newest campaign and batch first in key order, each roster in its order."""
    key = f"{report_id}#{int(index):05d}"
    return [
        (f"ANNOUNCED#{campaign}#{batch:02d}", key),
        ("PUBLIC#ANNOUNCED#S", f"{_newness(campaign)}{99 - batch:02d}#{key}"),
    ]


def _newness(campaign: str) -> str:
    return f"{9999 - int(campaign):04d}#"


def announced_chief_technicians(
    stores: Stores, campaign: str | None, city: str | None, cursor: str | None, limit: int
) -> dict[str, Any]:
    """The announced S people (the public list): bounded pages, eventually consistent reads."""
    from functions.dal.published import page

    filters = {"city_code": city} if city else None
    if campaign is not None and not campaign.isdigit():
        return {"items": [], "count": 0, "next": None}
    prefix = _newness(campaign) if campaign else ""
    items, after = page(stores.records, "PUBLIC#ANNOUNCED#S", prefix, cursor, min(limit, PAGE_MAX), filters)
    keep = ("name", "enterprise", "occupation", "city", "city_code", "campaign")
    return {"items": [{k: p[k] for k in keep} for p in items], "count": len(items), "next": after}

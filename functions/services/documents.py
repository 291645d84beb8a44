"""Data for the documents of `functions.documents`: gathered from stored items here, laid out there."""

from __future__ import annotations

import gzip
import hashlib
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from functions.auth import Principal
from functions.errors import NotFound
from functions.observability import mask_id_numbers
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.submissions import visible
from schemas.fields import LEVEL_NAMES
from schemas.reference import occupations

if TYPE_CHECKING:
    from functions.documents import CertificateData, ReceiptData, StaffNoticeData, WorkPlanData

VERIFY_PAGE = "/verify/"
KIND_NAMES = {"filing": "备案", "plan": "评价计划", "report": "评价结果报备"}


def verify_url(site: str, number: str, name: str) -> str:
    """The public check's page with the number and name filled in: what the QR code holds."""
    return f"{site.rstrip('/')}{VERIFY_PAGE}?{urlencode({'number': number, 'name': name})}"


def certificate_data(item: dict[str, Any], header: dict[str, Any], site: str) -> CertificateData:
    from functions.documents import CertificateData

    return CertificateData(
        number=item["certificate_number"],
        name=item["name"],
        masked_id=mask_id_numbers(item["id_number"]),
        occupation=item["occupation_name"],
        level=LEVEL_NAMES[item["level"]],
        enterprise=header["enterprise_name"],
        issued_on=date.fromisoformat(header["confirmed_on"]),
        verify_url=verify_url(site, item["certificate_number"], item["name"]),
    )


# ---- receipts ----------------------------------------------------------------------------------------------


def receipt_data(stores: Stores, kind: str, record_id: str, principal: Principal, version: int | None) -> ReceiptData:
    from functions.documents import ReceiptData

    head = visible(stores, kind, record_id, principal)
    version = version or head["version"]
    item = stores.records.get(f"REC#{record_id}", f"V#{version:06d}") if 1 <= version <= head["version"] else None
    if item is None:
        raise NotFound(f"没有第 {version} 版")
    raw = item["body"]
    stored = gzip.decompress(bytes(raw.value if hasattr(raw, "value") else raw))
    body = stores.records.body(record_id, version)
    summary, keys = _summary(kind, body)
    return ReceiptData(
        record_id=record_id,
        kind=KIND_NAMES[kind],
        version=version,
        submitted_at=str(item.get("submitted_at") or head["created_at"]),
        enterprise=str(head.get("enterprise_name", "")),
        uscc=str(head.get("owner", "")),
        summary=summary,
        files=[_filename(stores, key) for key in keys],
        sha256=hashlib.sha256(stored).hexdigest(),
        printed_at=clock.stamp(),
    )


def _names(codes: list[str], limit: int = 20) -> str:
    catalogue = occupations()
    names = [catalogue[c].name if c in catalogue else c for c in dict.fromkeys(codes)]
    more = f" 等 {len(names)} 个" if len(names) > limit else f"（{len(names)} 个）"
    return "、".join(names[:limit]) + more


def _summary(kind: str, body: dict[str, Any]) -> tuple[list[tuple[str, str]], list[str]]:
    if kind == "filing":
        codes = [o["code"] for o in body.get("occupations", [])]
        filed = "、".join(LEVEL_NAMES.get(grade, grade) for grade in body.get("levels", []))
        return [("申请备案级别", filed), ("认定职业（工种）", _names(codes))], []
    if kind == "plan":
        return [
            ("评聘年度及期次", f"{body.get('campaign')} 年度第 {body.get('phase')} 期"),
            ("级别", LEVEL_NAMES.get(body.get("level", ""), "")),
            ("评价职业（工种）", _names(body.get("occupations", []))),
            ("计划评价人数", f"{body.get('planned_count')} 人"),
            ("评审日期", str(body.get("review_date"))),
        ], [body["plan_document"]] if body.get("plan_document") else []
    candidates = body.get("candidates", [])
    grades = sorted({str(c.get("level", "")) for c in candidates})
    notice = body.get("public_notice") or {}
    return [
        ("通过评审人数", f"{len(candidates)} 人"),
        ("级别", "、".join(LEVEL_NAMES.get(grade, grade) for grade in grades)),
        ("职业（工种）", _names([c.get("occupation", "") for c in candidates])),
        ("单位内公示", f"{notice.get('start')} 至 {notice.get('end')}"),
    ], [m["key"] for m in body.get("materials", []) if m.get("key")]


def _filename(stores: Stores, key: str) -> str:
    meta = stores.records.get(f"UPLOAD#{key}", "META")
    return str(meta["filename"]) if meta and meta.get("filename") else key.rsplit("/", 1)[-1]


# ---- documents the enterprise posts --------------------------------------------------------------------------


def work_plan_data(stores: Stores, plan_id: str, principal: Principal) -> WorkPlanData:
    """The 评聘工作方案 draft of an approved plan."""
    from functions.documents import WorkPlanData
    from functions.errors import Conflict
    from functions.services.campaigns import find
    from schemas.eligibility import DIRECT, S_HONOUR, paths_for
    from schemas.workdays import PUBLIC_NOTICE_MIN_WORKDAYS

    head = visible(stores, "plan", plan_id, principal)
    if head["status"] != "approved":
        raise Conflict("评价计划通过审核后才能生成评聘工作方案")
    body = stores.records.body(plan_id, head["version"])
    level = body["level"]
    conditions = [f"{i}. {path.requirement}" for i, path in enumerate(paths_for(level), start=1)]
    if level == "S":
        conditions.insert(0, f"首席技师申报人员须{S_HONOUR.requirement}并符合下列条件之一：")
    conditions.append(f"{len(conditions) + 1}. {DIRECT.requirement}" if level == "T" else DIRECT.requirement)
    campaign = find(stores.records, body["campaign"])
    phase = campaign.phase(body["phase"]) if campaign else None
    catalogue = occupations()
    return WorkPlanData(
        enterprise=head["enterprise_name"],
        campaign=body["campaign"],
        level=LEVEL_NAMES[level],
        occupations=[(code, catalogue[code].name if code in catalogue else code) for code in body["occupations"]],
        planned_count=int(body["planned_count"]),
        conditions=conditions,
        method=body["method"],
        phase=f"第{body['phase']}期 {phase.start.isoformat()} 至 {phase.end.isoformat()}" if phase else "",
        review_date=str(body["review_date"]),
        notice_days=PUBLIC_NOTICE_MIN_WORKDAYS,
    )


def staff_notice_data(body: dict[str, Any], enterprise: str, start: date, end: date, contact: str) -> StaffNoticeData:
    """The internal notice from a report draft's body (unvalidated: whatever rows name a person)."""
    from functions.documents import NoticePerson, StaffNoticeData
    from functions.errors import Conflict
    from schemas.workdays import workdays_between

    catalogue = occupations()
    people = [
        NoticePerson(
            name=str(c["name"]).strip(),
            occupation=catalogue[c["occupation"]].name if c.get("occupation") in catalogue else "",
            level=LEVEL_NAMES.get(str(c.get("level") or body.get("level") or ""), ""),
        )
        for c in body.get("candidates") or []
        if isinstance(c, dict) and str(c.get("name") or "").strip()
    ]
    if not people:
        raise Conflict("草稿中还没有人员名单，填写后才能生成公示")
    return StaffNoticeData(
        enterprise=enterprise,
        campaign=str(body.get("campaign") or clock.today().year),
        people=people,
        start=start,
        end=end,
        workdays=workdays_between(start, end),
        contact=contact,
    )

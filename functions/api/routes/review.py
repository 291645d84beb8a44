"""Reviewers: the queue, decisions, the audit trail (API.md, "Staff")."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from functions.api.deps import allowed, caller, json_response, stores
from functions.auth import Role
from schemas.fields import CityCode, Level
from schemas.forms import DecisionRequest, Status

router = Router()
STAFF: tuple[Role, ...] = ("city_reviewer", "province_reviewer", "admin")
KINDS = {"filings": "filing", "plans": "plan", "reports": "report"}


Kind = Annotated[Literal["filings", "plans", "reports"], Query(description="记录类别")]
LevelFilter = Annotated[Level | None, Query(description="级别")]
CityFilter = Annotated[CityCode | None, Query(description="地市代码（省级和管理员可用）")]
PhaseFilter = Annotated[int | None, Query(ge=1, le=9, description="期次")]
StatusFilter = Annotated[Status | None, Query(description="状态")]
Search = Annotated[str | None, Query(max_length=100, description="企业名称的一部分、统一社会信用代码或记录编号")]
Cursor = Annotated[str | None, Query(max_length=2000, description="上一页返回的 next")]
Limit = Annotated[int, Query(ge=1, le=100, description="每页条数")]


def _filters(level: str | None, city: str | None, phase: int | None, status: str | None, q: str | None) -> Any:
    from functions.services.queue import Filters

    return Filters(level=level, city=city, phase=phase, status=status, q=q)


@router.get("/api/review/queue", tags=["staff"], summary="待我审核（最早提交在前）")
@allowed(*STAFF)
def review_queue(
    kind: Kind = "reports",
    level: LevelFilter = None,
    city: CityFilter = None,
    phase: PhaseFilter = None,
    status: StatusFilter = None,
    q: Search = None,
    next: Cursor = None,
    limit: Limit = 50,
) -> Response[Any]:
    from functions.services.queue import queue

    principal = caller(router, *STAFF)
    filters = _filters(level, city, phase, status, q)
    return json_response(queue(stores(), principal, KINDS[kind], filters, next, limit))


@router.get("/api/review/records", tags=["staff"], summary="我可查看的全部记录（最新在前；省级为全省）")
@allowed(*STAFF)
def review_records(
    kind: Kind = "reports",
    level: LevelFilter = None,
    city: CityFilter = None,
    phase: PhaseFilter = None,
    status: StatusFilter = None,
    q: Search = None,
    next: Cursor = None,
    limit: Limit = 50,
) -> Response[Any]:
    from functions.services.queue import records

    principal = caller(router, *STAFF)
    filters = _filters(level, city, phase, status, q)
    return json_response(records(stores(), principal, KINDS[kind], filters, next, limit))


@router.get("/api/review/counts", tags=["staff"], summary="待我审核的数量（按类别）")
@allowed(*STAFF)
def review_counts() -> Response[Any]:
    from functions.services.queue import counts

    return json_response(counts(stores(), caller(router, *STAFF)))


@router.get("/api/review/done", tags=["staff"], summary="已办：我作出的审核决定（最新在前）")
@allowed(*STAFF)
def review_done(
    kind: Annotated[Literal["filings", "plans", "reports"] | None, Query(description="记录类别")] = None,
    next: Cursor = None,
    limit: Limit = 50,
) -> Response[Any]:
    from functions.services.queue import done

    principal = caller(router, *STAFF)
    return json_response(done(stores(), principal, KINDS[kind] if kind else None, next, limit))


def _decide(kind: str, record_id: str, form: DecisionRequest) -> Response[Any]:
    from functions.services.review import decide

    principal = caller(router, *STAFF)
    return json_response(decide(stores(), kind, record_id, principal, form))


RecordId = Annotated[str, Path(max_length=64)]


@router.post("/api/filings/<record_id>/decision", tags=["staff"], summary="审核备案")
@allowed(*STAFF)
def decide_filing(record_id: RecordId, form: DecisionRequest) -> Response[Any]:
    return _decide("filing", record_id, form)


@router.post("/api/plans/<record_id>/decision", tags=["staff"], summary="审核评价计划")
@allowed(*STAFF)
def decide_plan(record_id: RecordId, form: DecisionRequest) -> Response[Any]:
    return _decide("plan", record_id, form)


@router.post("/api/reports/<record_id>/decision", tags=["staff"], summary="审核评价结果")
@allowed(*STAFF)
def decide_report(record_id: RecordId, form: DecisionRequest) -> Response[Any]:
    return _decide("report", record_id, form)


@router.get("/api/audit", tags=["staff"], summary="审计记录（按时间先后分页，`next` 取下一页）")
@allowed(*STAFF)
def audit_trail(
    subject: Annotated[str, Query(min_length=1, max_length=100, description="记录编号")],
    next: Annotated[str | None, Query(max_length=2000, description="上一页返回的 next")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="每页条数")] = 200,
) -> Response[Any]:
    from functions.services.review import audit

    principal = caller(router, *STAFF)
    return json_response(audit(stores(), subject, principal, next, limit))

"""Reviewers: the queue, decisions, the audit trail (API.md, "Staff")."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from functions.api.deps import allowed, caller, json_response, stores
from functions.auth import Role
from schemas.fields import Level
from schemas.forms import DecisionRequest

router = Router()
STAFF: tuple[Role, ...] = ("city_reviewer", "province_reviewer", "admin")
KINDS = {"filings": "filing", "plans": "plan", "reports": "report"}


@router.get("/api/review/queue", tags=["staff"], summary="待我审核")
@allowed(*STAFF)
def review_queue(
    kind: Annotated[Literal["filings", "plans", "reports"], Query(description="记录类别")] = "reports",
    level: Annotated[Level | None, Query(description="级别")] = None,
    next: Annotated[str | None, Query(max_length=2000)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> Response[Any]:
    from functions.services.review import queue

    principal = caller(router, *STAFF)
    return json_response(queue(stores(), principal, KINDS[kind], level, next, limit))


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

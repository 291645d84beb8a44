"""Filings, plans and reports: create, resubmit, read, list (API.md, "Enterprise"); uploads."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Body, Path, Query
from pydantic import BaseModel, Field, SkipValidation

from functions.api.deps import allowed, caller, draft_store, json_response, stores
from functions.auth import Principal
from schemas.forms import (
    FilingRequest,
    FilingResubmission,
    PlanRequest,
    PlanResubmission,
    ReportRequest,
    ReportResubmission,
    UploadRequest,
)

router = Router()
RecordId = Annotated[str, Path(max_length=64, description="记录编号")]
Cursor = Annotated[str | None, Query(max_length=2000, description="上一页返回的 next")]
Limit = Annotated[int, Query(ge=1, le=100, description="每页条数")]


def _create(kind: str, form: BaseModel) -> Response[Any]:
    from functions.services import submissions
    from functions.services.idempotency import once

    principal = caller(router, "enterprise")
    key = router.current_event.headers.get("idempotency-key")
    body = form.model_dump_json()  # once, by pydantic-core: compared for the idempotency key, and stored as is
    answer = once(
        key,
        f"{principal.uscc}|{kind}",
        body,
        lambda: submissions.submit(stores(), kind, principal, form, body),
        router.lambda_context,
    )
    _discard_draft(principal, form)
    return json_response(answer, 201)


def _resubmit(kind: str, record_id: str, form: BaseModel) -> Response[Any]:
    from functions.services import submissions

    principal = caller(router, "enterprise")
    answer = submissions.resubmit(stores(), kind, record_id, principal, form)
    _discard_draft(principal, form)
    return json_response(answer)


def _discard_draft(principal: Principal, form: BaseModel) -> None:
    """The record is stored: the draft it was typed in has served (the page need not remember to delete it)."""
    from functions.services import drafts

    drafts.discard(draft_store(), principal, getattr(form, "draft_id", None))


def _read(kind: str, record_id: str, version: int | None) -> Response[Any]:
    from functions.services import submissions

    principal = caller(router)
    head = submissions.visible(stores(), kind, record_id, principal)
    if version is not None:
        return json_response(
            {"id": record_id, "version": version, "data": submissions.version_body(stores(), head, version)}
        )
    return json_response(submissions.detail(stores(), head, principal))


def _list(kind: str, cursor: str | None, limit: int) -> Response[Any]:
    from functions.services import submissions

    principal = caller(router)
    return json_response(submissions.list_for(stores(), kind, principal, cursor, limit))


# Filings, plans and reports are read whole by the services (`services.one_round`, `services.reports`), which
# find every problem in one answer; the annotations still document the forms in OpenAPI.
RawFiling = Annotated[SkipValidation[FilingRequest], Body(description="备案")]
RawFilingResubmission = Annotated[SkipValidation[FilingResubmission], Body(description="重新提交的备案")]
RawPlan = Annotated[SkipValidation[PlanRequest], Body(description="评价计划")]
RawPlanResubmission = Annotated[SkipValidation[PlanResubmission], Body(description="重新提交的评价计划")]


def _checked_filing(raw: Any, model: type[FilingRequest]) -> FilingRequest:
    from functions.services.one_round import checked_filing

    return checked_filing(stores(), caller(router, "enterprise"), raw, model)


def _checked_plan(raw: Any, model: type[PlanRequest]) -> PlanRequest:
    from functions.services.one_round import checked_plan

    return checked_plan(stores(), caller(router, "enterprise"), raw, model)


@router.post("/api/filings", tags=["enterprise"], summary="提交备案（一次列出全部问题）")
@allowed("enterprise")
def create_filing(form: RawFiling) -> Response[Any]:
    return _create("filing", _checked_filing(form, FilingRequest))


@router.post("/api/plans", tags=["enterprise"], summary="提交评价计划（一次列出全部问题）")
@allowed("enterprise")
def create_plan(form: RawPlan) -> Response[Any]:
    return _create("plan", _checked_plan(form, PlanRequest))


RawReport = Annotated[SkipValidation[ReportRequest], Body(description="评价结果报备")]
RawReportResubmission = Annotated[SkipValidation[ReportResubmission], Body(description="重新提交的评价结果")]


def _checked_report(raw: Any, model: type[ReportRequest]) -> ReportRequest:
    from functions.services.reports import checked_report

    return checked_report(stores(), caller(router, "enterprise"), raw, model)


@router.post("/api/reports", tags=["enterprise"], summary="报备评价结果（一次列出全部问题）")
@allowed("enterprise")
def create_report(form: RawReport) -> Response[Any]:
    return _create("report", _checked_report(form, ReportRequest))


@router.put("/api/filings/<record_id>", tags=["enterprise"], summary="重新提交退回的备案")
@allowed("enterprise")
def resubmit_filing(record_id: RecordId, form: RawFilingResubmission) -> Response[Any]:
    return _resubmit("filing", record_id, _checked_filing(form, FilingResubmission))


@router.put("/api/plans/<record_id>", tags=["enterprise"], summary="重新提交退回的评价计划")
@allowed("enterprise")
def resubmit_plan(record_id: RecordId, form: RawPlanResubmission) -> Response[Any]:
    return _resubmit("plan", record_id, _checked_plan(form, PlanResubmission))


@router.put("/api/reports/<record_id>", tags=["enterprise"], summary="重新提交退回的评价结果")
@allowed("enterprise")
def resubmit_report(record_id: RecordId, form: RawReportResubmission) -> Response[Any]:
    return _resubmit("report", record_id, _checked_report(form, ReportResubmission))


Version = Annotated[int | None, Query(ge=1, description="读取某一历史版本的内容")]


@router.get("/api/filings/<record_id>", tags=["enterprise"], summary="备案详情")
@allowed()
def read_filing(record_id: RecordId, version: Version = None) -> Response[Any]:
    return _read("filing", record_id, version)


@router.get("/api/plans/<record_id>", tags=["enterprise"], summary="评价计划详情")
@allowed()
def read_plan(record_id: RecordId, version: Version = None) -> Response[Any]:
    return _read("plan", record_id, version)


@router.get("/api/reports/<record_id>", tags=["enterprise"], summary="评价结果详情")
@allowed()
def read_report(record_id: RecordId, version: Version = None) -> Response[Any]:
    return _read("report", record_id, version)


@router.get("/api/filings", tags=["enterprise"], summary="备案列表（最新在前）")
@allowed()
def list_filings(next: Cursor = None, limit: Limit = 20) -> Response[Any]:
    return _list("filing", next, limit)


@router.get("/api/plans", tags=["enterprise"], summary="评价计划列表（最新在前）")
@allowed()
def list_plans(next: Cursor = None, limit: Limit = 20) -> Response[Any]:
    return _list("plan", next, limit)


@router.get("/api/reports", tags=["enterprise"], summary="评价结果列表（最新在前）")
@allowed()
def list_reports(next: Cursor = None, limit: Limit = 20) -> Response[Any]:
    return _list("report", next, limit)


@router.post("/api/uploads", tags=["enterprise"], summary="申请上传文件（预签名 POST）")
@allowed("enterprise")
def request_upload(form: UploadRequest) -> Response[Any]:
    from functions.services.uploads import request_upload as request

    principal = caller(router, "enterprise")
    return json_response(request(stores(), principal, form), 201)


class RosterRequest(BaseModel):
    key: Annotated[str, Field(min_length=1, max_length=300, description="已上传名单（purpose=roster）的 key")]
    plan_id: Annotated[
        str | None, Field(max_length=64, description="所报备的评价计划：给出时按计划核对级别、职业和参评条件")
    ] = None


@router.post("/api/rosters/parse", tags=["enterprise"], summary="读取上传的 XLSX 人员名单")
@allowed("enterprise")
def parse_roster(form: RosterRequest) -> Response[Any]:
    from functions.services.rosters import parse_uploaded_roster

    return json_response(parse_uploaded_roster(stores(), caller(router, "enterprise"), form.key, form.plan_id))

"""Certificates, exports, the published list and debarments (API.md, "Staff" and "Public")."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query
from pydantic import BaseModel, Field

from functions.api.deps import allowed, caller, json_response, stores
from functions.auth import Role
from schemas.fields import CityCode, Level
from schemas.forms import DebarmentRequest

router = Router()
STAFF: tuple[Role, ...] = ("city_reviewer", "province_reviewer", "admin")
ExportName = Literal["filings", "scope", "results", "certificates", "chief-technicians"]


class LiftRequest(BaseModel):
    reason: Annotated[str, Field(min_length=2, max_length=2000, description="解除原因")]


@router.get("/api/reports/<report_id>/certificates", tags=["staff"], summary="证书编号")
@allowed()
def report_certificates(report_id: Annotated[str, Path(max_length=64)]) -> Response[Any]:
    from functions.services.outputs import certificates

    return json_response(certificates(stores(), report_id, caller(router)))


@router.get("/api/exports/<name>", tags=["staff"], summary="导出（XLSX 或 CSV）")
@allowed(*STAFF)
def export(
    name: Annotated[ExportName, Path(description="导出名称")],
    format: Annotated[Literal["xlsx", "csv"], Query(description="文件格式")] = "xlsx",
    city: Annotated[CityCode | None, Query(description="地市代码")] = None,
    level: Annotated[Level | None, Query(description="级别")] = None,
    campaign: Annotated[str | None, Query(max_length=8, description="评聘年度")] = None,
    phase: Annotated[int | None, Query(ge=1, le=9, description="期次")] = None,
) -> Response[Any]:
    from functions.services.exports import run_export

    principal = caller(router, *STAFF)
    filters = {"city": city, "level": level, "campaign": campaign, "phase": phase}
    answer = run_export(stores(), principal, name, format, filters)
    if "job" in answer:  # too big for one request: the export function writes it; follow the job
        job = answer["job"]
        return json_response(job, status=202, headers={"Location": f"/api/exports/jobs/{job['id']}"})
    if "application/json" in router.current_event.headers.get("accept", ""):
        return json_response(answer)
    return Response(status_code=303, headers={"Location": answer["url"]}, content_type="text/plain", body="")


@router.get("/api/exports/jobs/<job_id>", tags=["staff"], summary="导出任务进度（完成后给出下载链接）")
@allowed(*STAFF)
def export_job(job_id: Annotated[str, Path(max_length=64, description="导出任务编号")]) -> Response[Any]:
    from functions.services.export_jobs import job_status

    return json_response(job_status(stores(), caller(router, *STAFF), job_id))


@router.post("/api/debarments", tags=["staff"], summary="登记弄虚作假处理（5 年内不得申报，取消当年评聘结果）")
@allowed(*STAFF)
def add_debarment(form: DebarmentRequest) -> Response[Any]:
    from functions.services.debarments import add

    return json_response(add(stores(), caller(router, *STAFF), form), status=201)


@router.get("/api/debarments", tags=["staff"], summary="弄虚作假处理名单与查询")
@allowed(*STAFF)
def list_debarments(
    q: Annotated[
        str | None, Query(max_length=100, description="姓名或企业名称、身份证号码或统一社会信用代码；留空列出全部")
    ] = None,
    next: Annotated[str | None, Query(max_length=2000, description="上一页返回的 next")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="每页条数")] = 50,
) -> Response[Any]:
    from functions.services.debarments import search

    caller(router, *STAFF)
    return json_response(search(stores(), q, next, limit))


@router.post("/api/debarments/<debarment_id>/lift", tags=["admin"], summary="解除处理（须说明原因）")
@allowed("admin", "province_reviewer")
def lift_debarment(debarment_id: Annotated[str, Path(max_length=64)], form: LiftRequest) -> Response[Any]:
    from functions.services.debarments import lift

    return json_response(lift(stores(), caller(router, "admin", "province_reviewer"), debarment_id, form.reason))

"""Public routes: health, the eligibility self-check, reference data (API.md, "Public"); campaigns: `campaigns.py`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query
from pydantic import BaseModel, Field
from pydantic_core import PydanticCustomError

from functions.errors import ApiError, FieldProblem, ValidationFailed
from functions.services import clock
from schemas.eligibility import EligibilityRequest, EligibilityVerdict, evaluate
from schemas.reference import search_occupations
from schemas.workdays import workdays_between

router = Router()


class Health(BaseModel):
    status: Annotated[Literal["ok"], Field(description="函数在运行")]


class Readiness(BaseModel):
    status: Annotated[Literal["ready"], Field(description="所需的表和存储桶都可用")]
    checked: Annotated[list[str], Field(description="检查过的资源")]


@router.get("/api/health", tags=["public"], summary="健康检查（不访问任何资源）")
def health() -> Health:
    return Health(status="ok")


@router.get("/api/health/ready", tags=["public"], summary="就绪检查：数据表与存储桶可用，否则 503 并列出缺少的资源")
def ready() -> Readiness:
    from functions.dal.aws import settings
    from functions.dal.health import missing_resources

    missing = missing_resources()
    if missing:
        problems = [FieldProblem(name, f"无法访问 {name}", "resource_missing") for name in missing]
        raise ApiError(f"服务未就绪：缺少 {'、'.join(missing)}", problems, 503, "unavailable")
    config = settings()
    names = [config.table, config.idempotency_table, config.materials_bucket, config.exports_bucket]
    return Readiness(status="ready", checked=names)


@router.post("/api/eligibility/check", tags=["public"], summary="参评条件自查")
def check_eligibility(request: EligibilityRequest) -> EligibilityVerdict:
    if "as_of" not in request.model_fields_set:  # "today" is the one clock's, not the machine's
        request.as_of = clock.today()  # this call's own request: set in place, no copy
    return evaluate(request)


@router.get("/api/reference/occupations", tags=["public"], summary="按名称或编码查询职业（大典 2022 细类）")
def list_occupations(
    q: Annotated[str, Query(max_length=50, description="名称、别名或编码的一部分")] = "",
    limit: Annotated[int, Query(ge=1, le=200, description="最多返回条数")] = 50,
    skill_only: Annotated[bool, Query(description="只返回技能类职业（第四至六大类）")] = False,
) -> list[dict[str, Any]]:
    return [
        {"code": o.code, "name": o.name, "skill": o.skill, "green": o.green, "digital": o.digital}
        for o in search_occupations(q, limit=limit, skill_only=skill_only)
    ]


@router.get("/api/reference/workdays", tags=["public"], summary="两个日期之间（含首尾）的工作日数")
def count_workdays(
    start: Annotated[date, Query(description="开始日期（含）")],
    end: Annotated[date, Query(description="结束日期（含）")],
) -> dict[str, Any]:
    try:
        days = workdays_between(start, end)
    except PydanticCustomError as exc:  # reversed, too long, or a year the calendar does not know
        raise ValidationFailed([FieldProblem("end", exc.message(), exc.type)]) from exc
    return {"start": start, "end": end, "workdays": days}


@router.get("/api/reference/roster-template", tags=["public"], summary="人员名单 XLSX 模板")
def roster_template():  # type: ignore[no-untyped-def]  # no annotation: a file, not JSON to validate
    from functions.exports import content_disposition
    from schemas.roster import roster_template as template

    return Response(
        status_code=200,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body=template(),
        headers={"Content-Disposition": content_disposition("人员名单模板.xlsx", "roster-template.xlsx")},
    )

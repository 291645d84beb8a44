"""Live statistics for the provincial centre and the cities (`GET /api/stats`), and the public's two numbers."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from functions.api.deps import caller, json_response, stores
from schemas.fields import CityCode
from schemas.stats import StatsAnswer

router = Router()


@router.get("/api/stats", tags=["staff"], summary="统计：各市、各级别、各审核岗", response_description="统计数据")
def statistics(
    campaign: Annotated[str | None, Query(max_length=8, description="评聘年度，默认为当前年度")] = None,
    city: Annotated[CityCode | None, Query(description="地市代码（省级可筛选）")] = None,
) -> Response[StatsAnswer]:
    from functions.services.stats_view import staff_stats

    principal = caller(router, "city_reviewer", "province_reviewer", "admin")
    return json_response(staff_stats(stores(), principal, campaign, city))


@router.get("/api/public/stats", tags=["public"], summary="本年度开展评聘的企业数和已认定人数")
def public_statistics() -> Response[Any]:
    from functions.services.stats_view import public_stats

    return json_response(public_stats(stores()), headers={"Cache-Control": "public, max-age=300"})


@router.get("/api/stats/export", tags=["staff"], summary="统计数据导出（XLSX）")
def statistics_workbook(  # type: ignore[no-untyped-def]  # no return annotation: a file, not JSON to validate
    campaign: Annotated[str | None, Query(max_length=8, description="评聘年度，默认为当前年度")] = None,
    city: Annotated[CityCode | None, Query(description="地市代码（省级可筛选）")] = None,
):
    from functions.exports import content_disposition
    from functions.services.stats_view import staff_stats, workbook

    principal = caller(router, "city_reviewer", "province_reviewer", "admin")
    stats = staff_stats(stores(), principal, campaign, city)
    return Response(
        status_code=200,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        body=workbook(stats),
        headers={"Content-Disposition": content_disposition(f"统计-{stats['campaign']}.xlsx", "stats.xlsx")},
    )

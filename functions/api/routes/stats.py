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

"""Administered reference data: campaigns and city contacts (API.md "Staff": the PUTs; "Public": the reads)."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path

from functions.api.deps import caller, json_response, stores
from schemas.campaigns import YEAR_PATTERN, CampaignRequest
from schemas.contacts import CityContactRequest

router = Router()
CityCodePath = Annotated[str, Path(pattern=r"^\d{6}$", description="地市行政区划代码（6 位）")]
Year = Annotated[str, Path(pattern=YEAR_PATTERN, description="年度，四位数字")]


@router.get("/api/campaigns", tags=["public"], summary="全部评聘年度（新的在前）及当前年度")
def list_campaigns() -> Response[Any]:
    from functions.services.campaigns import listing

    return json_response(listing(stores().records))


@router.get("/api/campaigns/current", tags=["public"], summary="当前评聘年度（今天在其某一期内）")
def current_campaign() -> Response[Any]:
    from functions.services import clock
    from functions.services.campaigns import current, view

    today = clock.today()
    found = current(stores().records, today)
    return json_response({"today": today.isoformat(), "campaign": view(found, today) if found else None})


@router.get("/api/campaigns/<year>", tags=["public"], summary="评聘年度及各期时间")
def get_campaign(year: Year) -> Response[Any]:
    from functions.services.campaigns import one

    return json_response(one(stores().records, year))


@router.put("/api/campaigns/<year>", tags=["admin"], summary="开设或修改评聘年度（各期时间、截止日期、是否接受提交）")
def put_campaign(year: Year, form: CampaignRequest) -> Response[Any]:
    from functions.services.campaigns import save

    answer, created = save(stores().records, caller(router, "admin"), year, form)
    return json_response(answer, status=201 if created else 200)


@router.get("/api/reference/cities", tags=["public"], summary="广东省 21 个地级以上市及职业技能评价指导机构联系方式")
def list_cities() -> Response[Any]:
    from functions.services.contacts import listing

    return json_response(listing(stores().records))


@router.put("/api/reference/cities/<code>/contact", tags=["admin"], summary="设置地市职业技能评价指导机构联系方式")
def put_city_contact(code: CityCodePath, form: CityContactRequest) -> Response[Any]:
    from functions.services.contacts import save

    return json_response(save(stores().records, caller(router, "admin"), code, form))

"""What the province publishes: the S shortlist's notice, announcements by batch, the public lists."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from functions.api.deps import allowed, caller, json_response, public_response, stores
from functions.auth import Role
from schemas.fields import CityCode
from schemas.publication import AnnouncementRequest, NoticeRequest

router = Router()
PROVINCE: tuple[Role, ...] = ("province_reviewer", "admin")
Cursor = Annotated[str | None, Query(max_length=2000, description="上一页返回的 next")]
Campaign = Annotated[str, Query(min_length=4, max_length=8, description="评聘年度")]


@router.post("/api/notices", tags=["province"], summary="发布首席技师入选名单公示")
@allowed(*PROVINCE)
def open_notice(form: NoticeRequest) -> Response[Any]:
    from functions.services.publication import open_notice as open_

    return json_response(open_(stores(), caller(router, *PROVINCE), form), 201)


@router.get("/api/public/notices", tags=["public"], summary="首席技师入选名单公示（进行中与已结束）")
def list_notices(
    next: Cursor = None, limit: Annotated[int, Query(ge=1, le=20, description="每页公示数")] = 10
) -> Response[Any]:
    from functions.services.publication import notices

    return public_response(notices(stores(), next, limit))


@router.post("/api/announcements", tags=["province"], summary="公布一批已开展评聘的企业和获证人员名单")
@allowed(*PROVINCE)
def announce(form: AnnouncementRequest) -> Response[Any]:
    from functions.services.publication import announce as announce_

    return json_response(announce_(stores(), caller(router, *PROVINCE), form), 201)


@router.get("/api/public/announcements", tags=["public"], summary="公布名单（按批次，最新在前）")
def list_announcements(campaign: Campaign) -> Response[Any]:
    from functions.services.publication import announcements

    return public_response(announcements(stores(), campaign))


@router.get("/api/public/announcements/<campaign>/<batch>", tags=["public"], summary="某一批公布的获证人员")
def announced_people(
    campaign: Annotated[str, Path(max_length=8, description="评聘年度")],
    batch: Annotated[int, Path(ge=1, le=20, description="批次")],
    next: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 50,
) -> Response[Any]:
    from functions.services.publication import announced_people as people

    return public_response(people(stores(), campaign, batch, next, limit))


@router.get("/api/public/chief-technicians", tags=["public"], summary="首席技师公布名单（已公布批次）")
def chief_technicians(
    campaign: Annotated[str | None, Query(max_length=8, description="评聘年度")] = None,
    city: Annotated[CityCode | None, Query(description="地市代码")] = None,
    next: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=100, description="每页条数")] = 50,
) -> Response[Any]:
    from functions.services.publication import announced_chief_technicians

    return public_response(announced_chief_technicians(stores(), campaign, city, next, limit))

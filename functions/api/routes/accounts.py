"""Accounts (Cognito users) administered in the system, and enterprises' requests for one (API.md, "Accounts")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from functions.api.deps import caller, json_response, stores
from schemas.accounts import AccountRequest, AccountRequestDecision, AccountRequestForm, AccountRole
from schemas.fields import CityCode

if TYPE_CHECKING:
    from functions.dal.account_requests import AccountRequestStore
    from functions.dal.accounts import CognitoAccounts

router = Router()
Username = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[\w.@+-]+$")]


def accounts() -> CognitoAccounts:
    from functions.dal.accounts import CognitoAccounts

    return CognitoAccounts()  # cheap: the client is built once per container (functions.dal.aws)


def requests_store() -> AccountRequestStore:
    from functions.dal.account_requests import AccountRequestStore

    return AccountRequestStore(stores().records)


@router.post("/api/accounts", tags=["accounts"], summary="开通账号（Cognito 发送邀请邮件）")
def create_account(form: AccountRequest) -> Response[Any]:
    from functions.services.accounts import create

    principal = caller(router, "admin", "city_reviewer")
    return json_response(create(stores(), accounts(), principal, form), 201)


@router.get("/api/accounts", tags=["accounts"], summary="账号列表")
def list_accounts(
    role: Annotated[AccountRole | None, Query(description="角色")] = None,
    city: Annotated[CityCode | None, Query(description="地市")] = None,
    q: Annotated[str | None, Query(max_length=100, description="邮箱、姓名或统一社会信用代码")] = None,
) -> Response[Any]:
    from functions.services.accounts import listing

    principal = caller(router, "admin", "province_reviewer", "city_reviewer")
    return json_response(listing(accounts(), principal, role, city, q))


@router.post("/api/accounts/<username>/disable", tags=["accounts"], summary="停用账号")
def disable_account(username: Username) -> Response[Any]:
    from functions.services.accounts import set_enabled

    principal = caller(router, "admin", "city_reviewer")
    return json_response(set_enabled(stores(), accounts(), principal, username, False))


@router.post("/api/accounts/<username>/enable", tags=["accounts"], summary="启用账号")
def enable_account(username: Username) -> Response[Any]:
    from functions.services.accounts import set_enabled

    principal = caller(router, "admin", "city_reviewer")
    return json_response(set_enabled(stores(), accounts(), principal, username, True))


@router.post("/api/public/account-requests", tags=["public"], summary="企业申请账号（无需登录）")
def ask_for_account(form: AccountRequestForm) -> Response[Any]:
    from functions.services.accounts import ask

    status, answer = ask(requests_store(), form)
    return json_response(answer, status)


@router.get("/api/account-requests", tags=["accounts"], summary="本市企业的账号申请")
def list_account_requests(
    city: Annotated[CityCode | None, Query(description="地市（管理员、省级）")] = None,
    next: Annotated[str | None, Query(max_length=2000)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> Response[Any]:
    from functions.services.accounts import requests_of

    principal = caller(router, "admin", "province_reviewer", "city_reviewer")
    return json_response(requests_of(requests_store(), principal, city, next, limit))


@router.post("/api/account-requests/<request_id>/decision", tags=["accounts"], summary="处理账号申请")
def decide_account_request(
    request_id: Annotated[str, Path(max_length=64)], form: AccountRequestDecision
) -> Response[Any]:
    from functions.services.accounts import decide

    principal = caller(router, "admin", "city_reviewer")
    return json_response(decide(stores(), requests_store(), accounts(), principal, request_id, form))

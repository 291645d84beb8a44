"""Accounts on moto's Cognito (cognito-idp): who may create, list, disable and enable which accounts; the
enterprise's request for an account and its city's decision; every change audited."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest

from tests.factories import FACTORY_USCC, admin_claims, city_claims, enterprise_claims, make_uscc, province_claims

Api = Callable[..., tuple[int, Any]]
SHENZHEN_USCC = make_uscc("91440300MA5FUJ7X0")  # a Shenzhen electronics maker


def enterprise(email: str, uscc: str = FACTORY_USCC, city: str | None = None) -> dict[str, Any]:
    body = {"role": "enterprise", "email": email, "name": "陈晓明", "uscc": uscc}
    return body | ({"city": city} if city else {})


def cognito_user(username: str) -> dict[str, Any]:
    import boto3

    return boto3.client("cognito-idp").admin_get_user(UserPoolId=os.environ["USER_POOL_ID"], Username=username)


def groups_of(username: str) -> list[str]:
    import boto3

    answer = boto3.client("cognito-idp").admin_list_groups_for_user(
        UserPoolId=os.environ["USER_POOL_ID"], Username=username
    )
    return [g["GroupName"] for g in answer["Groups"]]


def test_admin_creates_any_role_with_its_group_tenant_and_invitation(aws: None, call_api: Api) -> None:
    # When an administrator opens an enterprise account and a Shenzhen reviewer's account
    status, created = call_api("POST", "/api/accounts", enterprise("hr@gzjingjia.example.cn"), claims=admin_claims())
    assert status == 201, created
    status, reviewer = call_api(
        "POST",
        "/api/accounts",
        {"role": "city_reviewer", "email": "shen@hrss.sz.example.cn", "name": "沈审核", "city": "440300"},
        claims=admin_claims(),
    )
    assert status == 201, reviewer
    # Then Cognito holds each user, in its group, with its tenant attribute, waiting for the invitation
    user = cognito_user(created["username"])
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert attributes["custom:uscc"] == FACTORY_USCC
    assert attributes["email"] == "hr@gzjingjia.example.cn"
    assert user["UserStatus"] == "FORCE_CHANGE_PASSWORD"  # invited: a temporary password was mailed
    assert groups_of(created["username"]) == ["enterprise"]
    assert groups_of(reviewer["username"]) == ["city_reviewer"]
    assert {a["Name"]: a["Value"] for a in cognito_user(reviewer["username"])["UserAttributes"]}["custom:city"] == (
        "440300"
    )
    # And both were audited
    status, trail = call_api("GET", "/api/audit", query={"subject": "accounts"}, claims=admin_claims())
    assert status == 200, trail
    assert [e["action"] for e in trail["events"]].count("account_create") == 2


@pytest.mark.parametrize(
    ("claims", "body", "expected"),
    [
        (city_claims("440100"), enterprise("a@gz.example.cn"), 201),  # its own city's enterprise
        (city_claims("440100"), enterprise("b@gz.example.cn", city="440300"), 403),  # another city's
        (
            city_claims("440100"),
            {"role": "city_reviewer", "email": "c@x.example.cn", "name": "甲", "city": "440100"},
            403,
        ),
        (city_claims("440100"), {"role": "admin", "email": "d@x.example.cn", "name": "乙"}, 403),
        (province_claims(), enterprise("e@gz.example.cn"), 403),
        (enterprise_claims(), enterprise("f@gz.example.cn"), 403),
        (None, enterprise("g@gz.example.cn"), 401),
    ],
)
def test_who_may_create_which_account(
    aws: None, call_api: Api, claims: dict[str, Any] | None, body: dict[str, Any], expected: int
) -> None:
    status, answer = call_api("POST", "/api/accounts", body, claims=claims)
    assert status == expected, answer


def test_a_city_reviewers_enterprise_account_belongs_to_its_city(aws: None, call_api: Api) -> None:
    status, created = call_api("POST", "/api/accounts", enterprise("hr@gz.example.cn"), claims=city_claims("440100"))
    assert status == 201, created
    assert created["city"] == "440100"


def test_bad_account_bodies_name_the_field(aws: None, call_api: Api) -> None:
    for body, path in [
        ({"role": "enterprise", "email": "x@y.example.cn", "name": "甲"}, "uscc"),
        ({"role": "city_reviewer", "email": "x@y.example.cn", "name": "甲"}, "city"),
        (enterprise("not-an-email"), "email"),
        (enterprise("x@y.example.cn", uscc="91440101MA59CDX460"), "uscc"),
    ]:
        status, answer = call_api("POST", "/api/accounts", body, claims=admin_claims())
        assert status == 422, answer
        assert path in [f["path"] for f in answer["error"]["fields"]], answer


def test_the_same_email_twice_is_a_conflict(aws: None, call_api: Api) -> None:
    assert call_api("POST", "/api/accounts", enterprise("hr@gz.example.cn"), claims=admin_claims())[0] == 201
    status, answer = call_api("POST", "/api/accounts", enterprise("hr@gz.example.cn"), claims=admin_claims())
    assert status == 409, answer


def test_listing_filters_and_a_city_sees_only_its_enterprises(aws: None, call_api: Api) -> None:
    call_api("POST", "/api/accounts", enterprise("gz@jingjia.example.cn", city="440100"), claims=admin_claims())
    call_api(
        "POST", "/api/accounts", enterprise("sz@dianzi.example.cn", SHENZHEN_USCC, "440300"), claims=admin_claims()
    )
    reviewer = {"role": "city_reviewer", "email": "gz@hrss.example.cn", "name": "广审核", "city": "440100"}
    call_api("POST", "/api/accounts", reviewer, claims=admin_claims())
    # An administrator filters by role, city and text
    status, answer = call_api("GET", "/api/accounts", query={"role": "enterprise"}, claims=admin_claims())
    assert status == 200, answer
    assert {a["email"] for a in answer["items"]} == {"gz@jingjia.example.cn", "sz@dianzi.example.cn"}
    _, answer = call_api("GET", "/api/accounts", query={"city": "440300"}, claims=admin_claims())
    assert [a["email"] for a in answer["items"]] == ["sz@dianzi.example.cn"]
    _, answer = call_api("GET", "/api/accounts", query={"q": SHENZHEN_USCC[-6:]}, claims=admin_claims())
    assert [a["email"] for a in answer["items"]] == ["sz@dianzi.example.cn"]
    # A Guangzhou reviewer sees Guangzhou's enterprise accounts only, whatever it asks
    _, answer = call_api("GET", "/api/accounts", query={"city": "440300"}, claims=city_claims("440100"))
    assert [a["email"] for a in answer["items"]] == ["gz@jingjia.example.cn"]
    assert call_api("GET", "/api/accounts", claims=enterprise_claims())[0] == 403


def test_disable_and_enable_at_the_cognito_level_within_the_city(aws: None, call_api: Api) -> None:
    import boto3

    _, gz = call_api("POST", "/api/accounts", enterprise("gz@jingjia.example.cn"), claims=city_claims("440100"))
    _, sz = call_api(
        "POST", "/api/accounts", enterprise("sz@dianzi.example.cn", SHENZHEN_USCC, "440300"), claims=admin_claims()
    )
    # Another city cannot touch it; its own city can
    assert call_api("POST", f"/api/accounts/{gz['username']}/disable", claims=city_claims("440300"))[0] == 404
    status, answer = call_api("POST", f"/api/accounts/{gz['username']}/disable", claims=city_claims("440100"))
    assert status == 200, answer
    assert cognito_user(gz["username"])["Enabled"] is False
    # And the disabled user cannot sign in any more (Cognito refuses it)
    cognito = boto3.client("cognito-idp")
    pool = os.environ["USER_POOL_ID"]
    cognito.admin_set_user_password(
        UserPoolId=pool, Username=gz["username"], Password="Guangzhou-2025x", Permanent=True
    )
    client_id = cognito.create_user_pool_client(UserPoolId=pool, ClientName="t")["UserPoolClient"]["ClientId"]
    with pytest.raises(cognito.exceptions.NotAuthorizedException):
        cognito.admin_initiate_auth(
            UserPoolId=pool,
            ClientId=client_id,
            AuthFlow="ADMIN_USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": "gz@jingjia.example.cn", "PASSWORD": "Guangzhou-2025x"},
        )
    # Enabled again, it is whole again
    assert call_api("POST", f"/api/accounts/{gz['username']}/enable", claims=admin_claims())[0] == 200
    assert cognito_user(gz["username"])["Enabled"] is True
    # A city cannot disable an administrator-made account of another city, nor any staff account
    assert call_api("POST", f"/api/accounts/{sz['username']}/disable", claims=city_claims("440100"))[0] == 404
    _, trail = call_api("GET", "/api/audit", query={"subject": "accounts"}, claims=admin_claims())
    assert [e["action"] for e in trail["events"]].count("account_disable") == 1
    assert call_api("POST", "/api/accounts/nobody@x.example.cn/enable", claims=admin_claims())[0] == 404

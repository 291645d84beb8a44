"""An enterprise asks for an account (anonymous, USCC checked); its city lists and decides; approving creates it."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from tests.factories import FACTORY_USCC, admin_claims, city_claims, enterprise_claims

Api = Callable[..., tuple[int, Any]]
ASK = {
    "uscc": FACTORY_USCC,
    "enterprise_name": "广州精加机械制造有限公司",
    "city": "440100",
    "contact": {"name": "陈晓明", "phone": "13800138000", "email": "hr@gzjingjia.example.cn"},
}


def test_asked_listed_by_its_city_and_approved_into_an_account(aws: None, call_api: Api) -> None:
    import boto3

    # Given an enterprise that asks without signing in
    status, asked = call_api("POST", "/api/public/account-requests", ASK)
    assert status == 201, asked
    assert asked["status"] == "pending"
    # And sends the same request again (a retry): the same request answers, none is added
    status, again = call_api("POST", "/api/public/account-requests", ASK)
    assert (status, again["id"]) == (200, asked["id"])
    # When Guangzhou lists its requests; Shenzhen sees none of them
    status, listed = call_api("GET", "/api/account-requests", claims=city_claims("440100"))
    assert status == 200, listed
    assert [r["id"] for r in listed["items"]] == [asked["id"]]
    assert call_api("GET", "/api/account-requests", claims=city_claims("440300"))[1]["items"] == []
    # And Shenzhen cannot decide it, Guangzhou approves it
    body = {"decision": "approve"}
    assert (
        call_api("POST", f"/api/account-requests/{asked['id']}/decision", body, claims=city_claims("440300"))[0] == 404
    )
    status, decided = call_api(
        "POST", f"/api/account-requests/{asked['id']}/decision", body, claims=city_claims("440100")
    )
    assert status == 200, decided
    assert decided["status"] == "approved"
    # Then the enterprise account exists in Cognito with its USCC and city, in the enterprise group
    user = boto3.client("cognito-idp").admin_get_user(
        UserPoolId=os.environ["USER_POOL_ID"],
        Username=decided["username"],
    )
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    assert (attributes["custom:uscc"], attributes["custom:city"]) == (FACTORY_USCC, "440100")
    # And a second decision loses
    assert call_api("POST", f"/api/account-requests/{asked['id']}/decision", body, claims=admin_claims())[0] == 409
    # And it was audited
    _, trail = call_api("GET", "/api/audit", query={"subject": "accounts"}, claims=admin_claims())
    assert "account_request_approved" in [e["action"] for e in trail["events"]]


def test_rejecting_needs_a_reason_and_frees_the_enterprise_to_ask_again(aws: None, call_api: Api) -> None:
    _, asked = call_api("POST", "/api/public/account-requests", ASK)
    path = f"/api/account-requests/{asked['id']}/decision"
    status, answer = call_api("POST", path, {"decision": "reject"}, claims=city_claims("440100"))
    assert status == 422, answer
    assert [f["path"] for f in answer["error"]["fields"]] == ["reason"]
    status, answer = call_api(
        "POST", path, {"decision": "reject", "reason": "该企业不在本市登记"}, claims=city_claims("440100")
    )
    assert (status, answer["status"]) == (200, "rejected")
    assert call_api("POST", "/api/public/account-requests", ASK)[0] == 201


def test_a_different_request_while_one_waits_is_refused(aws: None, call_api: Api) -> None:
    assert call_api("POST", "/api/public/account-requests", ASK)[0] == 201
    other = {**ASK, "contact": {**ASK["contact"], "email": "boss@gzjingjia.example.cn"}}
    assert call_api("POST", "/api/public/account-requests", other)[0] == 409


def test_bad_requests_name_the_field_and_enterprises_cannot_decide(aws: None, call_api: Api) -> None:
    status, answer = call_api("POST", "/api/public/account-requests", {**ASK, "uscc": "91440101MA59CDX460"})
    assert status == 422, answer
    assert [f["path"] for f in answer["error"]["fields"]] == ["uscc"]
    status, answer = call_api("POST", "/api/public/account-requests", {**ASK, "city": "110000"})
    assert status == 422, answer
    _, asked = call_api("POST", "/api/public/account-requests", ASK)
    decision = {"decision": "approve"}
    assert (
        call_api("POST", f"/api/account-requests/{asked['id']}/decision", decision, claims=enterprise_claims())[0]
        == 403
    )
    assert call_api("GET", "/api/account-requests", claims=enterprise_claims())[0] == 403
    assert call_api("GET", "/api/account-requests")[0] == 401

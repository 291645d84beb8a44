"""Accounts in the Cognito user pool (USER_POOL_ID): created with Cognito's own invitation mail, in one group
(the role), with `custom:uscc` / `custom:city` as the tenant; listed, disabled and enabled. Never deleted.

Listing reads the pool (or the role's group) page by page and filters city and text here: Cognito filters
only standard attributes, and the pool holds thousands of accounts, not millions.
"""

from __future__ import annotations

import os
from typing import Any

from botocore.exceptions import ClientError

from functions.dal.aws import client
from functions.errors import Conflict, NotFound, ServiceUnavailable

ROLES = ("admin", "province_reviewer", "city_reviewer", "enterprise")
MAX_PAGES = 100  # 60 users a page


def pool_id() -> str:
    return os.environ.get("USER_POOL_ID", "")


def _attributes(user: dict[str, Any]) -> dict[str, str]:
    raw = user.get("Attributes") or user.get("UserAttributes") or []
    return {a["Name"]: a["Value"] for a in raw}


def view(user: dict[str, Any], role: str | None) -> dict[str, Any]:
    attrs = _attributes(user)
    created = user.get("UserCreateDate")
    return {
        "username": user["Username"],
        "email": attrs.get("email", ""),
        "name": attrs.get("name", ""),
        "role": role,
        "uscc": attrs.get("custom:uscc"),
        "city": attrs.get("custom:city"),
        "enabled": bool(user.get("Enabled", True)),
        "status": user.get("UserStatus", ""),
        "created_at": created.isoformat(timespec="seconds") if created is not None else None,
    }


class CognitoAccounts:
    def __init__(self, cognito: Any = None, pool: str | None = None) -> None:
        self.cognito = cognito or client("cognito-idp")
        self.pool = pool or pool_id()

    def _call(self, operation: str, **kwargs: Any) -> Any:
        try:
            return getattr(self.cognito, operation)(UserPoolId=self.pool, **kwargs)
        except ClientError as exc:
            code = exc.response["Error"]["Code"]
            if code == "UsernameExistsException":
                raise Conflict("该邮箱已有账号") from exc
            if code == "UserNotFoundException":
                raise NotFound("找不到该账号") from exc
            raise ServiceUnavailable() from exc

    def create(self, email: str, name: str, role: str, uscc: str | None, city: str | None) -> dict[str, Any]:
        attributes = [
            {"Name": "email", "Value": email},
            {"Name": "email_verified", "Value": "true"},
            {"Name": "name", "Value": name},
        ]
        attributes += [{"Name": f"custom:{k}", "Value": v} for k, v in (("uscc", uscc), ("city", city)) if v]
        user = self._call(
            "admin_create_user", Username=email, UserAttributes=attributes, DesiredDeliveryMediums=["EMAIL"]
        )
        username = user["User"]["Username"]
        self._call("admin_add_user_to_group", Username=username, GroupName=role)
        return view(user["User"], role)

    def get(self, username: str) -> dict[str, Any]:
        user = self._call("admin_get_user", Username=username)
        groups = self._call("admin_list_groups_for_user", Username=username).get("Groups", [])
        names = {g["GroupName"] for g in groups}
        return view(user, next((r for r in ROLES if r in names), None))

    def set_enabled(self, username: str, enabled: bool) -> None:
        if enabled:
            self._call("admin_enable_user", Username=username)
        else:
            self._call("admin_disable_user", Username=username)
            self._call("admin_user_global_sign_out", Username=username)  # its refresh tokens stop working

    def in_role(self, role: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        token: str | None = None
        for _ in range(MAX_PAGES):
            page = self._call(
                "list_users_in_group", GroupName=role, Limit=60, **({"NextToken": token} if token else {})
            )
            found += [view(u, role) for u in page.get("Users", [])]
            token = page.get("NextToken")
            if not token:
                break
        return found

"""The local demo login: tokens signed by this process, with the claims Cognito would put in its JWTs.

Only the local server uses this; nothing here is deployed.
"""

from __future__ import annotations

import os
import secrets
import time
from functools import cache
from typing import Annotated, Any, Literal

import jwt
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from schemas._errors import rule_error
from schemas.fields import CityCode, Uscc

ISSUER = "gdskills-local"
TOKEN_SECONDS = 8 * 3600


@cache
def _secret() -> bytes:
    """The signing key: the data folder's (set by the local server, so sign-ins survive a restart), else random."""
    configured = os.environ.get("GDSKILLS_TOKEN_SECRET")
    return bytes.fromhex(configured) if configured else secrets.token_bytes(32)


class LocalSessionRequest(BaseModel):
    role: Annotated[Literal["enterprise", "city_reviewer", "province_reviewer", "admin"], Field(description="角色")]
    uscc: Annotated[Uscc | None, Field(validate_default=True)] = None
    city: Annotated[CityCode | None, Field(validate_default=True)] = None
    name: Annotated[str | None, Field(max_length=50, description="显示的用户名")] = None

    @field_validator("uscc")
    @classmethod
    def _enterprise_has_uscc(cls, uscc: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("role") == "enterprise" and not uscc:
            raise rule_error("uscc_required", "企业用户须填写统一社会信用代码")
        return uscc

    @field_validator("city")
    @classmethod
    def _city_reviewer_has_city(cls, city: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("role") == "city_reviewer" and not city:
            raise rule_error("city_required", "地市审核人员须填写所属地市代码")
        return city


def issue_token(session: LocalSessionRequest) -> str:
    now = int(time.time())
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": f"local-{session.role}-{secrets.token_hex(4)}",
        "iat": now,
        "exp": now + TOKEN_SECONDS,
        "cognito:groups": [session.role],
        "cognito:username": session.name or session.role,
    }
    if session.role == "enterprise" and session.uscc:
        claims["custom:uscc"] = session.uscc
    if session.role == "city_reviewer" and session.city:
        claims["custom:city"] = session.city
    return jwt.encode(claims, _secret(), algorithm="HS256")


def verify_token(token: str) -> dict[str, Any] | None:
    """The token's claims, or None when it is not one of ours or has expired."""
    try:
        claims: dict[str, Any] = jwt.decode(token, _secret(), algorithms=["HS256"], issuer=ISSUER)
    except jwt.PyJWTError:
        return None
    return claims

"""Who is calling: the claims the HTTP API's JWT authorizer (Cognito) put in the event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from functions.errors import Forbidden, Unauthorized

Role = Literal["enterprise", "city_reviewer", "province_reviewer", "admin"]
ROLES: tuple[Role, ...] = ("admin", "province_reviewer", "city_reviewer", "enterprise")  # strongest first
STAFF = frozenset({"city_reviewer", "province_reviewer", "admin"})


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    role: Role
    uscc: str | None = None
    city: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF

    @property
    def reviewer(self) -> str | None:
        """The review desk this person sits at: "CITY#440100" or "PROVINCE"."""
        if self.role == "city_reviewer":
            return f"CITY#{self.city}"
        if self.role in ("province_reviewer", "admin"):
            return "PROVINCE"
        return None


def _groups(raw: Any) -> list[str]:
    """`cognito:groups` arrives as a list, or as the authorizer's flattened "[a b]" string."""
    if isinstance(raw, list):
        return [str(g) for g in raw]
    text = str(raw or "").strip().strip("[]")
    return [g for g in text.replace(",", " ").split() if g]


def principal_from(event: dict[str, Any]) -> Principal | None:
    claims = (((event.get("requestContext") or {}).get("authorizer") or {}).get("jwt") or {}).get("claims") or {}
    if not claims:
        return None
    groups = _groups(claims.get("cognito:groups"))
    role = next((r for r in ROLES if r in groups), None)
    if role is None:
        return None
    uscc, city = claims.get("custom:uscc"), claims.get("custom:city")
    if (role == "enterprise" and not uscc) or (role == "city_reviewer" and not city):
        return None
    return Principal(subject=str(claims.get("sub", "")), role=role, uscc=uscc, city=city)


def require(principal: Principal | None, *roles: Role) -> Principal:
    if principal is None:
        raise Unauthorized()
    if roles and principal.role not in roles:
        raise Forbidden()
    return principal

"""The composition root: the stores every route shares, built on first use (not at import)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from functions.auth import Principal, Role, principal_from, require

if TYPE_CHECKING:
    from functions.dal.drafts import DraftStore
    from functions.services.kinds import Stores

Route = TypeVar("Route", bound=Callable[..., Any])
ROLES_ATTRIBUTE = "gdskills_roles"


@lru_cache(maxsize=1)
def stores() -> Stores:
    from functions.dal.debarments import DebarmentStore
    from functions.dal.records import RecordStore
    from functions.dal.uploads import UploadStore
    from functions.services.kinds import Stores

    records = RecordStore()
    return Stores(records=records, uploads=UploadStore(), debarments=DebarmentStore(records))


@lru_cache(maxsize=1)
def draft_store() -> DraftStore:
    from functions.dal.drafts import DraftStore

    return DraftStore()


def reset() -> None:
    """Forget the stores (tests swap the AWS behind them)."""
    from functions.dal.aws import reset_clients

    stores.cache_clear()
    draft_store.cache_clear()
    reset_clients()


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response[Any]:
    return Response(status_code=status, content_type="application/json", body=payload, headers=headers)


# The cache convention for anonymous answers: the API says how long an answer may be reused (`Cache-Control`),
# CloudFront's public cache policy (infra/template.yaml, `PublicAnswerSeconds`) honours it up to its maximum.
PUBLIC_MAX_AGE = 300


def public_response(payload: Any, max_age: int = PUBLIC_MAX_AGE) -> Response[Any]:
    """An anonymous answer that browsers and CloudFront may reuse for `max_age` seconds."""
    return json_response(payload, headers={"Cache-Control": f"public, max-age={max_age}"})


def caller(router: Router, *roles: Role) -> Principal:
    event: dict[str, Any] = router.current_event.raw_event
    return require(principal_from(event), *roles)


def allowed(*roles: Role) -> Callable[[Route], Route]:
    """Who may call a route (none named: anyone signed in), put under the route decorator.

    Powertools validates a route's input before the route runs; the error handler reads this mark so that a
    caller who may not call the route at all gets 401/403 whatever its body or query holds, never a 422.
    The route body still calls `caller(router, *roles)` with the same roles.
    """

    def mark(func: Route) -> Route:
        setattr(func, ROLES_ATTRIBUTE, roles)
        return func

    return mark


def refusal(route: Any, event: dict[str, Any]) -> None:
    """Raise 401/403 when `route` is marked with `allowed` and the event's caller may not call it."""
    roles: tuple[Role, ...] | None = getattr(getattr(route, "func", None), ROLES_ATTRIBUTE, None)
    if roles is not None:
        require(principal_from(event), *roles)

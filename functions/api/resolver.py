"""Powertools' HTTP API resolver, with three per-call costs taken out and nothing else changed (issue 13).

- **Static routes by key.** Powertools tries every route's regex in turn; a static route's regex only ever
  matches its own path, so (method, path) finds it in one dict lookup. Anything else (dynamic routes, misses,
  the OPTIONS pre-flight) takes Powertools' own scan, in its own order.
- **Compression decided without the headers.** Powertools reads and case-folds every request header on every
  answer to look for `Accept-Encoding: gzip`, though no route here compresses; the headers are read only when a
  route or an answer asks for compression, as before.
- **Middleware composed without frames.** Powertools wraps each step of a route's chain (validation, then its
  adapter that calls the route) in a `MiddlewareFrame` that, on every call, formats its name for a debug stack
  and resolves `Request`/`Depends()` parameters meant for function middlewares (ours is a class; the routes'
  own parameters are still resolved by the adapter). A route with no middleware of its own gets the same two
  steps called directly; routes or routers with middlewares keep Powertools' frames.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.event_handler.api_gateway import ResponseBuilder, Route, _registered_api_adapter


class _Answer(ResponseBuilder):  # type: ignore[type-arg]  # generic over the event class; any event is fine
    @staticmethod
    def _has_compression_enabled(route_compression: bool, response_compression: bool | None, event: Any) -> bool:
        if response_compression is None and not route_compression:
            return False  # what Powertools answers too, whatever Accept-Encoding says
        return ResponseBuilder._has_compression_enabled(route_compression, response_compression, event)


class HttpResolver(APIGatewayHttpResolver):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._response_builder_class = _Answer
        self._by_key: dict[tuple[str, str], Route] = {}
        self._keyed = -1  # how many static routes `_by_key` was built from

    def _resolve(self) -> ResponseBuilder:  # type: ignore[type-arg]
        if self._keyed != len(self._static_routes):  # routers are included after construction
            self._by_key = {}
            for static in self._static_routes:  # the first registered wins, as in the scan
                self._by_key.setdefault((static.method, static.path), static)
            self._keyed = len(self._static_routes)
        path = self._remove_prefix(self.current_event.path)
        route = self._by_key.get((self.current_event.http_method.upper(), path))
        if route is None:
            return super()._resolve()
        self.append_context(_route=route, _path=path)
        return self._call_route(route, {})  # a static rule has no groups: no route keys

    def _call_route(self, route: Route, route_arguments: dict[str, str]) -> ResponseBuilder:  # type: ignore[type-arg]
        if not route._middleware_stack_built and not (self._router_middlewares or route.middlewares):
            route._middleware_stack = self._steps(route)
            route._middleware_stack_built = True  # Powertools' `Route.__call__` then calls it as its stack
        return super()._call_route(route, route_arguments)

    def _steps(self, route: Route) -> Callable[[Any], Any]:
        """What Powertools' frames would call, in their order: validation (if on), then its route adapter."""
        func = route.func

        def call_route(app: Any) -> Any:
            return _registered_api_adapter(app, func)

        validating = route.enable_validation if route.enable_validation is not None else self._enable_validation
        if not validating:
            return call_route
        validation = self._request_validation_middleware
        return lambda app: validation.handler(app, call_route)  # type: ignore[arg-type]  # a NextMiddleware

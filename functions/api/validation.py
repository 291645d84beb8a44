"""Powertools' request and answer validation as one middleware, reading only what a route declares, and handing
the route its arguments in a form that is cheap (and private) to put in a debug line."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.event_handler.middlewares import NextMiddleware
from aws_lambda_powertools.event_handler.middlewares.openapi_validation import (
    OpenAPIRequestValidationMiddleware,
    OpenAPIResponseValidationMiddleware,
    _handle_missing_field_value,
    _is_or_contains_sequence,
    _request_body_to_args,
    _request_params_to_args,
    _validate_field,
)
from aws_lambda_powertools.event_handler.openapi.compat import (
    ModelField,
    _normalize_errors,
    _regenerate_error_with_loc,
)
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError


class RouteArguments(dict[str, Any]):
    """A route's validated arguments, shown by name and type only.

    Powertools' last middleware frame logs `logger.debug(f"Calling API Route Handler: {route_args}")`: the
    f-string formats every argument before the logger checks its level, so a 2,000-candidate report was
    rendered (about 50 ms, ID numbers included) on every call with debug off. Names and types are enough for
    a debug line, cost nothing, and never carry a candidate's data.
    """

    def __repr__(self) -> str:
        return "{" + ", ".join(f"{name}: {type(arg).__name__}" for name, arg in self.items()) + "}"

    __str__ = __repr__


def _quietly(next_middleware: NextMiddleware) -> Any:  # a NextMiddleware
    def call(app: Any) -> Any:
        app.context["_route_args"] = RouteArguments(app.context.get("_route_args") or {})
        return next_middleware(app)

    return call


_TAKES_A_LIST: dict[int, bool] = {}  # id(ModelField) -> whether its annotation is or holds a sequence


def _object_from_text(field: ModelField, text: str) -> tuple[dict[str, Any], list[Any]] | None:
    """A JSON object body validated straight from its text by pydantic-core (parsing into dicts with `json.loads`
    first cost about as much again as validating, 3–6 µs a call); None when the text is no object or cannot be
    read as UTF-8 text, to take Powertools' path. Malformed JSON is `json_invalid` at `body` either way."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        return {field.name: field._type_adapter.validate_json(text)}, []
    except ValidationError as exc:
        return {}, _regenerate_error_with_loc(errors=exc.errors(), loc_prefix=("body",))
    except ValueError:  # e.g. a lone surrogate in the text itself
        return None


def _whole_body(field: ModelField, app: Any, body_of: Any) -> tuple[dict[str, Any], list[Any]]:
    """`_request_body_to_args` for the usual route, one model taking the whole body: an object is validated from
    its text; anything else as Powertools does, with the annotation's shape looked up once per route."""
    text = app.current_event.decoded_body
    if text and (read := _object_from_text(field, text)) is not None:
        return read
    body = body_of(app)
    values: dict[str, Any] = {}
    errors: list[Any] = []
    if body is None:
        _handle_missing_field_value(field, values, errors, ("body",))
        return values, errors
    takes_a_list = _TAKES_A_LIST.get(id(field))
    if takes_a_list is None:
        takes_a_list = _TAKES_A_LIST[id(field)] = _is_or_contains_sequence(field.field_info.annotation)
    if not takes_a_list and isinstance(body, list) and body:
        body = body[0]  # as Powertools' `_normalize_field_value` does
    values[field.name] = _validate_field(field=field, value=body, loc=("body",), existing_errors=errors)
    return values, errors


class RouteValidation(OpenAPIRequestValidationMiddleware):
    """Powertools' request validation then its answer validation, in one middleware frame instead of two.

    - A route that declares no query, header or cookie parameter skips parsing all three (Powertools parses
      and normalises them on every call, yielding neither a value nor an error); routes that declare any take
      Powertools' own path.
    - Every body is read as JSON whatever Content-Type the client sent (API.md: the API takes only JSON).
    - An answer that is already an instance of exactly the model the route declares is left to the JSON
      serializer (pydantic-core writes the model as the model's own serializer does); validating it again is
      a no-op and dumping it to a dict first is the same JSON, twice the work. Anything else (dicts, lists,
      subclasses, `Response` bodies) is validated and serialized by Powertools as before.
    """

    def __init__(self, answers: OpenAPIResponseValidationMiddleware) -> None:
        super().__init__()
        self._answers = answers

    def handler(self, app: Any, next_middleware: NextMiddleware) -> Any:
        route = app.context["_route"]
        dependant = route.dependant
        if dependant.query_params or dependant.header_params or dependant.cookie_params:
            return self._answer(route, super().handler(app, _quietly(next_middleware)))
        values, errors = _request_params_to_args(dependant.path_params, app.context["_route_args"])
        if dependant.body_params:
            params = dependant.body_params
            if len(params) == 1 and not getattr(params[0].field_info, "embed", None):
                body_values, body_errors = _whole_body(params[0], app, self._get_body)
            else:
                body_values, body_errors = _request_body_to_args(params, self._get_body(app))
            values.update(body_values)
            errors += body_errors
        if errors:
            raise RequestValidationError(_normalize_errors(errors))
        app.context["_route_args"] = RouteArguments(values)
        return self._answer(route, next_middleware(app))

    def _get_body(self, app: Any) -> Any:
        return self._parse_json_data(app)

    def _answer(self, route: Any, response: Any) -> Any:
        field = route.dependant.return_param
        if field is not None and isinstance(response.body, BaseModel) and type(response.body) is field.type_:
            return response
        return self._answers._handle_response(route=route, response=response)

"""The functions' Logger (Powertools, structured JSON), with resident ID numbers masked out of every line."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from functools import wraps
from typing import Any, TypeVar

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter
from aws_lambda_powertools.logging.lambda_context import build_lambda_context_model
from aws_lambda_powertools.logging.types import PowertoolsLogRecord

SERVICE = os.environ.get("POWERTOOLS_SERVICE_NAME", "gdskills")
# An 18-character resident ID (17 digits + digit or X) not inside a longer run of digits. Letters may touch
# it: in a serialized line an ID after a newline reads "\n440106…", after "id" reads "id440106…".
ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")

Handler = TypeVar("Handler", bound=Callable[[Any, Any], Any])
# The invocation being served (event, context, cold start), read only when a line is written.
_INVOCATION: ContextVar[tuple[Mapping[str, Any], Any, bool] | None] = ContextVar("invocation", default=None)
_warm = os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE") == "provisioned-concurrency"


def mask_id_numbers(text: str) -> str:
    """Keep the region prefix and the check character, hide the birth date and sequence: 440106***********X."""
    return ID_NUMBER.sub(lambda m: m.group(1) + "*" * 11 + m.group(2)[-1], text)


def invocation_keys() -> dict[str, Any]:
    """The keys Powertools' `inject_lambda_context` adds (context fields, cold start, correlation id)."""
    current = _INVOCATION.get()
    if current is None:
        return {}
    event, context, cold_start = current
    keys: dict[str, Any] = {"cold_start": cold_start, **build_lambda_context_model(context).__dict__}
    request = event.get("requestContext")
    keys["correlation_id"] = request.get("requestId") if isinstance(request, Mapping) else None
    return {k: v for k, v in keys.items() if v is not None}


def with_invocation_keys(handler: Handler) -> Handler:
    """`inject_lambda_context(correlation_id_path=API_GATEWAY_HTTP, clear_state=True)`, paid for per line.

    Powertools rebuilds the logger's keys and runs a JMESPath query on every invocation (about 10 µs), though
    most API calls write no line at all; here an invocation only notes its event and context, and a line that
    is written gets the same keys from them."""

    @wraps(handler)
    def decorate(event: Mapping[str, Any], context: Any) -> Any:
        global _warm
        token = _INVOCATION.set((event, context, not _warm))
        _warm = True
        try:
            return handler(event, context)
        finally:
            _INVOCATION.reset(token)

    return decorate  # type: ignore[return-value]  # same signature as `handler`


class MaskingFormatter(LambdaPowertoolsFormatter):
    def serialize(self, log: dict[str, Any] | PowertoolsLogRecord) -> str:
        if isinstance(log, dict):
            log = {**log, **{k: v for k, v in invocation_keys().items() if k not in log}}
        return mask_id_numbers(super().serialize(log))


logger = Logger(service=SERVICE, logger_formatter=MaskingFormatter())

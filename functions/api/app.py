"""The one resolver of the HTTP API, with validation on and every error in API.md's shape."""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.shared.json_encoder import Encoder

from functions.api.errors import register_error_handlers


def read_json(text: str) -> Any:
    """json.loads, with the bodies it cannot take (nesting too deep, 4,300+ digit numbers) as malformed JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:
        raise json.JSONDecodeError(f"unreadable JSON: {type(exc).__name__}", text[:100], 0) from exc


# Chinese stays readable in answers (UTF-8, not \u escapes).
app = APIGatewayHttpResolver(
    enable_validation=True,
    serializer=partial(json.dumps, separators=(",", ":"), ensure_ascii=False, cls=Encoder),
    json_body_deserializer=read_json,
)
register_error_handlers(app)

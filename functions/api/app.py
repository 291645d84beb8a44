"""The one resolver of the HTTP API, with validation on and every error in API.md's shape."""

from __future__ import annotations

import json
from functools import partial

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.shared.json_encoder import Encoder

from functions.api.errors import register_error_handlers

# Chinese stays readable in answers (UTF-8, not \u escapes).
app = APIGatewayHttpResolver(
    enable_validation=True,
    serializer=partial(json.dumps, separators=(",", ":"), ensure_ascii=False, cls=Encoder),
)
register_error_handlers(app)

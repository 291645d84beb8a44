"""The functions' Logger (Powertools, structured JSON), with resident ID numbers masked out of every line."""

from __future__ import annotations

import os
import re
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.logging.formatter import LambdaPowertoolsFormatter
from aws_lambda_powertools.logging.types import PowertoolsLogRecord

SERVICE = os.environ.get("POWERTOOLS_SERVICE_NAME", "gdskills")
# An 18-character resident ID (17 digits + digit or X) not inside a longer run of digits. Letters may touch
# it: in a serialized line an ID after a newline reads "\n440106…", after "id" reads "id440106…".
ID_NUMBER = re.compile(r"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?!\d)")


def mask_id_numbers(text: str) -> str:
    """Keep the region prefix and the check character, hide the birth date and sequence: 440106***********X."""
    return ID_NUMBER.sub(lambda m: m.group(1) + "*" * 11 + m.group(2)[-1], text)


class MaskingFormatter(LambdaPowertoolsFormatter):
    def serialize(self, log: dict[str, Any] | PowertoolsLogRecord) -> str:
        return mask_id_numbers(super().serialize(log))


logger = Logger(service=SERVICE, logger_formatter=MaskingFormatter())

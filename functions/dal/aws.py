"""AWS clients, built once per container and only when a route first needs them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import Any

from botocore.config import Config


@dataclass(frozen=True, slots=True)
class Settings:
    table: str
    idempotency_table: str
    materials_bucket: str
    exports_bucket: str
    notify_queue_url: str
    export_queue_url: str
    mail_from: str
    stage: str


def settings() -> Settings:
    env = os.environ
    return Settings(
        table=env.get("TABLE_NAME", "gdskills"),
        idempotency_table=env.get("IDEMPOTENCY_TABLE_NAME", "gdskills-idempotency"),
        materials_bucket=env.get("MATERIALS_BUCKET", "gdskills-materials"),
        exports_bucket=env.get("EXPORTS_BUCKET", "gdskills-exports"),
        notify_queue_url=env.get("NOTIFY_QUEUE_URL", ""),
        export_queue_url=env.get("EXPORT_QUEUE_URL", ""),
        mail_from=env.get("MAIL_FROM", "noreply@gdskills.example"),
        stage=env.get("GDSKILLS_STAGE", "local"),
    )


_CONFIG = Config(retries={"mode": "standard", "max_attempts": 4}, connect_timeout=3, read_timeout=10)


@cache
def client(service: str) -> Any:
    import boto3

    if service == "s3":
        return boto3.client(
            "s3", config=_CONFIG.merge(Config(signature_version="s3v4", s3={"addressing_style": "path"}))
        )
    if service == "dynamodb":
        # The dal builds every request (typed, mypy strict) and DynamoDB validates each one itself (a bad one is a
        # ValidationException, a ClientError like any other): botocore walking the parameters first was a fifth
        # of the client's cost of a report's 4,000 keyed lookups.
        return boto3.client("dynamodb", config=_CONFIG.merge(Config(parameter_validation=False)))
    return boto3.client(service, config=_CONFIG)  # type: ignore[call-overload]  # the name is data here


def reset_clients() -> None:
    """Tests swap AWS (moto) between cases: forget the clients built for the previous one."""
    client.cache_clear()

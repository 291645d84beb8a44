"""Functional tests run the handler against moto, with the resources the template creates."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from moto import mock_aws

from tests.factories import PDF_BYTES, enterprise_claims, upload_request


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "TABLE_NAME": "gdskills-test",
        "IDEMPOTENCY_TABLE_NAME": "gdskills-test-idempotency",
        "MATERIALS_BUCKET": "gdskills-test-materials",
        "EXPORTS_BUCKET": "gdskills-test-exports",
        "MAIL_FROM": "noreply@gdskills.example",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    from functions.api import deps
    from functions.dal.local import create_local_resources

    with mock_aws():
        deps.reset()
        create_local_resources()
        yield
        deps.reset()
    os.environ.pop("NOTIFY_QUEUE_URL", None)


@pytest.fixture
def upload(aws: None, call_api: Callable[..., tuple[int, Any]]) -> Callable[..., str]:
    """Upload a file as an enterprise would (declare, then POST to S3); answer its key."""
    from functions.dal.aws import client, settings

    def run(purpose: str, data: bytes = PDF_BYTES, claims: dict[str, Any] | None = None, **overrides: Any) -> str:
        declared = {**upload_request(purpose, data), **overrides}
        status, answer = call_api("POST", "/api/uploads", declared, claims=claims or enterprise_claims())
        assert status == 201, answer
        client("s3").put_object(
            Bucket=settings().materials_bucket, Key=answer["key"], Body=data, ContentType=declared["content_type"]
        )
        return str(answer["key"])

    return run

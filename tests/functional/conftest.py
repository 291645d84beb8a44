"""Functional tests run the handler against moto, with the resources the template creates."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.functional._workflow import direct_upload, moto_world


@pytest.fixture
def aws() -> Iterator[None]:
    with moto_world("test"):
        yield


@pytest.fixture
def upload(aws: None) -> Callable[..., str]:
    """Upload a file as an enterprise would (declare, then store it in S3); answer its key."""
    return direct_upload

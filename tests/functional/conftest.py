"""Functional tests run the handler against moto, with the resources the template creates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from functions.services import clock
from tests.functional._workflow import direct_upload, moto_world, set_today


@pytest.fixture(autouse=True)
def _real_clock_after_each_test() -> Iterator[None]:
    """A test that moves the clock never moves it for the next one."""
    yield
    clock.install_source(None)


@pytest.fixture
def today() -> Callable[[date | str], date]:
    """Set the one clock to a Beijing date: `today("2026-05-06")`; it returns to the real date after the test."""
    return set_today


@pytest.fixture
def aws() -> Iterator[None]:
    with moto_world("test"):
        yield


@pytest.fixture
def upload(aws: None) -> Callable[..., str]:
    """Upload a file as an enterprise would (declare, then store it in S3); answer its key."""
    return direct_upload

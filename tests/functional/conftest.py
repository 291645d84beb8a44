"""Functional tests run the handler against moto, with the resources the template creates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from functions.services import clock
from tests.functional._workflow import PLAN_DAY, direct_upload, moto_world, set_today


@pytest.fixture(autouse=True)
def _clock_on_the_factories_day() -> Iterator[None]:
    """Each test starts on PLAN_DAY (phase 1 of 2024, where the factories' plans and reports live) and
    leaves the real clock behind it, so a test that moves the clock never moves it for the next one."""
    set_today(PLAN_DAY)
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

"""Browser tests: the local server in a subprocess, Debian's Chromium driven by Playwright, axe-core on each page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from infra.local_server import free_port

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "build" / "site"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`python -m infra.local_server` on a free port, as `make serve` runs it; yields its base URL."""
    if not (SITE / "index.html").exists():
        pytest.fail("build/site is missing: run `make test` (it builds the site first) or `make site`")
    port = free_port()
    data = tmp_path_factory.mktemp("data")  # a fresh, empty system; never the developer's .data/
    env = {**os.environ, "PORT": str(port), "GDSKILLS_DATA": str(data)}
    log = (ROOT / "build" / "e2e-server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "infra.local_server"], cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://localhost:{port}"  # the host presigned upload URLs name, so uploads stay same-origin
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"the local server did not start; see {log.name}")
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def set_clock(base: str, day: str | None) -> None:
    """Move the local server's clock (`PUT /api/local/clock`), as the demo does to walk a year."""
    body = json.dumps({"today": day}).encode()
    request = urllib.request.Request(f"{base}/api/local/clock", data=body, method="PUT")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """Every request a page made, so a test can prove none left the local server."""

    origin: str
    urls: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        local = urlsplit(self.origin).netloc
        return [
            u for u in self.urls if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != local
        ]


@pytest.fixture
def traffic(server: str) -> Traffic:
    return Traffic(server)


def new_page(browser: Any, server: str, traffic: Traffic, viewport: dict[str, int] | None = None) -> Any:
    context = browser.new_context(
        base_url=server, locale="zh-CN", viewport=viewport or {"width": 1280, "height": 900}, reduced_motion="reduce"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on("request", lambda request: traffic.urls.append(request.url))
    return page


@pytest.fixture
def page(browser: Any, server: str, traffic: Traffic) -> Iterator[Any]:
    page = new_page(browser, server, traffic)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser: Any, server: str, traffic: Traffic) -> Iterator[Any]:
    page = new_page(browser, server, traffic, PHONE)
    yield page
    page.context.close()

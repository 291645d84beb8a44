"""The built site as it is published: every inline script covered by the CSP hashes, no demo login anywhere."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import SITE

pytestmark = pytest.mark.e2e
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?(application/json|application/ld\+json|importmap)""", re.I)
HASHES = SITE.parent / "csp-script-hashes.txt"
PUBLISHED_EXCLUDED = {"assets/js/demo-signin.js"}  # infra/deploy.sh never uploads it


def pages() -> list[Path]:
    found = sorted(SITE.rglob("*.html"))
    assert len(found) > 10, "build/site is missing: run `make site`"
    return found


def test_every_inline_script_on_every_page_is_allowed_by_a_hash() -> None:
    allowed = set(HASHES.read_text(encoding="utf-8").split())
    missing = []
    for page in pages():
        for attributes, body in SCRIPT.findall(page.read_text(encoding="utf-8")):
            if re.search(r"\bsrc\s*=", attributes) or DATA_TYPE.search(attributes):
                continue
            digest = "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            if digest not in allowed:
                missing.append(f"{page.relative_to(SITE)}: {body[:60]!r}")
    assert not missing, "inline scripts without a CSP hash:\n" + "\n".join(missing)


def test_no_page_has_inline_event_handlers_or_javascript_urls() -> None:
    handler = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
    for page in pages():
        text = page.read_text(encoding="utf-8")
        assert not handler.search(text), page
        assert "javascript:" not in text.lower(), page


def test_nothing_published_offers_the_demo_login() -> None:
    published = [
        p
        for p in SITE.rglob("*")
        if p.is_file()
        and p.suffix in {".html", ".js", ".json"}
        and p.relative_to(SITE).as_posix() not in PUBLISHED_EXCLUDED
    ]
    for path in published:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "/local/session" not in text, path
        assert "演示登录" not in text, path
    assert not (SITE / "config.json").exists() or '"cognito"' in (SITE / "config.json").read_text()

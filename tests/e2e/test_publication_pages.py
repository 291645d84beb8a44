"""The public certificate check, the shortlist notices and the announcements pages in a real browser."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import Traffic

pytestmark = pytest.mark.e2e


def test_the_qr_link_opens_the_check_prefilled_and_answers(page: Any, traffic: Traffic) -> None:
    # Given the link a certificate's QR code holds (here a number nobody holds)
    page.goto("/verify/?number=Y00004400999925T000001&name=%E5%BC%A0%E4%B8%89", wait_until="networkidle")
    # Then the form is filled in from the link and the check has run: an unknown number is said plainly
    assert page.locator("#verify-number").input_value() == "Y00004400999925T000001"
    assert page.locator("#verify-name").input_value() == "张三"
    result = page.locator("#verify-result")
    result.get_by_text("未查到该证书").wait_for()
    assert_page_ok(page)
    assert any("/api/public/certificates/verify?" in url for url in traffic.urls)
    assert traffic.foreign() == []


def test_the_check_needs_both_fields(page: Any) -> None:
    page.goto("/verify/", wait_until="networkidle")
    page.locator("#verify-number").fill("Y00004400999925T000001")
    page.get_by_role("button", name="查验").click()
    page.locator("#verify-result").get_by_text("请填写证书编号和持证人姓名").wait_for()


@pytest.mark.parametrize(("path", "empty"), [("/gongshi/", "目前没有公示"), ("/announcements/", "名单尚未公布")])
def test_publication_pages_load_and_say_when_nothing_is_published(page: Any, path: str, empty: str) -> None:
    page.goto(path, wait_until="networkidle")
    page.get_by_text(empty).first.wait_for()
    assert_page_ok(page)

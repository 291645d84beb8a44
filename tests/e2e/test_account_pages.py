"""An enterprise asks for an account on 申请账号 and its city approves it on 账号申请, through the pages alone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import Traffic, new_page
from tests.factories import make_uscc

pytestmark = pytest.mark.e2e
USCC = make_uscc("91440104MA9Y1KQ20")  # a Guangzhou (Yuexiu) firm asking for its first account


@pytest.fixture
def city_reviewer(browser: Any, server: str) -> Iterator[Any]:
    page = new_page(browser, server, Traffic(server))
    page.goto("/console/")
    page.get_by_label("地市审核人员").check()
    page.get_by_label("所属地市").select_option("440100")
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：地市审核人员").wait_for()
    yield page
    page.context.close()


def test_an_enterprise_asks_and_its_city_approves_through_the_pages(page: Any, city_reviewer: Any) -> None:
    # Given an enterprise without an account, on the sign-in page
    page.goto("/enterprise/")
    page.get_by_role("link", name="申请账号").first.click()
    page.wait_for_url("**/enterprise/apply/")
    assert_page_ok(page)
    # When it fills in the request and sends it
    page.get_by_label("统一社会信用代码").fill(USCC)
    page.get_by_label("企业名称").fill("广州越秀精工有限公司")
    page.get_by_label("所在地市").select_option("440100")
    page.get_by_label("姓名").fill("黄志强")
    page.get_by_label("电话").fill("13922334455")
    page.get_by_label("电子邮箱").fill("hr@yxjinggong.example.cn")
    page.get_by_role("button", name="提交申请").click()
    page.get_by_text("申请已提交").wait_for()
    # Then Guangzhou's reviewer sees it and approves it
    city_reviewer.goto("/console/account-requests/")
    row = city_reviewer.get_by_role("row").filter(has_text=USCC)
    row.get_by_role("button", name="同意开通").click()
    city_reviewer.get_by_text("已为广州越秀精工有限公司开通账号").wait_for()
    assert_page_ok(city_reviewer)
    # And the account is in the city's account list, enabled
    city_reviewer.goto("/console/accounts/")
    city_reviewer.get_by_role("row").filter(has_text="hr@yxjinggong.example.cn").wait_for()
    assert_page_ok(city_reviewer)

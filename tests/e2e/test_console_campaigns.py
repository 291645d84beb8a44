"""An administrator opens a new year on the console, and the pages offer it at once; a city's contact phone set
on the console shows on the public contacts page as a tap-to-call link."""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import Traffic, new_page, set_clock

pytestmark = pytest.mark.e2e


@pytest.fixture
def admin(browser: Any, server: str) -> Any:
    traffic = Traffic(server)
    page = new_page(browser, server, traffic)
    page.traffic = traffic
    page.goto("/console/")
    page.get_by_label("管理员").check()
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：管理员").wait_for()
    yield page
    page.context.close()


def _campaigns(server: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{server}/api/campaigns", timeout=10) as answer:
        return dict(json.load(answer))


def test_an_admin_opens_a_year_no_code_knows_and_the_plan_page_offers_it(admin: Any, server: str) -> None:
    # Given the newest year the system knows, the next one is new to it; the clock is set inside that year
    year = str(int(_campaigns(server)["items"][0]["year"]) + 1)
    set_clock(server, f"{year}-05-06")
    try:
        # When the administrator opens it on the console with two overlapping phases
        page = admin
        page.goto("/console/campaigns/")
        page.get_by_label("年度", exact=True).fill(year)
        page.get_by_label("名称").fill(f"广东省{year}年特级技师、首席技师评聘")
        page.get_by_label("开始日期").fill(f"{year}-04-01")
        page.get_by_label("截止日期").fill(f"{year}-07-10")
        page.get_by_role("button", name="增加一期").click()
        page.get_by_label("开始日期").nth(1).fill(f"{year}-07-01")
        page.get_by_label("截止日期").nth(1).fill(f"{year}-10-30")
        page.get_by_role("button", name="保存年度").click()
        # Then it is saved, listed as the current year, and served by the API
        page.get_by_text(f"已保存 {year} 年度").wait_for()
        page.get_by_role("button", name=f"修改 {year}").wait_for()
        assert "当前年度" in page.locator("#years tr", has_text=f"广东省{year}年").inner_text()
        assert_page_ok(page)
        listed = _campaigns(server)
        assert (listed["current"], listed["items"][0]["year"]) == (year, year)
        # And the home page's timetable shows it first, read at run time
        page.goto("/")
        page.locator("[data-campaign-timetable][data-live]").wait_for()
        assert year in page.locator("[data-campaign-timetable] h3").first.inner_text()
        # When a bad phase is saved (deadline before the start), Then the field is named, nothing is lost
        page.goto("/console/campaigns/")
        page.get_by_role("button", name=f"修改 {year}").click()
        page.get_by_label("截止日期").first.fill(f"{year}-03-01")
        page.get_by_role("button", name="保存年度").click()
        expect(page.locator(".error-summary")).to_contain_text("截止日期不能早于开始日期")
    finally:
        set_clock(server, None)


def test_a_city_contact_set_on_the_console_shows_as_a_tap_to_call_link(admin: Any) -> None:
    page = admin
    page.goto("/console/contacts/")
    page.get_by_label("地市", exact=True).select_option("440200")
    page.get_by_label("职业技能评价指导机构", exact=True).fill("韶关市职业技能鉴定指导中心")
    page.get_by_label("咨询电话", exact=True).fill("0751-8882233")
    page.get_by_role("button", name="保存").click()
    page.get_by_text("已保存韶关市的联系方式").wait_for()
    assert_page_ok(page)
    page.goto("/guide/contacts/")
    page.locator("[data-city-contacts][data-live]").wait_for()
    row = page.locator('tr[data-city="440200"]')
    assert row.get_by_role("link", name="0751-8882233").get_attribute("href") == "tel:07518882233"
    assert "待公布" in page.locator('tr[data-city="440300"]').inner_text()  # unset stays unset

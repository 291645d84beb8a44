"""The self-check on a phone: a person enters what they hold and sees, per path, whether it is met and when."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import Traffic

pytestmark = pytest.mark.e2e


def fill_credential(page: Any, row: int, kind: str, grade: str, obtained_on: str) -> None:
    prefix = f"credentials[{row}]"
    page.locator(f'[data-path="{prefix}.kind"]').select_option(label=kind)
    page.locator(f'[data-path="{prefix}.grade"]').select_option(label=grade)
    page.locator(f'[data-path="{prefix}.relation"]').select_option("corresponding")  # required: no default
    page.locator(f'[data-path="{prefix}.obtained_on"]').fill(obtained_on)


def fill_work(page: Any, row: int, start: str) -> None:
    page.locator(f'[data-path="work_periods[{row}].start"]').fill(start)
    page.locator(f'[data-path="work_periods[{row}].relation"]').select_option(label="本职业")


def test_senior_technician_a_year_on_is_eligible_for_t_by_t1(phone: Any, traffic: Traffic) -> None:
    # Given the self-check on a 390 px wide phone
    page = phone
    page.goto("/selfcheck/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the form must not scroll sideways"
    # When a 高级技师 since 2023-03-01, working in the trade since 2010, checks T as of 2024-06-30
    page.get_by_label("特级技师（T 级）").check()
    page.get_by_label("评价日期").fill("2024-06-30")
    fill_credential(page, 0, "职业资格（职业技能等级）证书", "高级技师", "2023-03-01")
    fill_work(page, 0, "2010-07-01")
    page.get_by_role("button", name="开始自查").click()
    # Then the verdict says eligible on T1, and each path says why
    verdict = page.locator("#verdict")
    verdict.wait_for()
    assert "符合特级技师参评基本条件（依据：T1）" in verdict.inner_text()
    paths = page.locator("li.path")
    assert paths.count() == 4  # T1–T3 and the direct route
    assert "✓ 满足" in paths.filter(has_text="T1").inner_text()
    assert "✗ 不满足" in paths.filter(has_text="T2").inner_text()
    assert page.locator("#result").evaluate("el => el === document.activeElement")
    assert_page_ok(page)
    assert traffic.foreign() == []


def test_chief_candidate_short_of_time_sees_the_date_they_become_eligible(phone: Any) -> None:
    # Given a 高级技师 since 2022-09-01 with a provincial 南粤技术能手 honour, still working
    page = phone
    page.goto("/selfcheck/")
    page.get_by_label("首席技师（S 级）").check()
    page.get_by_label("评价日期").fill("2024-06-30")
    fill_credential(page, 0, "职业资格（职业技能等级）证书", "高级技师", "2022-09-01")
    fill_work(page, 0, "2015-03-01")
    page.get_by_role("button", name="添加荣誉").click()
    page.locator('[data-path="honours[0].category"]').select_option(label="技术能手")
    page.locator('[data-path="honours[0].level"]').select_option(label="省级")
    page.locator('[data-path="honours[0].name"]').fill("南粤技术能手")
    page.locator('[data-path="honours[0].granted_on"]').fill("2021-12-01")
    # When the check is run
    page.get_by_role("button", name="开始自查").click()
    # Then S2 (3 years after the certificate) is not yet met and the date it will be is given
    verdict = page.locator("#verdict")
    verdict.wait_for()
    assert "预计 2025 年 9 月 1 日起符合" in verdict.inner_text()
    assert "✓ 满足" in page.locator("li.path", has_text="S_HONOUR").inner_text()
    assert "预计 2025 年 9 月 1 日满足" in page.locator("li.path", has_text="S2").inner_text()


def test_fixed_level_honour_locks_its_level(phone: Any) -> None:
    # Given an honour row
    page = phone
    page.goto("/selfcheck/")
    page.get_by_role("button", name="添加荣誉").click()
    # When the category is one whose level is fixed (中华技能大奖 is always national)
    page.locator('[data-path="honours[0].category"]').select_option(label="中华技能大奖")
    # Then the level shows 国家级 and cannot be changed
    level = page.locator('[data-path="honours[0].level"]')
    assert level.is_disabled()
    assert level.input_value() == "national"


def test_server_errors_appear_next_to_the_field_and_in_a_focused_summary(phone: Any) -> None:
    # Given a credential row without its grade and date
    page = phone
    page.goto("/selfcheck/")
    page.locator('[data-path="credentials[0].kind"]').select_option(label="职称")
    # When the check is run
    page.get_by_role("button", name="开始自查").click()
    # Then the summary at the top is focused and links to the field; the message sits beside the field
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert summary.evaluate("el => el === document.activeElement")
    assert "提交未成功" in summary.inner_text()
    date = page.locator('[data-path="credentials[0].obtained_on"]')
    assert date.get_attribute("aria-invalid") == "true"
    described = date.get_attribute("aria-describedby") or ""
    message = page.locator(f"#{described.split()[-1]}")
    assert "必填" in message.inner_text()
    # And following the summary's link moves focus to that field, by keyboard alone
    link = summary.locator("a", has_text="取得日期")
    link.focus()
    page.keyboard.press("Enter")
    assert date.evaluate("el => el === document.activeElement")

"""The statistics dashboard: a year's records seeded through the API, then the charts and tables drawn from
`GET /api/stats` (the numbers the charts hold are the numbers the API answers), with axe on the page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.e2e.checks import assert_page_ok
from tests.factories import PDF_BYTES, filing_body, make_uscc, plan_body, report_body, t_candidate, upload_request

pytestmark = pytest.mark.e2e

USCC = make_uscc("91440300MA5G7Q8L2")  # a Shenzhen electronics maker
CITY = "440300"


class Client:
    def __init__(self, server: str, **session: str) -> None:
        self.server = server
        answer = requests.post(f"{server}/api/local/session", json=session, timeout=10)
        answer.raise_for_status()
        self.headers = {"Authorization": f"Bearer {answer.json()['token']}"}

    def call(self, method: str, path: str, body: Any = None, status: int = 200) -> Any:
        answer = requests.request(method, f"{self.server}/api{path}", json=body, headers=self.headers, timeout=30)
        assert answer.status_code == status, answer.text
        return answer.json()

    def upload(self, purpose: str) -> str:
        declared = upload_request(purpose)
        grant = self.call("POST", "/uploads", declared, 201)
        files = {"file": (declared["filename"], PDF_BYTES, declared["content_type"])}
        stored = requests.post(grant["url"], data=grant["fields"], files=files, timeout=30)
        assert stored.status_code in (200, 201, 204), stored.text
        return str(grant["key"])


def set_clock(server: str, today: str | None) -> None:
    requests.put(f"{server}/api/local/clock", json={"today": today}, timeout=10).raise_for_status()


@pytest.fixture(scope="module")
def seeded(server: str) -> Iterator[dict[str, Any]]:
    """A Shenzhen enterprise's 2024 year: filing and plan approved, a 3-person T report finally approved."""
    enterprise = Client(server, role="enterprise", uscc=USCC)
    city = Client(server, role="city_reviewer", city=CITY)
    try:
        set_clock(server, "2024-06-03")
        filing = enterprise.call("POST", "/filings", filing_body(USCC, CITY, ["above_scale"], ["T"]), 201)
        city.call("POST", f"/filings/{filing['id']}/decision", {"decision": "approve", "comment": "", "version": 1})
        plan = enterprise.call("POST", "/plans", plan_body(filing["id"], enterprise.upload("plan_document")), 201)
        city.call("POST", f"/plans/{plan['id']}/decision", {"decision": "approve", "comment": "", "version": 1})
        set_clock(server, "2024-07-01")
        candidates = [t_candidate(40 + i) for i in range(3)]
        body = report_body(plan["id"], enterprise.upload("material"), candidates)
        report = enterprise.call("POST", "/reports", body, 201)
        city.call("POST", f"/reports/{report['id']}/decision", {"decision": "approve", "comment": "", "version": 1})
        yield {"report": report["id"]}
    finally:
        set_clock(server, None)


def test_the_charts_show_the_apis_numbers(seeded: dict[str, Any], page: Any, server: str, traffic: Any) -> None:
    # Given a province reviewer signed in
    page.goto("/console/")
    page.get_by_label("省级审核人员").check()
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：省级审核人员").wait_for()
    # When they open the dashboard for 2024
    page.goto("/console/dashboard/")
    page.locator("#dash-campaign").select_option("2024")
    page.get_by_role("button", name="刷新").click()
    page.locator("#dash-status", has_text="2024 年度").wait_for()
    # Then each chart holds the API's numbers, city by city in the province's order
    province = Client(server, role="province_reviewer")
    stats = province.call("GET", "/stats?campaign=2024")
    option = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('chart-cities')).getOption()")
    assert option["yAxis"][0]["data"] == [c["name"] for c in stats["by_city"]]
    assert option["series"][0]["data"] == [c["candidates"] for c in stats["by_city"]]
    shenzhen = next(c for c in stats["by_city"] if c["city"] == CITY)
    assert shenzhen["candidates"] >= 3
    assert shenzhen["certificates"]["allocated"] >= 3
    # And the table beside it says the same, for screen readers and copying
    row = page.locator("#table-cities tr", has_text="深圳市")
    assert row.locator("td").nth(3).inner_text() == str(shenzhen["candidates"])
    # And the top occupations list 车工 with its count
    top = page.locator("#table-occupations")
    assert "车工" in top.inner_text()
    # And the page passes axe, with nothing fetched from another host
    assert_page_ok(page)
    assert not traffic.foreign()
    charts = page.locator(".dash-chart canvas")
    assert charts.count() >= 4


def test_a_city_reviewer_sees_its_city_only(seeded: dict[str, Any], page: Any) -> None:
    page.goto("/console/")
    page.get_by_label("地市审核人员").check()
    page.get_by_label("所属地市").select_option(CITY)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：地市审核人员").wait_for()
    page.goto("/console/dashboard/")
    page.locator("#dash-campaign").select_option("2024")
    page.get_by_role("button", name="刷新").click()
    page.locator("#dash-status", has_text="2024 年度").wait_for()
    assert page.locator("#dash-city").is_disabled()
    names = page.evaluate(
        "() => echarts.getInstanceByDom(document.getElementById('chart-cities')).getOption().yAxis[0].data"
    )
    assert names == ["深圳市"]


def test_the_home_page_shows_the_public_numbers(seeded: dict[str, Any], page: Any, server: str) -> None:
    # Given the local clock inside the 2024 campaign, whose Shenzhen report was approved
    set_clock(server, "2024-07-02")
    try:
        answer = requests.get(f"{server}/api/public/stats", timeout=10).json()
        assert answer["campaign"] == "2024"
        assert answer["enterprises"] >= 1
        assert answer["certified"] >= 3
        # When the home page is opened, its two numbers are the API's, with no names and no ID numbers
        page.goto("/")
        page.locator("#home-stats-note", has_text=answer["name"]).wait_for()
        assert page.locator('[data-stat="enterprises"]').inner_text() == str(answer["enterprises"])
        assert page.locator('[data-stat="certified"]').inner_text() == str(answer["certified"])
        assert set(answer) == {"campaign", "name", "enterprises", "certified"}
    finally:
        set_clock(server, None)

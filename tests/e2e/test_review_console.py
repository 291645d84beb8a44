"""The review console through the pages: a city reviewer opens a report's PDF material in the browser and reads
each candidate's evidence and verdict; the province reads the same report read-only, with the verdict as of the
plan's review date; a return without a comment is stopped on the page; the queue filters and lists 已办; and no
storage key shows on any page, the enterprise's included. The records are made through the API first (as an
enterprise would, uploads through the local server's /s3/ presigned POST), with a real PDF generated here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import PHONE, Traffic, new_page, set_clock
from tests.factories import SHENZHEN_USCC, filing_body, plan_body, report_body, t_candidate, tiny_pdf, upload_request

pytestmark = pytest.mark.e2e

USCC = SHENZHEN_USCC  # the workflow test uses Guangzhou; a Shenzhen works keeps the two apart
CITY = "440300"
PDF = tiny_pdf("gongshi qingkuang shuoming")
NOTICE_NAME = "公示情况说明.pdf"


class Client:
    def __init__(self, base: str, session: dict[str, Any]) -> None:
        self.base = base
        answer = requests.post(f"{base}/api/local/session", json=session, timeout=30)
        answer.raise_for_status()
        self.headers = {"Authorization": f"Bearer {answer.json()['token']}"}

    def call(self, method: str, path: str, body: Any = None) -> Any:
        answer = requests.request(method, f"{self.base}/api{path}", json=body, headers=self.headers, timeout=60)
        assert answer.status_code in (200, 201), answer.text
        return answer.json()

    def upload(self, purpose: str, data: bytes, filename: str) -> str:
        declared = upload_request(purpose, data, filename)
        grant = self.call("POST", "/uploads", declared)
        stored = requests.post(
            grant["url"], data=grant["fields"], files={"file": (filename, data, "application/pdf")}, timeout=60
        )
        assert stored.status_code in (200, 201, 204), stored.text
        return str(grant["key"])


@pytest.fixture(scope="module")
def report(server: str) -> Iterator[dict[str, Any]]:
    set_clock(server, "2024-06-03")  # inside 2024's first phase, before the plan's review date
    enterprise = Client(server, {"role": "enterprise", "uscc": USCC})
    city = Client(server, {"role": "city_reviewer", "city": CITY})
    decision = {"decision": "approve", "comment": "材料齐全", "version": 1}
    filing = enterprise.call("POST", "/filings", {**filing_body(USCC, CITY), "levels": ["T"]})["id"]
    city.call("POST", f"/filings/{filing}/decision", decision)
    plan_key = enterprise.upload("plan_document", tiny_pdf("gongzuo fangan"), "评价工作方案.pdf")
    plan = enterprise.call("POST", "/plans", plan_body(filing, plan_key))["id"]
    city.call("POST", f"/plans/{plan}/decision", decision)
    set_clock(server, "2024-06-24")  # the report's notice has ended, the phase's deadline not yet passed
    notice_key = enterprise.upload("material", PDF, NOTICE_NAME)
    body = report_body(plan, notice_key, [t_candidate(71), t_candidate(72)])
    record = enterprise.call("POST", "/reports", body)["id"]
    yield {"id": record, "plan": plan, "keys": [plan_key, notice_key], "candidate": body["candidates"][0]}
    set_clock(server, None)


def signed_in(browser: Any, server: str, role: str, city: str | None = None, viewport: Any = None) -> Any:
    page = new_page(browser, server, Traffic(server), viewport)
    page.goto("/console/")
    page.get_by_label({"city_reviewer": "地市审核人员", "province_reviewer": "省级审核人员"}[role]).check()
    if city:
        page.get_by_label("所属地市").select_option(city)
    page.get_by_role("button", name="登录", exact=True).click()
    page.locator("#queue-section").wait_for()
    return page


def assert_no_storage_key(page: Any, report: dict[str, Any]) -> None:
    text = page.locator("body").inner_text()
    for key in report["keys"]:
        assert key not in text
    assert "material/" not in text
    assert "plan_document/" not in text


def test_a_city_reviewer_opens_the_pdf_material_and_reads_each_candidate(browser, server, report):
    reviewer = signed_in(browser, server, "city_reviewer", CITY)
    # Given the report in Shenzhen's queue, found by searching the enterprise's USCC
    reviewer.get_by_label("搜索记录").fill(USCC)
    reviewer.get_by_role("button", name="查询").click()
    reviewer.get_by_role("link", name=report["id"]).click()
    # When the reviewer opens the material listed by its Chinese type and name
    files = reviewer.locator("table", has_text="公示材料")
    files.wait_for()
    assert NOTICE_NAME in files.inner_text()
    link = reviewer.get_by_role("link", name=f"打开 {NOTICE_NAME}")
    href = link.get_attribute("href")
    with reviewer.expect_popup() as opened:
        link.click()
    assert opened.value.url == href
    # Then the link serves the very PDF uploaded, inline, under its Chinese name
    served = reviewer.request.get(href)
    assert served.body() == PDF
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["content-disposition"].startswith("inline;")
    # And the preview pane shows it on the page
    reviewer.get_by_role("button", name=f"预览 {NOTICE_NAME}").click()
    assert reviewer.locator("iframe.preview-frame").get_attribute("src") == href
    # And each candidate's evidence and verdict are on the page
    record = reviewer.locator("#record")
    candidate = report["candidate"]
    reviewer.get_by_role("region", name=f"第 1 位人员 {candidate['name']}").wait_for()
    assert "评审日期 2024-06-15" in record.inner_text()
    assert "高级技师（职业技能等级证书），与参评职业相应，2020-05-20 取得" in record.inner_text()
    assert "2005-07-01 至 今" in record.inner_text()
    assert "车工" in record.inner_text()
    assert candidate["id_number"] not in record.inner_text()
    assert_no_storage_key(reviewer, report)
    assert_page_ok(reviewer)
    # And a return without a comment is stopped on the page, naming the comment
    reviewer.get_by_label("退回修改", exact=True).check()
    reviewer.get_by_role("button", name="提交审核决定").click()
    assert "审核意见" in reviewer.locator("#decision .error-summary").inner_text()
    assert reviewer.locator("#decided").is_hidden()
    # And at 1280 px no table hides a column behind a sideways scroll
    for wrap in reviewer.locator("#record .table-wrap").all():
        assert wrap.evaluate("(el) => el.scrollWidth <= el.clientWidth + 1"), wrap.inner_text()[:80]
    # When the reviewer returns it with a comment, it is in 已办, newest first
    reviewer.get_by_label("审核意见").fill("请补充评审过程记录")
    reviewer.get_by_role("button", name="提交审核决定").click()
    reviewer.locator("#decided").wait_for()
    reviewer.goto("/console/")
    reviewer.get_by_label("已办").check()
    reviewer.get_by_role("button", name="查询").click()
    mine = reviewer.locator("#queue tbody tr", has_text=report["id"]).first
    mine.wait_for()
    assert "退回修改" in mine.inner_text()
    assert_page_ok(reviewer)
    reviewer.context.close()


def test_the_province_reads_the_report_read_only_with_the_verdict_as_of_the_review_date(browser, server, report):
    province = signed_in(browser, server, "province_reviewer")
    # When the province browses every record of Shenzhen and opens the report
    province.get_by_label("全部记录").check()
    province.get_by_label("类型", exact=True).select_option("reports")
    province.get_by_label("地市", exact=True).select_option(CITY)
    province.get_by_role("button", name="查询").click()
    row = province.locator("tr", has_text=report["id"])
    assert "只读" in row.inner_text()
    row.get_by_role("link", name=report["id"]).click()
    # Then it is marked read-only and offers no decision
    province.get_by_text("只读：该记录不由您审核").wait_for()
    assert province.locator("#decision").is_hidden()
    # And it sees the candidate's credentials and the verdict as of the plan's review date
    card = province.get_by_role("region", name=f"第 1 位人员 {report['candidate']['name']}")
    card.wait_for()
    assert "高级技师" in card.inner_text()
    assert "✓ 符合" in card.inner_text()
    assert "参评条件按评价计划的评审日期 2024-06-15 判断" in province.locator("#record").inner_text()
    assert_no_storage_key(province, report)
    assert_page_ok(province)
    province.context.close()


def test_the_plan_page_lists_its_document_and_the_phone_reads_stacked_rows(browser, server, report):
    phone = signed_in(browser, server, "city_reviewer", CITY, PHONE)
    phone.goto(f"/console/record/?kind=plans&id={report['plan']}")
    phone.get_by_role("link", name="打开 评价工作方案.pdf").wait_for()
    assert "评价工作方案" in phone.locator("#record").inner_text()
    assert "车工" in phone.locator("#record").inner_text()  # the occupation by name, not only its code
    # Nothing essential is behind a sideways scroll on a 390 px phone
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    assert_no_storage_key(phone, report)
    assert_page_ok(phone)
    phone.context.close()


def test_the_enterprise_record_page_lists_materials_without_keys(browser, server, report):
    page = new_page(browser, server, Traffic(server))
    page.goto("/enterprise/")
    page.get_by_label("统一社会信用代码").fill(USCC)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：企业用户").wait_for()
    page.goto(f"/enterprise/records/?kind=reports&id={report['id']}")
    page.get_by_role("link", name=f"打开 {NOTICE_NAME}").wait_for()
    assert_no_storage_key(page, report)
    page.context.close()

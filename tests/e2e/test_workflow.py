"""The enterprise and the reviewer, through the pages only: file, plan, report, a return with a comment,
resubmission, approval with certificate numbers, and an export download. The tests run in order and share
the records they create (one local server per session)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from playwright.sync_api import expect
from stdnum.cn import ric

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import SITE, Traffic, new_page, set_clock

pytestmark = pytest.mark.e2e

USCC = "91440101MA59CDX462"
CITY = "440100"
ID_BASE = "44010619850315123"
ID_NUMBER = ID_BASE + ric.calc_check_digit(ID_BASE + "0")  # stdnum wants a placeholder where the digit goes
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
FLOW: dict[str, Any] = {}


@pytest.fixture(scope="module", autouse=True)
def _real_clock_afterwards(server: str) -> Any:
    """The flow walks 2024 on the local clock; the pages tested after it see the real date again."""
    yield
    set_clock(server, None)


@pytest.fixture(scope="module")
def enterprise(browser: Any, server: str) -> Any:
    traffic = Traffic(server)
    page = new_page(browser, server, traffic)
    page.traffic = traffic
    page.goto("/enterprise/")
    page.get_by_label("统一社会信用代码").fill(USCC)
    page.get_by_label("经办人姓名（选填）").fill("李明")
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：企业用户").wait_for()
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def reviewer(browser: Any, server: str) -> Any:
    traffic = Traffic(server)
    page = new_page(browser, server, traffic)
    page.traffic = traffic
    page.goto("/console/")
    page.get_by_label("地市审核人员").check()
    page.get_by_label("所属地市").select_option(CITY)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_text("已登录：地市审核人员").wait_for()
    yield page
    page.context.close()


def pdf_file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(PDF)
    return path


def confirm_review(page: Any) -> None:
    """The 核对信息 step: the whole submission in plain Chinese, then 确认无误，提交."""
    page.locator("#done .record-id, .error-summary:not([hidden]), .review-step:not([hidden])").first.wait_for()
    if page.locator(".review-step").is_visible():
        assert_page_ok(page)
        page.get_by_role("button", name="确认无误，提交").click()


def submitted_id(page: Any) -> str:
    confirm_review(page)
    page.locator("#done .record-id, .error-summary:not([hidden])").first.wait_for()
    assert page.locator(".error-summary").is_hidden(), page.locator(".error-summary").inner_text()
    assert_page_ok(page)
    return str(page.locator("#done .record-id").inner_text())


def decide(reviewer: Any, kind: str, record_id: str, decision: str, comment: str = "") -> None:
    """The reviewer opens the queue, finds the record, and decides with a comment."""
    reviewer.goto("/console/")
    reviewer.get_by_role("link", name=record_id).click()
    reviewer.locator("#decision").wait_for()
    assert_page_ok(reviewer)
    reviewer.get_by_label(decision, exact=True).check()
    if comment:
        reviewer.get_by_label("审核意见").fill(comment)
    reviewer.get_by_role("button", name="提交审核决定").click()
    reviewer.locator("#decided").wait_for()
    assert decision in reviewer.locator("#decided").inner_text()
    assert kind  # the record's kind is in its URL; kept for the failure message


def roster_workbook(tmp_path: Path) -> Path:
    """The template the report page offers, filled with one candidate the way an HR clerk would."""
    book = openpyxl.load_workbook(SITE / "assets" / "downloads" / "roster-template.xlsx")
    sheet = book["人员名单"]
    headers = [cell.value for cell in sheet[1]]
    row = {
        "姓名": "张伟",
        "身份证号码": ID_NUMBER,
        "职业编码": "6-18-01-01",
        "参评级别": "特级技师",
        "评审成绩": 88.5,
        "职业技能等级证书1": "高级技师",
        "证书1与参评职业关系": "相应",
        "证书1取得日期": "2020-05-01",
        "工作经历1开始日期": "2008-07-01",
        "工作经历1与参评职业关系": "相应",
    }
    for header, value in row.items():
        sheet.cell(row=2, column=headers.index(header) + 1, value=value)
    path = tmp_path / "人员名单.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_enterprise_files_plans_and_reports_using_only_the_pages(
    enterprise: Any, reviewer: Any, server: str, tmp_path: Path
) -> None:
    # Given a signed-in enterprise in Guangzhou
    page = enterprise
    # When it files for T in 车工, picking the occupation from the catalogue search
    page.goto("/enterprise/filing/")
    page.get_by_label("企业名称").fill("广州精工机械有限公司")
    page.get_by_label("所在地市").select_option(CITY)
    page.get_by_label("地址").fill("广州市黄埔区科学大道 100 号")
    page.get_by_label("规模以上企业（可评特级技师）").check()
    page.locator("#contact-name").fill("李明")
    page.get_by_label("电话").fill("020-82345678")
    page.get_by_label("电子邮箱").fill("hr@jinggong.example.cn")
    page.get_by_label("特级技师（T 级）").check()
    page.get_by_label("查找职业（名称或编码）").fill("车工")
    page.get_by_role("button", name="添加：6-18-01-01 车工").click()
    page.get_by_role("button", name="提交备案").click()
    FLOW["filing"] = submitted_id(page)
    # And the city reviewer approves the filing
    decide(reviewer, "filings", FLOW["filing"], "通过")

    # When the enterprise submits its plan on 3 June 2024 (the local clock), the document uploaded (progress shown)
    set_clock(server, "2024-06-03")
    page.goto("/enterprise/plan/")
    expect(page.get_by_label("评聘年度")).to_have_value("2024")  # the current year (the clock's) is the default
    page.get_by_label("第 1 期（2024-04-01 至 2024-07-10）").check()
    page.get_by_label("特级技师（T 级）").check()
    page.get_by_label("车工（6-18-01-01）").check()  # the occupation by name, its code in brackets
    page.get_by_label("计划评价人数").fill("3")
    page.get_by_label("评审日期").fill("2024-06-14")
    page.get_by_label("评审方式").fill("业绩评审与技能考核相结合")
    page.get_by_label("企业评聘工作方案", exact=True).set_input_files(pdf_file(tmp_path, "评聘工作方案.pdf"))
    page.get_by_text("评聘工作方案.pdf 已上传").wait_for()
    assert page.locator("#plan progress").get_attribute("value") == "100"
    page.get_by_role("button", name="提交评价计划").click()
    FLOW["plan"] = submitted_id(page)
    decide(reviewer, "plans", FLOW["plan"], "通过")

    # When it reports the results on 24 June: notice of five working days, the roster imported from the XLSX template
    set_clock(server, "2024-06-24")
    page.goto("/enterprise/report/")
    page.get_by_label("公示开始日期").fill("2024-06-17")
    page.get_by_label("公示结束日期").fill("2024-06-21")
    page.get_by_text("公示期共 5 个工作日").wait_for()
    page.get_by_label("导入人员名单（XLSX）").set_input_files(roster_workbook(tmp_path))
    page.get_by_text("导入 1 人").wait_for()
    assert page.locator('[data-path="candidates[0].id_number"]').input_value() == ID_NUMBER
    assert page.locator('[data-path="candidates[0].credentials[0].grade"]').input_value() == "senior_technician"
    page.locator('[data-path="materials[0].key"]').locator("xpath=..").locator("input[type=file]").set_input_files(
        pdf_file(tmp_path, "公示材料.pdf")
    )
    page.get_by_text("公示材料.pdf 已上传").wait_for()
    page.get_by_role("button", name="提交评价结果").click()
    FLOW["report"] = submitted_id(page)
    # Then no request left the local server
    assert page.traffic.foreign() == []
    assert reviewer.traffic.foreign() == []


def test_reviewer_returns_the_report_and_the_enterprise_resubmits_after_reading_the_comment(
    enterprise: Any, reviewer: Any, tmp_path: Path
) -> None:
    if "report" not in FLOW:
        pytest.skip("needs the report of the previous test")
    # Given the city reviewer sees each candidate's eligibility on the plan's review date
    reviewer.goto(f"/console/record/?kind=reports&id={FLOW['report']}")
    eligibility = reviewer.locator("table", has_text="参评条件")
    eligibility.wait_for()
    assert "✓ 符合" in eligibility.inner_text()
    assert "2024-06-14" in reviewer.locator("#record").inner_text()
    # When the reviewer returns it with a comment
    decide(reviewer, "reports", FLOW["report"], "退回修改", "请补充评审过程记录")
    # Then the enterprise sees the status and the comment, and resubmits with the missing material
    enterprise.goto(f"/enterprise/records/?kind=reports&id={FLOW['report']}")
    enterprise.get_by_text("请补充评审过程记录").wait_for()
    assert "已退回修改" in enterprise.locator("#records").inner_text()
    assert_page_ok(enterprise)
    enterprise.get_by_role("link", name="修改后重新提交").click()
    enterprise.get_by_text("正在修改评价结果报备").wait_for()
    enterprise.get_by_role("button", name="添加材料").click()
    enterprise.locator('[data-path="materials[1].type"]').select_option("review_record")
    enterprise.locator('[data-path="materials[1].key"]').locator("xpath=..").locator(
        "input[type=file]"
    ).set_input_files(pdf_file(tmp_path, "评审记录.pdf"))
    enterprise.get_by_text("评审记录.pdf 已上传").wait_for()
    enterprise.get_by_role("button", name="提交评价结果").click()
    confirm_review(enterprise)
    enterprise.get_by_text("评价结果报备已重新提交").wait_for()
    # And when the reviewer approves the new version, certificate numbers are issued (16th character T)
    decide(reviewer, "reports", FLOW["report"], "通过")
    reviewer.goto(f"/console/record/?kind=reports&id={FLOW['report']}")
    number = reviewer.locator("table", has_text="证书编号").locator("code").first
    number.wait_for()
    FLOW["certificate"] = number.inner_text()
    assert len(FLOW["certificate"]) == 22
    assert FLOW["certificate"][15] == "T"


def test_reviewer_downloads_the_certificates_export(reviewer: Any, tmp_path: Path) -> None:
    if "certificate" not in FLOW:
        pytest.skip("needs the certificates of the previous test")
    # Given the export page
    reviewer.goto("/console/exports/")
    assert_page_ok(reviewer)
    reviewer.get_by_label("导出内容").select_option("certificates")
    # When the reviewer downloads it as XLSX
    with reviewer.expect_download() as started:
        reviewer.get_by_role("button", name="下载").click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)
    # Then the workbook holds the certificate number just issued
    assert saved.suffix == ".xlsx"
    cells = [str(c.value) for row in openpyxl.load_workbook(saved).active.iter_rows() for c in row]
    assert FLOW["certificate"] in cells
    assert reviewer.traffic.foreign() == []

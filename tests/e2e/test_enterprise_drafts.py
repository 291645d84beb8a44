"""An enterprise never loses work: a 30-person report survives a reload, an expired sign-in and a closed tab,
and is sent after one round of corrections; every row's problem at once on import; a lying upload refused in
the browser. The approved filing and plan are made through the API (the pages for them have their own test)."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import SITE, Traffic, new_page, set_clock
from tests.e2e.test_selfcheck import fill_credential, fill_work
from tests.e2e.test_workflow import PDF, confirm_review
from tests.factories import filing_body, make_id, make_uscc

pytestmark = pytest.mark.e2e

USCC = make_uscc("91440300MA5FQ7LK1")  # a Shenzhen electronics works, not the workflow test's enterprise
CITY = "440300"
OURS = re.compile(r"继续填写评价结果报备.* 30 人")
# The token the tab holds stops being accepted (what an expired Cognito token does at the API).
EXPIRE = """() => {
  const s = JSON.parse(sessionStorage.getItem('gdskills.session'));
  s.token = 'expired.' + s.token.split('.')[1] + '.x';
  sessionStorage.setItem('gdskills.session', JSON.stringify(s));
}"""


def _api(request: Any, method: str, path: str, token: str, body: Any = None) -> Any:
    answer = request.fetch(f"/api{path}", method=method, data=body, headers={"Authorization": f"Bearer {token}"})
    assert answer.ok, (path, answer.status, answer.text())
    return answer.json() if answer.text() else None


def _token(request: Any, body: dict[str, Any]) -> str:
    answer = request.post("/api/local/session", data=body)
    assert answer.ok, answer.text()
    return str(answer.json()["token"])


@pytest.fixture(scope="module")
def plan_id(browser: Any, server: str) -> Iterator[str]:
    """An approved T plan (车工, phase 1, review date 2024-06-14) of the Shenzhen enterprise."""
    set_clock(server, "2024-06-03")  # inside 2024's first phase, before the plan's review date
    context = browser.new_context(base_url=server)
    request = context.request
    me = _token(request, {"role": "enterprise", "uscc": USCC})
    city = _token(request, {"role": "city_reviewer", "city": CITY})
    filing = _api(request, "POST", "/filings", me, filing_body(USCC, CITY, ["above_scale"], ["T"]))["id"]
    _api(request, "POST", f"/filings/{filing}/decision", city, {"decision": "approve", "comment": "", "version": 1})
    ticket = _api(
        request,
        "POST",
        "/uploads",
        me,
        {
            "purpose": "plan_document",
            "filename": "方案.pdf",
            "content_type": "application/pdf",
            "size": len(PDF),
            "sha256": hashlib.sha256(PDF).hexdigest(),
        },
    )
    stored = request.post(
        ticket["url"],
        multipart={**ticket["fields"], "file": {"name": "方案.pdf", "mimeType": "application/pdf", "buffer": PDF}},
    )
    assert stored.ok, stored.text()
    plan = {
        "filing_id": filing,
        "campaign": "2024",
        "phase": 1,
        "level": "T",
        "occupations": ["6-18-01-01"],
        "planned_count": 30,
        "review_date": "2024-06-14",
        "method": "业绩评审与技能考核相结合",
        "plan_document": ticket["key"],
    }
    plan_id = _api(request, "POST", "/plans", me, plan)["id"]
    _api(request, "POST", f"/plans/{plan_id}/decision", city, {"decision": "approve", "comment": "", "version": 1})
    context.close()
    set_clock(server, "2024-06-24")  # the report's notice has ended, the phase's deadline not yet passed
    yield str(plan_id)
    set_clock(server, None)


def sign_in(page: Any) -> None:
    """Sign in on the page shown, and wait until the session is saved (a page opened sooner would see none)."""
    page.get_by_label("统一社会信用代码").fill(USCC)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_function("() => sessionStorage.getItem('gdskills.session') !== null")


def roster(tmp_path: Path, count: int, broken: dict[int, dict[str, Any]] | None = None) -> Path:
    """The page's own template filled with `count` people (1985–1990 births, Shenzhen districts)."""
    book = openpyxl.load_workbook(SITE / "assets" / "downloads" / "roster-template.xlsx")
    sheet = book["人员名单"]
    headers = [cell.value for cell in sheet[1]]
    for n in range(count):
        row = {
            "姓名": f"陈志强{n + 1}",
            "身份证号码": make_id(
                ("440304", "440305", "440306")[n % 3], f"198{5 + n % 5}0{n % 9 + 1}1{n % 9}", f"{n:03d}"
            ),
            "职业编码": "6-18-01-01",
            "参评级别": "特级技师",
            "评审成绩": 80 + n % 20,
            "职业技能等级证书1": "高级技师",
            "证书1与参评职业关系": "相应",
            "证书1取得日期": "2019-05-01",
            "工作经历1开始日期": "2008-07-01",
            "工作经历1与参评职业关系": "相应",
            **(broken or {}).get(n, {}),
        }
        for header, value in row.items():
            sheet.cell(row=2 + n, column=headers.index(header) + 1, value=value)
    path = tmp_path / "人员名单.xlsx"
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def saved(page: Any) -> None:
    page.get_by_text("草稿已自动保存").wait_for()


def test_an_import_with_three_bad_rows_names_all_three(browser: Any, server: str, plan_id: str, tmp_path: Path) -> None:
    page = new_page(browser, server, Traffic(server))
    page.goto("/enterprise/report/")
    sign_in_link = page.get_by_role("link", name="去登录")
    sign_in_link.click()
    sign_in(page)
    page.get_by_label("评价计划").select_option(plan_id)  # back on the report page after signing in
    bad_digit = make_id("440304", "19860101", "001")[:-1]
    bad = {
        2: {"身份证号码": bad_digit + ("0" if not make_id("440304", "19860101", "001").endswith("0") else "1")},
        5: {"证书1取得日期": "2023-06-15"},  # a year short of the review date 2024-06-14
        8: {"职业编码": "6-18-01-02"},  # 铣工, not in the plan
    }
    page.get_by_label("导入人员名单（XLSX）").set_input_files(roster(tmp_path, 10, bad))
    problems = page.locator(".import-problems li")
    problems.first.wait_for()
    texts = problems.all_inner_texts()
    assert len(texts) == 3, texts
    assert texts[0].startswith("第 4 行“身份证号码”")
    assert texts[1].startswith("第 7 行“参评级别”")
    assert "不符合" in texts[1]
    assert texts[2].startswith("第 10 行“职业编码”")
    assert page.locator("#roster [data-prefix=candidates] > fieldset").count() == 0  # nothing half-imported
    assert_page_ok(page)
    page.context.close()


def test_a_text_file_named_pdf_is_refused_before_it_leaves_the_browser(
    browser: Any, server: str, plan_id: str, tmp_path: Path
) -> None:
    traffic = Traffic(server)
    page = new_page(browser, server, traffic)
    page.goto("/enterprise/")
    sign_in(page)
    page.goto("/enterprise/report/")
    fake = tmp_path / "公示材料.pdf"
    fake.write_text("这其实是一个文本文件", encoding="utf-8")
    page.locator('[data-path="materials[0].key"]').locator("xpath=..").locator("input[type=file]").set_input_files(fake)
    status = page.get_by_text("未上传：")
    status.wait_for()
    assert "PDF、JPEG、PNG、XLSX" in status.inner_text()
    assert not [u for u in traffic.urls if "/api/uploads" in u or "/s3/" in u]
    assert "已上传" not in page.locator("#materials").inner_text()
    page.context.close()


def test_a_30_person_report_survives_reload_expiry_and_a_closed_tab_and_is_sent_after_one_correction(
    browser: Any, server: str, plan_id: str, tmp_path: Path
) -> None:
    # Given a signed-in enterprise that starts its report: plan, notice, 30 people imported, one of them ineligible
    page = new_page(browser, server, Traffic(server))
    page.goto("/enterprise/")
    sign_in(page)
    page.goto("/enterprise/report/")
    page.get_by_label("评价计划").select_option(plan_id)
    page.get_by_label("公示开始日期").fill("2024-06-17")
    page.get_by_label("公示结束日期").fill("2024-06-21")
    page.get_by_label("导入人员名单（XLSX）").set_input_files(roster(tmp_path, 30))
    page.get_by_text("导入 30 人").wait_for()
    material = tmp_path / "公示材料.pdf"
    material.write_bytes(PDF)
    page.locator('[data-path="materials[0].key"]').locator("xpath=..").locator("input[type=file]").set_input_files(
        material
    )
    page.get_by_text("公示材料.pdf 已上传").wait_for()
    page.locator('[data-path="candidates[11].credentials[0].obtained_on"]').fill("2023-06-15")  # a typo
    saved(page)
    assert "draft=" in page.url
    # When the page is reloaded, Then everything typed is there
    page.reload()
    page.locator('[data-path="candidates[29].name"]').wait_for()
    assert page.get_by_label("评价计划").input_value() == plan_id
    assert page.locator("#roster [data-prefix=candidates] > fieldset").count() == 30
    assert page.get_by_label("公示结束日期").input_value() == "2024-06-21"
    # When the sign-in expires while a name is corrected
    page.evaluate(EXPIRE)
    page.locator('[data-path="candidates[0].name"]').fill("陈志强一")
    page.get_by_role("link", name="重新登录后回到本页继续").click()
    # Then signing in again leads back to the same form with the correction made after the expiry
    sign_in(page)
    page.locator('[data-path="candidates[29].name"]').wait_for()
    assert page.locator('[data-path="candidates[0].name"]').input_value() == "陈志强一"
    assert page.locator("#roster [data-prefix=candidates] > fieldset").count() == 30
    page.locator('[data-path="candidates[1].name"]').fill("陈志强二")
    saved(page)
    page.context.close()

    # When the tab was closed: a new one, signed in, lists the draft on the enterprise's home page
    page = new_page(browser, server, Traffic(server))
    page.goto("/enterprise/")
    sign_in(page)
    resume = page.get_by_role("link", name=OURS)
    resume.wait_for()
    assert_page_ok(page)
    resume.click()
    page.locator('[data-path="candidates[29].name"]').wait_for()
    assert page.locator('[data-path="candidates[1].name"]').input_value() == "陈志强二"
    # When it is checked (核对信息: names, not codes) and sent
    page.get_by_role("button", name="提交评价结果").click()
    review = page.locator(".review-step")
    review.wait_for()
    assert "车工（6-18-01-01）" in review.inner_text()
    assert "30 人" in review.inner_text()
    assert_page_ok(page)
    page.get_by_role("button", name="确认无误，提交").click()
    # Then the one refusal names the ineligible person (and nobody else)
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "第 12 位人员" in summary.inner_text()
    assert summary.locator("li").count() == 1
    # And after correcting that one, it is accepted and the confirmation links the record
    page.locator('[data-path="candidates[11].credentials[0].obtained_on"]').fill("2019-05-01")
    page.get_by_role("button", name="提交评价结果").click()
    confirm_review(page)
    record_id = page.locator("#done .record-id").inner_text()
    page.get_by_role("link", name="查看该记录的状态与审核意见").click()
    page.get_by_text(record_id).first.wait_for()
    # And the records list reads in words, and the draft is gone
    page.goto("/enterprise/records/")
    listing = page.locator("#records table")
    listing.wait_for()
    assert "30 人" in listing.inner_text()
    assert "2024 年第 1 期" in listing.inner_text()
    assert_page_ok(page)
    page.goto("/enterprise/")
    page.locator("#next-steps").wait_for()
    page.wait_for_load_state("networkidle")
    assert page.get_by_role("link", name=OURS).count() == 0
    page.context.close()


def test_the_self_check_on_a_phone_never_says_null(phone: Any) -> None:
    page = phone
    page.goto("/selfcheck/")
    page.get_by_label("首席技师（S 级）").check()
    page.get_by_label("评价日期").fill("2024-06-30")
    fill_credential(page, 0, "职业资格（职业技能等级）证书", "高级技师", "2022-09-01")
    fill_work(page, 0, "2015-03-01")  # the relation is required: nothing defaults to 相应
    page.get_by_role("button", name="开始自查").click()
    page.locator("#verdict").wait_for()
    text = page.locator("#result").inner_text()
    assert "null" not in text
    assert "undefined" not in text
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_page_ok(page)


def test_a_link_opened_in_a_new_tab_stays_signed_in_and_signing_out_ends_both(browser: Any, server: str) -> None:
    page = new_page(browser, server, Traffic(server))
    page.goto("/enterprise/")
    sign_in(page)
    page.get_by_text("已登录：企业用户").wait_for()
    # When a link is opened in a new tab (its own, empty sessionStorage)
    other = page.context.new_page()
    other.goto("/enterprise/records/")
    # Then it is signed in too
    other.locator("#records table, #records p").first.wait_for()
    assert other.locator("#gate").is_hidden()
    # And signing out (explicitly, in the first tab) signs the other out as well
    page.get_by_role("button", name="退出登录").click()
    other.get_by_role("link", name="去登录").wait_for()
    page.context.close()


def test_the_home_page_menu_on_a_phone_lists_the_site(phone: Any) -> None:
    page = phone
    page.goto("/")
    page.locator("label.md-header__button[for=__drawer]").first.click()
    menu = page.locator("nav.md-nav--primary")
    menu.get_by_role("link", name="参评条件自查").first.wait_for()
    assert menu.get_by_role("link", name="无障碍声明").count() >= 1

"""The public certificate check, the shortlist notices and the announcements pages in a real browser."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import Traffic, new_page, set_clock
from tests.e2e.test_enterprise_drafts import _api, _token, roster
from tests.e2e.test_workflow import PDF
from tests.factories import filing_body, make_uscc

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


ZHUHAI_USCC = make_uscc("91440400MA4UQ8RT2")  # a Zhuhai works of its own, not another module's enterprise


@pytest.fixture(scope="module")
def zhuhai_plan(browser: Any, server: str) -> Iterator[str]:
    """An approved T plan (车工, phase 1 of 2024, review date 2024-06-14) of the Zhuhai enterprise."""
    set_clock(server, "2024-06-03")
    context = browser.new_context(base_url=server)
    request = context.request
    me = _token(request, {"role": "enterprise", "uscc": ZHUHAI_USCC})
    city = _token(request, {"role": "city_reviewer", "city": "440400"})
    filing = _api(request, "POST", "/filings", me, filing_body(ZHUHAI_USCC, "440400", ["above_scale"], ["T"]))["id"]
    _api(request, "POST", f"/filings/{filing}/decision", city, {"decision": "approve", "comment": "", "version": 1})
    grant = {"purpose": "plan_document", "filename": "方案.pdf", "content_type": "application/pdf",
             "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest()}  # fmt: skip
    ticket = _api(request, "POST", "/uploads", me, grant)
    stored = request.post(
        ticket["url"],
        multipart={**ticket["fields"], "file": {"name": "方案.pdf", "mimeType": "application/pdf", "buffer": PDF}},
    )
    assert stored.ok, stored.text()
    plan = {"filing_id": filing, "campaign": "2024", "phase": 1, "level": "T", "occupations": ["6-18-01-01"],
            "planned_count": 3, "review_date": "2024-06-14", "method": "业绩评审与技能考核相结合",
            "plan_document": ticket["key"]}  # fmt: skip
    plan_id = _api(request, "POST", "/plans", me, plan)["id"]
    _api(request, "POST", f"/plans/{plan_id}/decision", city, {"decision": "approve", "comment": "", "version": 1})
    context.close()
    set_clock(server, "2024-06-24")
    yield str(plan_id)
    set_clock(server, None)


def test_the_report_form_gives_the_staff_notice_with_names_and_no_id_numbers(
    browser: Any, server: str, zhuhai_plan: str, tmp_path: Path
) -> None:
    from docx import Document

    # Given the Zhuhai enterprise typing its report: the plan chosen, three people imported, the notice's start
    page = new_page(browser, server, Traffic(server))
    page.goto("/enterprise/report/")
    page.get_by_role("link", name="去登录").click()
    page.get_by_label("统一社会信用代码").fill(ZHUHAI_USCC)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_function("() => sessionStorage.getItem('gdskills.session') !== null")
    page.get_by_label("评价计划").select_option(zhuhai_plan)
    page.get_by_label("导入人员名单（XLSX）").set_input_files(roster(tmp_path, 3))
    page.locator("#roster [data-prefix=candidates] > fieldset").nth(2).wait_for()
    page.get_by_label("公示开始日期").fill("2024-06-17")
    page.get_by_text("生成单位内公示文书").click()
    page.get_by_label("异议受理部门及联系方式").fill("人力资源部 0756-3322110")
    page.get_by_text("草稿已自动保存").wait_for()
    # When it downloads the staff notice as DOCX
    with page.expect_download() as download:
        page.get_by_role("button", name="下载公示（DOCX）").click()
    document = Document(download.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    # Then it lists the three people with their occupation and the window of five working days, no ID number
    assert all(f"陈志强{n}" in text for n in (1, 2, 3)), text
    assert "车工" in text
    assert "2024年6月17日" in text or "2024-06-17" in text, text
    ids = page.locator("#roster input[data-path$='.id_number']").evaluate_all("(els) => els.map((e) => e.value)")
    assert len(ids) == 3
    assert all(ids)
    assert not any(i in text or i[6:14] in text for i in ids)
    assert_page_ok(page)
    page.context.close()

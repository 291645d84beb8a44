"""What an enterprise and a reviewer read, on a desktop and on a 390 px phone: occupations by name with their code
in brackets, a candidate row deleted only once confirmed, four-column tables that never push the page sideways,
and a self-check whose every verdict reads without "null" or "undefined"."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import PHONE, Traffic, new_page, set_clock
from tests.e2e.test_enterprise_drafts import _api, _token
from tests.e2e.test_selfcheck import fill_credential, fill_work
from tests.e2e.test_workflow import PDF
from tests.factories import filing_body, make_uscc

pytestmark = pytest.mark.e2e

USCC = make_uscc("91440604MA4W8KXD5")  # a Foshan (禅城区) machine works, no other browser test's enterprise
CITY = "440600"
OCCUPATIONS = "车工（6-18-01-01）、铣工（6-18-01-02）"
# How wide the page became, and each table's right edge: its own, and that of the nearest box that would scroll it
# sideways (the box is what the page sees; the table itself fitting means nothing has to scroll at all).
WIDTHS = """() => {
  const tables = [...document.querySelectorAll('article table')].map((t) => {
    let box = t.parentElement;
    while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) {
      box = box.parentElement;
    }
    const scroller = box && box !== document.body ? box : t;
    const right = (el) => Math.round(el.getBoundingClientRect().right);
    return { table: right(t), box: right(scroller) };
  });
  const page = document.documentElement.scrollWidth;
  return { page, boxes: tables.map((t) => t.box), tables: tables.map((t) => t.table) };
}"""


@pytest.fixture(scope="module")
def records(browser: Any, server: str) -> Iterator[dict[str, str]]:
    """The Foshan enterprise's approved filing (车工, 铣工) and approved T plan for both occupations."""
    set_clock(server, "2024-06-03")  # inside 2024's first phase, before the plan's review date
    context = browser.new_context(base_url=server)
    request = context.request
    me = _token(request, {"role": "enterprise", "uscc": USCC})
    city = _token(request, {"role": "city_reviewer", "city": CITY})
    approve = {"decision": "approve", "comment": "", "version": 1}
    filing = _api(request, "POST", "/filings", me, filing_body(USCC, CITY, ["above_scale"], ["T"]))["id"]
    _api(request, "POST", f"/filings/{filing}/decision", city, approve)
    upload = {"purpose": "plan_document", "filename": "方案.pdf", "content_type": "application/pdf"}
    ticket = _api(
        request, "POST", "/uploads", me, {**upload, "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest()}
    )
    file = {"name": "方案.pdf", "mimeType": "application/pdf", "buffer": PDF}
    assert request.post(ticket["url"], multipart={**ticket["fields"], "file": file}).ok
    plan = {
        "filing_id": filing,
        "campaign": "2024",
        "phase": 1,
        "level": "T",
        "occupations": ["6-18-01-01", "6-18-01-02"],
        "planned_count": 12,
        "review_date": "2024-06-14",
        "method": "业绩评审与技能考核相结合",
        "plan_document": ticket["key"],
    }
    plan_id = _api(request, "POST", "/plans", me, plan)["id"]
    _api(request, "POST", f"/plans/{plan_id}/decision", city, approve)
    context.close()
    set_clock(server, "2024-06-24")  # a report may be typed: its notice has ended, the deadline not yet passed
    yield {"filing": str(filing), "plan": str(plan_id)}
    set_clock(server, None)


def enterprise(browser: Any, server: str, viewport: dict[str, int] | None = None) -> Any:
    """Signed in on the enterprise's home page, the session saved before any other page is opened."""
    page = new_page(browser, server, Traffic(server), viewport)
    page.goto("/enterprise/")
    page.get_by_label("统一社会信用代码").fill(USCC)
    page.get_by_role("button", name="登录", exact=True).click()
    page.wait_for_function("() => sessionStorage.getItem('gdskills.session') !== null")
    page.get_by_text("已登录：企业用户").wait_for()
    return page


def fact(page: Any, term: str) -> str:
    return str(page.locator(f"dl.record dt:text-is('{term}') + dd").inner_text())


# ---- names, not codes -------------------------------------------------------------------------------------


def test_the_enterprise_reads_its_plan_and_filing_with_occupation_names(browser: Any, server: str, records) -> None:
    page = enterprise(browser, server)
    page.goto(f"/enterprise/records/?kind=plans&id={records['plan']}")
    page.locator("dl.record").wait_for()
    assert fact(page, "评价职业") == OCCUPATIONS
    assert fact(page, "级别") == "特级技师"
    assert fact(page, "所在地市") == "佛山市"
    assert_page_ok(page)
    page.goto(f"/enterprise/records/?kind=filings&id={records['filing']}")
    page.locator("dl.record").wait_for()
    assert fact(page, "职业范围") == OCCUPATIONS
    assert fact(page, "申请级别") == "特级技师"
    assert fact(page, "企业类别") == "规模以上企业"
    page.context.close()


def test_the_reviewer_reads_the_plan_with_occupation_names(browser: Any, server: str, records) -> None:
    page = new_page(browser, server, Traffic(server))
    page.goto("/console/")
    page.get_by_label("地市审核人员").check()
    page.get_by_label("所属地市").select_option(CITY)
    page.get_by_role("button", name="登录", exact=True).click()
    page.locator("#queue-section").wait_for()
    page.wait_for_function("() => sessionStorage.getItem('gdskills.session') !== null")
    page.goto(f"/console/record/?kind=plans&id={records['plan']}")
    page.locator("dl.record").wait_for()
    assert fact(page, "评价职业") == OCCUPATIONS
    assert fact(page, "所在地市") == "佛山市"
    page.context.close()


def test_the_plan_page_offers_names_and_answers_every_problem_in_one_round(browser: Any, server: str, records) -> None:
    # Given the plan page on 24 June 2024, the filing and its occupations offered by name
    page = enterprise(browser, server)
    page.goto("/enterprise/plan/")
    page.locator("#plan").wait_for()  # shown once the filings and campaigns are read
    page.get_by_label("备案", exact=True).select_option(records["filing"])
    assert "特级技师" in page.get_by_label("备案", exact=True).locator("option:checked").inner_text()
    page.get_by_label("第 1 期（2024-04-01 至 2024-07-10）").check()
    page.get_by_label("特级技师（T 级）").check()
    page.get_by_label("车工（6-18-01-01）").check()
    # When the count is left empty and the review date falls after the phase (a rule only the server knows)
    page.get_by_label("评审日期").fill("2024-07-20")
    page.get_by_label("评审方式").fill("业绩评审与技能考核相结合")
    page.get_by_role("button", name="提交评价计划").click()
    review = page.locator(".review-step")
    review.wait_for()
    assert "车工（6-18-01-01）" in review.inner_text()
    page.get_by_role("button", name="确认无误，提交").click()
    # Then one answer names the field errors and the phase rule together
    summary = page.locator(".error-summary")
    summary.wait_for()
    text = summary.inner_text()
    assert "计划评价人数" in text
    assert "评审日期须在第1期时间范围内" in text
    assert "企业评聘工作方案" in text
    assert summary.locator("li").count() == 3
    assert_page_ok(page)
    page.context.close()


# ---- a candidate row is deleted only once confirmed ------------------------------------------------------


def test_deleting_a_candidate_row_asks_first(browser: Any, server: str, records) -> None:
    page = enterprise(browser, server)
    page.goto("/enterprise/report/")
    page.get_by_label("评价计划").select_option(records["plan"])
    rows = page.locator("#roster [data-prefix=candidates] > fieldset")
    asked: list[str] = []

    def answer(accept: bool) -> Any:
        def handle(dialog: Any) -> None:
            asked.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        return handle

    # Given a person typed in
    page.get_by_role("button", name="添加人员").click()
    page.locator('[data-path="candidates[0].name"]').fill("梁建华")
    # When the row's delete button is pressed and the question is cancelled, Then the row and its name stay
    page.once("dialog", answer(False))
    page.get_by_role("button", name="删除此人员").click()
    assert rows.count() == 1
    assert page.locator('[data-path="candidates[0].name"]').input_value() == "梁建华"
    assert len(asked) == 1
    assert "梁建华" in asked[0]
    # When it is pressed again and confirmed, Then the row is gone
    page.once("dialog", answer(True))
    page.get_by_role("button", name="删除此人员").click()
    assert rows.count() == 0
    assert len(asked) == 2
    # And an empty row (nothing to lose) goes at once, without a question
    page.get_by_role("button", name="添加人员").click()
    page.get_by_role("button", name="删除此人员").click()
    assert rows.count() == 0
    assert len(asked) == 2
    page.context.close()


# ---- four-column tables on a phone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/guide/contacts/", "/guide/eligibility/", "/guide/certificate-number/", "/guide/process/", "/about/privacy/"],
)
def test_guide_tables_on_a_phone_never_push_the_page_sideways(phone: Any, path: str) -> None:
    phone.goto(path)
    phone.wait_for_load_state("networkidle")
    if path == "/guide/contacts/":
        phone.locator("[data-city-contacts][data-live=true]").wait_for(state="attached")
    found = phone.evaluate(WIDTHS)
    assert found["tables"], f"{path} has no table"
    assert found["page"] <= PHONE["width"], found
    assert max(found["boxes"]) <= PHONE["width"], found
    assert max(found["tables"]) <= PHONE["width"], found  # every column on screen: nothing to scroll to
    assert_page_ok(phone)


def test_the_records_list_on_a_phone_stacks_its_rows(browser: Any, server: str, records) -> None:
    page = enterprise(browser, server, PHONE)
    page.goto("/enterprise/records/")
    listing = page.locator("#records table")
    listing.wait_for()
    assert "可以报备评价结果" in listing.inner_text()  # the approved plan's next step
    found = page.evaluate(WIDTHS)
    assert found["page"] <= PHONE["width"], found
    assert max(found["tables"]) <= PHONE["width"], found  # rows stacked into "label value" lines
    assert_page_ok(page)
    page.context.close()


# ---- the self-check under every verdict -------------------------------------------------------------------


def _other_honour(page: Any) -> None:
    page.get_by_role("button", name="添加荣誉").click()
    page.locator('[data-path="honours[0].category"]').select_option(label="其他技能类人才荣誉")
    page.locator('[data-path="honours[0].level"]').select_option(label="省级")
    page.locator('[data-path="honours[0].name"]').fill("广东省技术革新能手")
    page.locator('[data-path="honours[0].granted_on"]').fill("2020-11-01")


# level, grade, obtained, work start, other honour?, what the headline says
VERDICTS = {
    "T eligible": ("T", "高级技师", "2019-03-01", "2008-07-01", False, "符合特级技师参评基本条件"),
    "T not yet, with its date": ("T", "高级技师", "2023-09-01", "2008-07-01", False, "预计 2024 年 9 月 1 日起符合"),
    "T not eligible": ("T", "技师", "2015-03-01", "2008-07-01", False, "暂不符合特级技师参评基本条件"),
    "S needs review": ("S", "高级技师", "2018-03-01", "2005-07-01", True, "符合首席技师参评基本条件"),
    "S without an honour": ("S", "高级技师", "2018-03-01", "2005-07-01", False, "暂不符合首席技师参评基本条件"),
}


@pytest.mark.parametrize("case", list(VERDICTS))
def test_every_self_check_verdict_on_a_phone_reads_without_null(phone: Any, case: str) -> None:
    level, grade, obtained, start, honour, headline = VERDICTS[case]
    page = phone
    page.goto("/selfcheck/")
    page.get_by_label({"T": "特级技师（T 级）", "S": "首席技师（S 级）"}[level]).check()
    page.get_by_label("评价日期").fill("2024-06-30")
    fill_credential(page, 0, "职业资格（职业技能等级）证书", grade, obtained)
    fill_work(page, 0, start)
    if honour:
        _other_honour(page)
    page.get_by_role("button", name="开始自查").click()
    page.locator("#verdict").wait_for()
    text = page.locator("#result").inner_text()
    assert headline in text
    for word in ("null", "undefined", "NaN", "[object"):
        assert word not in text, f"{case}: {word!r} in {text!r}"
    if honour:  # the reviewer-must-confirm note and the path's detail, both in words
        assert "需由审核人员人工核实" in text
        assert "广东省技术革新能手" in page.locator("li.path", has_text="S_HONOUR").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_page_ok(page)

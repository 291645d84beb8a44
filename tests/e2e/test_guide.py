"""The public pages: every page loads from our server alone, is accessible, and the home page is small."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.checks import assert_page_ok
from tests.e2e.conftest import SITE, Traffic

pytestmark = pytest.mark.e2e

HOME_BUDGET_BYTES = 300 * 1024


def built_pages() -> list[str]:
    """Every page MkDocs built (404 aside), as site paths."""
    pages = sorted(p.parent.relative_to(SITE).as_posix() for p in SITE.rglob("index.html"))
    return ["/" if p == "." else f"/{p}/" for p in pages if not p.startswith("assets")]


def test_every_page_loads_from_the_local_server_alone_and_passes_axe(page: Any, traffic: Traffic) -> None:
    # Given every page of the built site
    paths = built_pages()
    assert len(paths) >= 18, paths
    for path in paths:
        # When a visitor opens it and its scripts have run
        page.goto(path, wait_until="networkidle")
        # Then it has a title, lang="zh" and no serious or critical axe-core violation
        assert_page_ok(page)
    # And not one request went to a host other than our server
    assert traffic.urls, "no request was recorded"
    assert traffic.foreign() == []


def test_home_page_transfers_under_300_kb(page: Any) -> None:
    # Given a browser with an empty cache
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    # When the home page has loaded completely (search index included)
    page.goto("/", wait_until="networkidle")
    # Then the bytes on the wire, headers and (compressed) bodies, add up to less than 300 KB
    sizes = {r.url: r.request.sizes()["responseBodySize"] + r.request.sizes()["responseHeadersSize"] for r in responses}
    total = sum(sizes.values())
    assert total < HOME_BUDGET_BYTES, f"{total} bytes: {sorted(sizes.items(), key=lambda kv: -kv[1])[:5]}"
    assert not any("mermaid" in url for url in sizes), "Mermaid is loaded only on the process page"


def test_home_page_timetable_comes_from_the_campaigns_at_run_time(page: Any) -> None:
    # When the home page is opened
    page.goto("/")
    # Then its timetable is the API's campaigns (GET /api/campaigns), newest first, with each phase's dates
    timetable = page.locator("[data-campaign-timetable][data-live]")
    timetable.wait_for()
    years = list(timetable.locator("section.campaign").evaluate_all("els => els.map(e => e.dataset.year)"))
    assert {"2024", "2025"} <= set(years)
    text = timetable.inner_text()
    for day in ("2024年4月1日", "2024年7月10日", "2024年8月1日", "2024年10月30日", "2025年7月10日"):
        assert day in text


def test_process_diagram_is_drawn_by_the_vendored_mermaid(page: Any, traffic: Traffic) -> None:
    # When the process page is opened
    page.goto("/guide/process/", wait_until="networkidle")
    # Then Mermaid, served by us, has drawn the flowchart as SVG
    diagram = page.locator("div.mermaid")  # Material swaps the code block for a drawn diagram (closed shadow DOM)
    diagram.wait_for()
    assert diagram.bounding_box()["height"] > 300
    assert any(url.endswith("/assets/vendor/mermaid/mermaid.min.js") for url in traffic.urls)
    assert traffic.foreign() == []


def test_city_contacts_list_the_21_cities_with_their_12333_lines(page: Any) -> None:
    # When the contacts page is opened
    page.goto("/guide/contacts/")
    page.locator("[data-city-contacts][data-live]").wait_for()  # read at run time from /api/reference/cities
    rows = page.locator("article table tbody tr")
    # Then each of the 21 cities has its area code's 12333 line; unset institution phones show 待公布
    assert rows.count() == 21
    first = rows.nth(0).inner_text()
    for expected in ("广州市", "020-12333", "待公布"):
        assert expected in first
    assert "020-83189554" in page.locator("article").inner_text()


def test_policy_page_carries_the_full_text_and_says_attachments_are_not_online(page: Any) -> None:
    page.goto("/guide/policy/")
    text = page.locator("article").inner_text()
    assert "广东省2024年特级技师、首席技师评聘工作方案" in text
    assert "联系电话：020-83189554" in text
    assert re.search(r"附件.*未在本系统上线", text)


@pytest.mark.parametrize("term", ["首席技师", "公示"])
def test_chinese_search_finds_pages(page: Any, term: str) -> None:
    # Given the search box of Material's built-in search (lang: zh)
    page.goto("/")
    box = page.locator("input.md-search__input")
    box.click()
    # When a Chinese term is typed (Material searches on key up; an IME sends no key for the characters)
    box.fill(term)
    box.press("End")
    # Then results are listed
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert results.count() >= 1
    assert term in page.locator(".md-search-result").inner_text().replace("\u200b", "")  # jieba's word breaks


def test_guide_tables_are_generated_not_hand_typed() -> None:
    # Given the page sources, which hold placeholders, and the built pages, which hold the tables
    source = Path(__file__).resolve().parents[2] / "site" / "guide" / "eligibility.md"
    built = (SITE / "guide" / "eligibility" / "index.html").read_text(encoding="utf-8")
    # Then the source names no path requirement itself while the built page has every path from schemas/
    from schemas.eligibility import CREDENTIAL_PATHS

    assert "gdskills:eligibility-table" in source.read_text(encoding="utf-8")
    for path in CREDENTIAL_PATHS:
        assert f"<strong>{path.id}</strong>" in built
        assert path.requirement in built

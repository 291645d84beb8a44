"""What every page must satisfy: a title, lang="zh", no request off the server, no serious axe-core violation."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

BLOCKING_IMPACTS = {"serious", "critical"}
_axe = Axe()


def axe_violations(page: Any) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now, one line each."""
    results = _axe.run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in BLOCKING_IMPACTS
    ]


def assert_page_ok(page: Any) -> None:
    """The page has a title, says it is Chinese and has no serious or critical accessibility problem."""
    assert page.title().strip(), f"{page.url} has no title"
    assert page.locator("html").get_attribute("lang") == "zh", f"{page.url} is not lang=zh"
    page.evaluate("window.scrollTo(0, 0)")  # the header swaps title and page topic while scrolling (a fade)
    page.wait_for_timeout(400)
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)

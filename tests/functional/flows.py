"""Walk records through the workflow the way enterprises and reviewers do, for tests that need the result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.factories import (
    city_claims,
    enterprise_claims,
    filing_body,
    plan_body,
    province_claims,
    report_body,
    s_candidate,
    t_candidate,
)

Api = Callable[..., tuple[int, Any]]


def approve(call_api: Api, kind: str, record_id: str, claims: dict[str, Any], version: int = 1) -> dict[str, Any]:
    status, answer = call_api(
        "POST",
        f"/api/{kind}/{record_id}/decision",
        {"decision": "approve", "comment": "", "version": version},
        claims=claims,
    )
    assert status == 200, answer
    return dict(answer)


def approved_plan(call_api: Api, upload: Callable[..., str], level: str, uscc: str, city: str = "440100") -> str:
    claims = enterprise_claims(uscc)
    status, filing = call_api("POST", "/api/filings", filing_body(uscc, city), claims=claims)
    assert status == 201, filing
    approve(call_api, "filings", filing["id"], city_claims(city))
    key = upload("plan_document", claims=claims)
    status, plan = call_api("POST", "/api/plans", plan_body(filing["id"], key, level), claims=claims)
    assert status == 201, plan
    approve(call_api, "plans", plan["id"], city_claims(city))
    return str(plan["id"])


def approved_report(
    call_api: Api, upload: Callable[..., str], level: str, uscc: str, count: int = 3, city: str = "440100"
) -> str:
    """A report approved by every stage it is routed to."""
    claims = enterprise_claims(uscc)
    plan_id = approved_plan(call_api, upload, level, uscc, city)
    make = s_candidate if level == "S" else t_candidate
    body = report_body(plan_id, upload("material", claims=claims), [make(i) for i in range(count)])
    status, report = call_api("POST", "/api/reports", body, claims=claims)
    assert status == 201, report
    approve(call_api, "reports", report["id"], city_claims(city))
    if level == "S":
        approve(call_api, "reports", report["id"], province_claims())
    return str(report["id"])

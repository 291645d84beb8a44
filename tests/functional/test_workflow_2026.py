"""A year no code knows, run end to end: an administrator opens 2026 through the API, and with the clock set
inside it an enterprise files, plans and reports, the city approves, and the candidates get certificates."""

from __future__ import annotations

import re

from tests.factories import admin_claims, city_claims, province_claims
from tests.functional._workflow import Flow
from tests.functional.test_campaigns import year_body

CERTIFICATE = re.compile(r"^Y\d{4}44\d{6}26[TS]\d{6}$")  # positions 14–15: the year of issue, 2026


def test_a_2026_campaign_opened_through_the_api_runs_from_filing_to_certificate(aws, call_api, upload, today):
    # Given it is Wednesday 6 May 2026 (after the May Day break) and an administrator opens 2026
    today("2026-05-06")
    status, campaign = call_api("PUT", "/api/campaigns/2026", year_body(2026), claims=admin_claims())
    assert status == 201, campaign
    assert call_api("GET", "/api/campaigns/current")[1]["campaign"]["year"] == "2026"
    flow = Flow(call_api, upload, walk_clock=False)
    # When the enterprise files and the city approves
    filing_id = flow.approved_filing()
    # And it plans a T evaluation in phase 1 with its review on 20 May
    plan = {**flow.plan_body(filing_id), "campaign": "2026", "phase": 1, "review_date": "2026-05-20"}
    plan_id = flow.created("plans", plan)
    flow.approve("plans", plan_id, city_claims())
    assert flow.read("plans", plan_id)["campaign"] == "2026"
    # And on 1 June, after a notice of 21–27 May (five working days), it reports two candidates
    today("2026-06-01")
    report = flow.report_body(plan_id, count=2)
    report["public_notice"] = {"start": "2026-05-21", "end": "2026-05-27", "objections": 0}
    report_id = flow.created("reports", report)
    # Then the city's approval issues 2026 certificate numbers, one per candidate
    assert flow.approve("reports", report_id, city_claims())["status"] == "approved"
    status, certificates = call_api("GET", f"/api/reports/{report_id}/certificates", claims=province_claims())
    assert status == 200, certificates
    numbers = [row["certificate_number"] for row in certificates["items"]]
    assert len(numbers) == 2
    assert all(CERTIFICATE.match(n) for n in numbers), numbers
    # And the report is counted under 2026, and listed with the enterprise's records
    head = flow.read("reports", report_id)
    assert (head["campaign"], head["phase"], head["status"]) == ("2026", 1, "approved")

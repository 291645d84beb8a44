"""A filing or plan taken apart: what parsed is kept beside the field errors, so the cross-record rules still run."""

from __future__ import annotations

from datetime import date

from schemas.campaigns import campaign_from, plan_in_campaign, shipped_campaigns
from schemas.form_parts import filing_form_rules, parse_filing, parse_plan, plan_repeats
from schemas.forms import PlanResubmission
from schemas.rules import plan_against_filing
from tests.factories import filing_body, plan_body


def test_a_valid_plan_is_whole_and_has_no_part_rules():
    parts = parse_plan(plan_body("FIL-1", "plan_document/k"))
    assert parts.complete is not None
    assert parts.errors == []
    assert plan_repeats(parts) == []


def test_a_plan_with_bad_fields_keeps_every_field_that_parsed():
    body = {**plan_body(" FIL-1 ", "plan_document/k"), "planned_count": 0, "review_date": "2024-02-30"}
    body["occupations"] = ["6-18-01-01", "6-18", "6-18-01-02", "6-18-01-01"]
    parts = parse_plan(body)
    assert parts.complete is None
    assert {e["loc"][0] for e in parts.errors} == {"planned_count", "review_date", "occupations"}
    # the good fields typed as the form types them (stripped, int, literal)
    assert (parts.filing_id, parts.campaign, parts.phase, parts.level) == ("FIL-1", "2024", 1, "T")
    assert parts.review_date is None
    assert parts.occupations == [(0, "6-18-01-01"), (2, "6-18-01-02"), (3, "6-18-01-01")]
    assert [f.type for f in plan_repeats(parts)] == ["occupation_duplicate"]
    # and the filing's rule names the submitted index of the occupation outside the scope
    failures = plan_against_filing(parts.level, parts.occupations, ["S"], ["6-18-01-01"])
    assert [(f.path, f.type) for f in failures] == [
        ("level", "level_not_filed"),
        ("occupations[2]", "occupation_not_filed"),
    ]


def test_a_resubmission_without_its_version_still_keeps_its_fields():
    parts = parse_plan(plan_body("FIL-1", "plan_document/k"), PlanResubmission)
    assert [e["loc"] for e in parts.errors] == [("version",)]
    assert parts.plan_document == "plan_document/k"


def test_a_plan_of_the_wrong_shape_keeps_nothing():
    for raw in ([1, 2], "text", None, {"occupations": [None, 3]}):
        parts = parse_plan(raw)
        assert parts.complete is None
        assert parts.errors
        assert parts.filing_id is None
        assert parts.occupations == []


def test_the_campaign_rule_skips_what_did_not_parse_but_still_closes_a_year():
    campaign = shipped_campaigns()["2024"]
    assert plan_in_campaign(campaign, "2024", 1, None, date(2024, 6, 3)) == []
    assert plan_in_campaign(campaign, "2024", None, None, date(2024, 6, 3)) == []
    closed = campaign_from({"year": "2024", "name": "2024", "accepting_submissions": False, "phases": []})
    assert [f.type for f in plan_in_campaign(closed, "2024", None, None, date(2024, 6, 3))] == ["campaign_closed"]
    assert [f.type for f in plan_in_campaign(None, "2031", None, None, date(2024, 6, 3))] == ["campaign_unknown"]


def test_a_filing_whose_enterprise_fails_still_has_its_levels_checked_against_its_categories():
    body = filing_body(categories=["above_scale"], levels=["T", "S"])
    body["enterprise"]["address"] = ""
    parts = parse_filing(body)
    assert parts.complete is None
    assert parts.uscc == body["enterprise"]["uscc"]
    assert list(parts.categories or []) == ["above_scale"]
    assert [(f.path, f.type) for f in filing_form_rules(parts)] == [("levels", "level_not_allowed")]


def test_a_valid_filing_has_no_part_rules():
    parts = parse_filing(filing_body())
    assert parts.complete is not None
    assert filing_form_rules(parts) == []

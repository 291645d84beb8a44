"""Validation of the eligibility request: honour levels, rank and issuer type, grades, period order."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas._errors import field_path
from schemas.eligibility import FIXED_HONOUR_LEVELS, Credential, EligibilityRequest, Honour, WorkPeriod
from tests.unit._eligibility_build import honour

# The fixed levels as DOMAIN.md states them (not read from the code under test).
DOMAIN_FIXED_LEVELS = {
    "state_council_allowance": "national",
    "worldskills_medal": "international",
    "national_competition_medal": "national",
    "china_skills_award": "national",
}
ALL_LEVELS = ["county", "municipal", "provincial", "national", "international"]


def rule_errors(model: type, body: dict) -> list[tuple[str, str, str]]:
    """(field path, error type, message) of each error when `body` is validated."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(body)
    return [(field_path(e["loc"]), e["type"], e["msg"]) for e in caught.value.errors()]


def test_fixed_level_table_matches_domain():
    assert FIXED_HONOUR_LEVELS == DOMAIN_FIXED_LEVELS


@pytest.mark.parametrize(("category", "fixed"), DOMAIN_FIXED_LEVELS.items())
def test_fixed_level_is_taken_when_omitted_or_repeated(category, fixed):
    # Given a category whose level is fixed, When the level is left out or stated correctly
    omitted = Honour.model_validate(honour(category, "2020-01-01"))
    stated = Honour.model_validate(honour(category, "2020-01-01", fixed))
    # Then the honour carries the fixed level
    assert omitted.level == stated.level == fixed


@pytest.mark.parametrize(
    ("category", "wrong"),
    [(category, level) for category, fixed in DOMAIN_FIXED_LEVELS.items() for level in ALL_LEVELS if level != fixed],
)
def test_another_level_for_a_fixed_category_is_refused(category, wrong):
    errors = rule_errors(Honour, honour(category, "2020-01-01", wrong))
    assert [(path, kind) for path, kind, _ in errors] == [("level", "honour_level_fixed")]
    assert "只能是" in errors[0][2]


def test_fixed_level_error_reaches_the_api_as_422_naming_the_field(call_api):
    # Given a WorldSkills medal stated as national (it is always international)
    body = {
        "level": "S",
        "as_of": "2024-06-30",
        "honours": [{"category": "worldskills_medal", "level": "national", "granted_on": "2019-08-27"}],
    }
    # When checked through the API
    status, answer = call_api("POST", "/api/eligibility/check", body)
    # Then 422 names honours[0].level in Chinese
    assert status == 422
    (field,) = answer["error"]["fields"]
    assert (field["path"], field["type"]) == ("honours[0].level", "honour_level_fixed")
    assert "国际" in field["message"]


@pytest.mark.parametrize("category", ["model_worker", "may_day_medal", "technical_expert", "master_studio_lead",
                                      "skill_leader_award", "other"])  # fmt: skip
def test_skill_honours_without_a_fixed_level_need_one(category):
    errors = rule_errors(Honour, honour(category, "2020-01-01"))
    assert [(path, kind) for path, kind, _ in errors] == [("level", "honour_level_required")]


@pytest.mark.parametrize(
    ("body", "path", "error_type"),
    [
        # a national sci-tech award needs its rank
        (honour("national_sci_tech_award", "2020-01-01"), "rank", "honour_detail_required"),
        # a rank on anything else is refused
        (honour("technical_expert", "2020-01-01", "provincial", rank="first"), "rank", "honour_detail_unexpected"),
        # an enterprise contribution award needs its issuer type
        (honour("enterprise_contribution_award", "2020-01-01"), "issuer_type", "honour_detail_required"),
        (honour("model_worker", "2020-01-01", "provincial", issuer_type="central_enterprise"), "issuer_type",
         "honour_detail_unexpected"),
        # unknown values of the enumerations
        (honour("national_sci_tech_award", "2020-01-01", rank="fourth"), "rank", "literal_error"),
        (honour("enterprise_contribution_award", "2020-01-01", issuer_type="local_sme"), "issuer_type",
         "literal_error"),
        (honour("technical_expert", "2020-01-01", "district"), "level", "literal_error"),
        (honour("nobel_prize", "2020-01-01", "international"), "category", "literal_error"),
    ],
)  # fmt: skip
def test_rank_and_issuer_type_belong_to_their_categories(body, path, error_type):
    errors = rule_errors(Honour, body)
    assert (path, error_type) in [(p, k) for p, k, _ in errors]


@pytest.mark.parametrize(
    ("body", "rank", "issuer_type"),
    [
        (honour("national_sci_tech_award", "2020-01-01", rank="second"), "second", None),
        (honour("enterprise_contribution_award", "2020-01-01", issuer_type="fortune_global_500"), None,
         "fortune_global_500"),
    ],
)  # fmt: skip
def test_non_skill_awards_need_no_level(body, rank, issuer_type):
    parsed = Honour.model_validate(body)
    assert (parsed.level, parsed.rank, parsed.issuer_type) == (None, rank, issuer_type)


@pytest.mark.parametrize(
    ("body", "ok"),
    [
        ({"kind": "skill_certificate", "grade": "senior_technician", "obtained_on": "2020-01-01"}, True),
        ({"kind": "professional_title", "grade": "full_senior", "obtained_on": "2020-01-01"}, True),
        # a title grade on a certificate and the other way round
        ({"kind": "skill_certificate", "grade": "senior", "obtained_on": "2020-01-01"}, False),
        ({"kind": "professional_title", "grade": "technician", "obtained_on": "2020-01-01"}, False),
        ({"kind": "skill_certificate", "grade": "master", "obtained_on": "2020-01-01"}, False),
    ],
)
def test_grade_must_fit_the_credential_kind(body, ok):
    body = {**body, "relation": "related"}
    if ok:
        assert Credential.model_validate(body).relation == "related"
    else:
        errors = rule_errors(Credential, body)
        assert [(p, k) for p, k, _ in errors] == [("grade", "grade_kind_mismatch")]


def test_work_period_cannot_end_before_it_starts():
    errors = rule_errors(WorkPeriod, {"start": "2024-01-02", "end": "2024-01-01", "relation": "corresponding"})
    assert [(p, k) for p, k, _ in errors] == [("end", "work_period_order")]
    # a one-day period is fine
    one_day = {"start": "2024-01-01", "end": "2024-01-01", "relation": "corresponding"}
    assert WorkPeriod.model_validate(one_day).end is not None


@pytest.mark.parametrize(
    ("model", "body"),
    [
        (Credential, {"kind": "skill_certificate", "grade": "senior_technician", "obtained_on": "2020-01-01"}),
        (WorkPeriod, {"start": "2015-03-01", "end": None}),
    ],
)
def test_relation_is_required_with_no_default(model, body):
    # Given a credential or work period that does not say how it relates to the occupation evaluated
    errors = rule_errors(model, body)
    # Then it is refused at `relation`: nothing defaults to 相应
    assert [(p, k) for p, k, _ in errors] == [("relation", "missing")]


def test_errors_in_lists_name_the_item():
    body = {
        "level": "T",
        "as_of": "2024-06-30",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "technician",
                "relation": "corresponding",
                "obtained_on": "2020-01-01",
            },
            {"kind": "skill_certificate", "grade": "senior", "relation": "corresponding", "obtained_on": "2020-01-01"},
        ],
        "work_periods": [{"start": "2024-01-02", "end": "2024-01-01", "relation": "related"}],
    }
    paths = {(p, k) for p, k, _ in rule_errors(EligibilityRequest, body)}
    assert paths == {("credentials[1].grade", "grade_kind_mismatch"), ("work_periods[0].end", "work_period_order")}


def test_as_of_defaults_to_a_date_and_lists_to_empty():
    parsed = EligibilityRequest.model_validate({"level": "S"})
    assert (parsed.credentials, parsed.work_periods, parsed.honours) == ([], [], [])
    assert parsed.as_of.year >= 2024


def test_unknown_level_is_refused():
    errors = rule_errors(EligibilityRequest, {"level": "X", "as_of": "2024-06-30"})
    assert [(p, k) for p, k, _ in errors] == [("level", "literal_error")]

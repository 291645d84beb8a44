"""Every rule on a filing (备案) as a 422 naming the field, in Chinese, through the handler on moto."""

from __future__ import annotations

import pytest

from tests.factories import FACTORY_USCC, SHENZHEN_USCC, enterprise_claims, filing_body
from tests.functional._workflow import debar, problem


@pytest.fixture
def submit(aws, call_api):
    def run(body, claims=None):
        return call_api("POST", "/api/filings", body, claims=claims or enterprise_claims())

    return run


def test_a_valid_filing_is_accepted(submit):
    # Given a complete filing of an above-scale, large enterprise for T and S
    status, answer = submit(filing_body())
    # Then it is created, awaiting review, at version 1
    assert status == 201
    assert (answer["status"], answer["version"]) == ("submitted", 1)


def test_uscc_with_a_wrong_check_digit_is_refused(submit):
    # Given the factory's USCC with its last character changed
    body = filing_body()
    body["enterprise"]["uscc"] = FACTORY_USCC[:-1] + ("3" if FACTORY_USCC[-1] != "3" else "4")
    # When it is filed, Then the USCC is named
    found = problem(*submit(body), "enterprise.uscc")
    assert found["type"] == "uscc_checksum"


def test_filing_for_another_enterprises_uscc_is_forbidden(submit):
    # Given a Guangzhou enterprise's login filing Shenzhen's (valid) USCC
    # Then it is refused as not theirs to file
    status, answer = submit(filing_body(SHENZHEN_USCC))
    assert status == 403
    assert "统一社会信用代码" in answer["error"]["message"]


@pytest.mark.parametrize("city", ["440000", "110100", "4401", "广州"])
def test_city_outside_the_21_cities_is_refused(submit, city):
    # Given a city code that is not one of Guangdong's 21 cities
    found = problem(*submit(filing_body(city=city)), "enterprise.city")
    # Then the city is named
    assert found["type"] == "city_unknown"


def test_large_implies_above_scale(submit, call_api):
    # Given a large enterprise that ticked only 大型企业, asking for both levels
    status, answer = submit(filing_body(categories=["large"], levels=["T", "S"]))
    # Then it is accepted and counts as above scale too
    assert status == 201, answer
    status, record = call_api("GET", f"/api/filings/{answer['id']}", claims=enterprise_claims())
    assert status == 200, record
    assert record["categories"] == ["large", "above_scale"]


@pytest.mark.parametrize("category", ["provincial_filed", "chain_leader", "large"])
def test_categories_that_may_run_s_may_also_run_t(submit, category):
    status, answer = submit(filing_body(categories=[category], levels=["T", "S"]))
    assert status == 201, answer


@pytest.mark.parametrize(
    ("categories", "levels", "missing"),
    [
        (["above_scale"], ["S"], "S"),
        (["above_scale"], ["T", "S"], "S"),
    ],
)
def test_each_level_needs_a_category_that_allows_it(submit, categories, levels, missing):
    # Given categories that do not allow one of the requested levels
    found = problem(*submit(filing_body(categories=categories, levels=levels)), "levels")
    # Then the levels are named with the level that is not allowed
    assert found["type"] == "level_not_allowed"
    assert f"{missing}级" in found["message"]


def test_occupation_missing_from_the_catalogue_is_refused(submit):
    # Given a code shaped like a 细类 that the 2022 catalogue does not have
    body = filing_body()
    body["occupations"][1] = {"code": "6-18-01-99"}
    found = problem(*submit(body), "occupations[1].code")
    assert found["type"] == "occupation_unknown"


def test_occupation_outside_major_groups_4_to_6_is_refused(submit):
    # Given an engineering-professional occupation (大类 2), not a skill occupation
    body = filing_body()
    body["occupations"][0] = {"code": "2-02-01-01"}
    found = problem(*submit(body), "occupations[0].code")
    # Then it is named as not a skill occupation
    assert found["type"] == "occupation_not_skill"
    assert "第四、五、六大类" in found["message"]


def test_the_same_occupation_twice_is_refused(submit):
    body = filing_body()
    body["occupations"][1] = {"code": "6-18-01-01"}
    assert problem(*submit(body), "occupations")["type"] == "occupation_duplicate"


@pytest.mark.parametrize(
    ("field", "value", "path", "error_type"),
    [
        ("phone", "12345", "contact.phone", "string_pattern_mismatch"),
        ("email", "hr-at-jinggong", "contact.email", "email_invalid"),
        ("email", 'li"ming@jinggong.example.cn', "contact.email", "email_invalid"),
    ],
)
def test_contact_details_are_checked(submit, field, value, path, error_type):
    body = filing_body()
    body["contact"][field] = value
    assert problem(*submit(body), path)["type"] == error_type


def test_a_debarred_enterprise_cannot_file(submit, call_api):
    # Given the enterprise was debarred for fraud in March 2024 (holds five years)
    debar(call_api, "enterprise", FACTORY_USCC)
    # When it files, Then its USCC is named with the date the debarment ends
    found = problem(*submit(filing_body()), "enterprise.uscc")
    assert found["type"] == "debarred"
    assert "2029-03-01" in found["message"]

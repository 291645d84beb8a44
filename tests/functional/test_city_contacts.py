"""City contacts administered (附件2): set by an administrator, merged into the public list, audited."""

from __future__ import annotations

import pytest

from tests.factories import admin_claims, city_claims, province_claims
from tests.functional._workflow import problem

SHAOGUAN = {
    "institution": "韶关市职业技能鉴定指导中心",
    "phones": ["0751-8882233", "13902201234"],
    "address": "韶关市武江区工业西路 1 号",
}


def _city(call_api, code):
    status, body = call_api("GET", "/api/reference/cities")
    assert status == 200
    return next(c for c in body if c["code"] == code)


def test_an_unset_city_has_empty_contact_fields_never_an_invented_number(aws, call_api):
    shaoguan = _city(call_api, "440200")
    assert (shaoguan["institution"], shaoguan["phones"], shaoguan["address"]) == ("", [], "")
    assert shaoguan["hotline"] == "0751-12333"  # the 12333 hotline is the area's, not invented


def test_an_admin_sets_a_citys_contact_and_the_public_list_shows_it_at_once(aws, call_api):
    status, answer = call_api("PUT", "/api/reference/cities/440200/contact", SHAOGUAN, claims=admin_claims())
    assert status == 200, answer
    shaoguan = _city(call_api, "440200")
    assert shaoguan["institution"] == SHAOGUAN["institution"]
    assert shaoguan["phones"] == ["0751-8882233", "13902201234"]
    assert shaoguan["address"] == SHAOGUAN["address"]
    # the other cities are untouched
    assert _city(call_api, "440300")["phones"] == []
    # and the change is audited with what it was before
    status, audit = call_api("GET", "/api/audit", query={"subject": "city-contacts"}, claims=admin_claims())
    assert status == 200
    (event,) = audit["events"]
    assert event["action"] == "city_contact"
    assert event["detail"]["code"] == "440200"
    assert event["detail"]["before"] is None


def test_clearing_a_field_shows_it_unset_again(aws, call_api):
    call_api("PUT", "/api/reference/cities/440200/contact", SHAOGUAN, claims=admin_claims())
    cleared = {**SHAOGUAN, "phones": []}
    assert call_api("PUT", "/api/reference/cities/440200/contact", cleared, claims=admin_claims())[0] == 200
    assert _city(call_api, "440200")["phones"] == []


@pytest.mark.parametrize(("claims", "status"), [(None, 401), (city_claims("440200"), 403), (province_claims(), 403)])
def test_only_an_admin_sets_contacts(aws, call_api, claims, status):
    assert call_api("PUT", "/api/reference/cities/440200/contact", SHAOGUAN, claims=claims)[0] == status


@pytest.mark.parametrize(
    ("body", "path", "error_type"),
    [
        ({**SHAOGUAN, "phones": ["12345"]}, "phones[0]", "string_pattern_mismatch"),
        ({**SHAOGUAN, "phones": ["0751-8882233", "0751-8882233"]}, "phones", "phone_duplicate"),
        ({**SHAOGUAN, "phones": [f"0751-888223{i}" for i in range(6)]}, "phones", "too_long"),
        ({**SHAOGUAN, "institution": "中" * 101}, "institution", "string_too_long"),
        ({**SHAOGUAN, "fax": "0751-8882234"}, "fax", "extra_forbidden"),
    ],
)
def test_a_bad_contact_is_refused_naming_the_field(aws, call_api, body, path, error_type):
    status, answer = call_api("PUT", "/api/reference/cities/440200/contact", body, claims=admin_claims())
    assert problem(status, answer, path)["type"] == error_type


def test_an_unknown_city_is_404(aws, call_api):
    status, answer = call_api("PUT", "/api/reference/cities/440199/contact", SHAOGUAN, claims=admin_claims())
    assert status == 404
    assert "440199" in answer["error"]["message"]

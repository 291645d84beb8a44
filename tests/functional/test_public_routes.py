"""The public routes through API Gateway events: answers, and errors in API.md's shape."""

from __future__ import annotations

import pytest


def test_health_answers_ok(call_api):
    status, body = call_api("GET", "/api/health")
    assert (status, body) == (200, {"status": "ok"})


def test_workdays_across_may_day_2024(call_api):
    # Given the May Day break 1–5 May 2024 and Saturday 11 May as a workday
    status, body = call_api("GET", "/api/reference/workdays", query={"start": "2024-04-29", "end": "2024-05-08"})
    # Then exactly five working days lie between 29 April and 8 May
    assert status == 200
    assert body == {"start": "2024-04-29", "end": "2024-05-08", "workdays": 5}


def test_cities_are_the_21_of_guangdong(aws, call_api):
    status, body = call_api("GET", "/api/reference/cities")
    assert status == 200
    assert len(body) == 21
    guangzhou = next(c for c in body if c["code"] == "440100")
    assert guangzhou["name"] == "广州市"
    assert guangzhou["hotline"] == "020-12333"


def test_occupation_search_finds_lathe_operator(call_api):
    status, body = call_api("GET", "/api/reference/occupations", query={"q": "车工"})
    assert status == 200
    assert body[0] == {"code": "6-18-01-01", "name": "车工", "skill": True, "green": False, "digital": False}


def test_campaign_2024_has_two_phases(aws, call_api):
    status, body = call_api("GET", "/api/campaigns/2024")
    assert status == 200
    assert [(p["start"], p["end"]) for p in body["phases"]] == [
        ("2024-04-01", "2024-07-10"),
        ("2024-08-01", "2024-10-30"),
    ]


def test_unknown_campaign_is_404_in_error_shape(aws, call_api):
    status, body = call_api("GET", "/api/campaigns/2019")
    assert status == 404
    assert body["error"]["code"] == "not_found"
    assert "2019" in body["error"]["message"]


def test_malformed_json_is_400(call_api):
    status, body = call_api("POST", "/api/eligibility/check", "{level:")
    assert status == 400
    assert body["error"]["fields"][0]["type"] == "json_invalid"


@pytest.mark.parametrize(
    ("body", "path", "error_type"),
    [
        ({"level": "X"}, "level", "literal_error"),
        ({"level": "T", "as_of": "2024-02-30"}, "as_of", "date_from_datetime_parsing"),
        (
            {
                "level": "T",
                "credentials": [{"kind": "professional_title", "grade": "technician", "obtained_on": "2020-01-01"}],
            },
            "credentials[0].grade",
            "grade_kind_mismatch",
        ),
        (
            {
                "level": "S",
                "honours": [{"category": "worldskills_medal", "level": "national", "granted_on": "2022-10-01"}],
            },
            "honours[0].level",
            "honour_level_fixed",
        ),
        (
            {"level": "T", "work_periods": [{"start": "2020-01-01", "end": "2019-01-01"}]},
            "work_periods[0].end",
            "work_period_order",
        ),
        (  # relation is required: nothing defaults to 相应
            {
                "level": "T",
                "credentials": [
                    {"kind": "skill_certificate", "grade": "senior_technician", "obtained_on": "2020-01-01"}
                ],
            },
            "credentials[0].relation",
            "missing",
        ),
        ({"level": "T", "work_periods": [{"start": "2020-01-01", "end": None}]}, "work_periods[0].relation", "missing"),
    ],
)
def test_invalid_eligibility_request_is_422_naming_the_field(call_api, body, path, error_type):
    status, answer = call_api("POST", "/api/eligibility/check", body)
    assert status == 422
    assert answer["error"]["code"] == "validation_failed"
    field = next(f for f in answer["error"]["fields"] if f["path"] == path)
    assert field["type"] == error_type
    assert any("\u4e00" <= ch <= "\u9fff" for ch in field["message"])


def test_eligibility_check_through_the_handler(call_api):
    body = {
        "level": "T",
        "as_of": "2024-06-30",
        "credentials": [
            {
                "kind": "skill_certificate",
                "grade": "senior_technician",
                "relation": "corresponding",
                "obtained_on": "2023-06-30",
            }
        ],
        "work_periods": [{"start": "2010-07-01", "end": None, "relation": "corresponding"}],
    }
    status, verdict = call_api("POST", "/api/eligibility/check", body)
    assert status == 200
    assert verdict["eligible"] is True
    assert verdict["basis"] == ["T1"]

"""Every rule on a results report (评价结果报备) as a 422 naming the field, in Chinese, on moto."""

from __future__ import annotations

from datetime import date

import pytest

from tests.factories import FACTORY_USCC, SHENZHEN_USCC, make_id, t_candidate
from tests.functional._workflow import Flow, debar, problem


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


@pytest.fixture
def plan_id(flow):
    """An approved T plan: 车工 only, review date 2024-06-15."""
    return flow.approved_plan("T")


@pytest.fixture
def body(flow, plan_id):
    """A valid report of three candidates; notice 2024-06-17..21 (five working days)."""
    return flow.report_body(plan_id, count=3)


def test_a_valid_report_is_accepted(flow, body):
    status, answer = flow.create("reports", body)
    assert (status, answer["status"]) == (201, "submitted")


def test_report_on_an_unknown_plan_is_refused(flow, body):
    found = problem(*flow.create("reports", {**body, "plan_id": "PLN-0000000000000000"}), "plan_id")
    assert found["type"] == "plan_unknown"


def test_report_on_a_plan_not_yet_approved_is_refused(flow, body):
    waiting = flow.created("plans", flow.plan_body(flow.approved_filing()))
    found = problem(*flow.create("reports", {**body, "plan_id": waiting}), "plan_id")
    assert found["type"] == "plan_not_approved"


def test_report_on_another_enterprises_plan_is_refused_as_unknown(aws, call_api, upload, body):
    shenzhen = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    own = shenzhen.upload("material", claims=shenzhen.claims)
    stolen = {**body, "materials": [{"type": "public_notice", "key": own}]}
    assert problem(*shenzhen.create("reports", stolen), "plan_id")["type"] == "plan_unknown"


def test_each_ineligible_candidate_is_named_by_index_with_reasons(flow, body):
    # Given the 1st and 3rd candidates got their 高级技师 certificate only in 2024 (less than a year by the
    # plan's review date 2024-06-15) and hold nothing else
    for index in (0, 2):
        body["candidates"][index]["credentials"][0]["obtained_on"] = "2024-01-10"
    status, answer = flow.create("reports", body)
    # Then both are named by index, each with the review date and the unmet paths; the 2nd is not named
    first = problem(status, answer, "candidates[0]")
    third = problem(status, answer, "candidates[2]")
    assert first["type"] == third["type"] == "candidate_not_eligible"
    assert "2024-06-15" in first["message"]
    assert "T1" in first["message"]
    assert "第 3 位人员" in third["message"]
    assert not [f for f in answer["error"]["fields"] if f["path"].startswith("candidates[1]")]


def test_eligibility_is_judged_at_the_plans_review_date_not_today(flow, body):
    # Given a certificate obtained 2023-06-16: one year is reached on 2024-06-16, a day after the review date
    body["candidates"][0]["credentials"][0]["obtained_on"] = "2023-06-16"
    # Then the candidate is not eligible (although by today the year has long passed)
    assert problem(*flow.create("reports", body), "candidates[0]")["type"] == "candidate_not_eligible"
    # And one day earlier is enough
    body["candidates"][0]["credentials"][0]["obtained_on"] = "2023-06-15"
    status, answer = flow.create("reports", body)
    assert status == 201, answer


def _wrong_check_digit(id_number: str) -> str:
    return id_number[:-1] + ("1" if id_number[-1] != "1" else "2")


@pytest.mark.parametrize(
    ("id_number", "error_type"),
    [
        (_wrong_check_digit(make_id("440104", "19850315", "123")), "id_number_checksum"),
        ("44010419850315123", "id_number_length"),
        (make_id("440104", "19851332", "123"), "id_number_birth_date"),
        (make_id("440102", "20080101", "123"), "id_number_region"),  # 东山区 (440102) was abolished in 2005
        (make_id("449999", "19700101", "123"), "id_number_region"),  # no such code
    ],
)
def test_invalid_resident_id_numbers_are_named(flow, body, id_number, error_type):
    body["candidates"][1]["id_number"] = id_number
    found = problem(*flow.create("reports", body), "candidates[1].id_number")
    assert found["type"] == error_type


def test_older_workers_with_later_district_codes_are_accepted(flow, body):
    # Given 越秀区 (created 1983) for someone born 1982 and 增城区 (created 2014) for someone born 1970
    body["candidates"][0]["id_number"] = make_id("440104", "19820607", "031")
    body["candidates"][1]["id_number"] = make_id("440118", "19700101", "123")
    # Then the report is accepted: the code is assigned at first registration, not at birth
    status, answer = flow.create("reports", body)
    assert status == 201, answer


def test_an_id_number_may_appear_once_per_report(flow, body):
    # Given the 3rd candidate carries the 1st one's ID number
    body["candidates"][2]["id_number"] = body["candidates"][0]["id_number"]
    found = problem(*flow.create("reports", body), "candidates[2].id_number")
    # Then both positions are named
    assert found["type"] == "id_number_duplicate"
    assert "第 3 位" in found["message"]
    assert "第 1 位" in found["message"]


def test_candidate_occupation_outside_the_plan_is_refused(flow, body):
    # Given the plan covers 车工 only, When a 铣工 (filed, but not planned) is reported
    body["candidates"][1]["occupation"] = "6-18-01-02"
    found = problem(*flow.create("reports", body), "candidates[1].occupation")
    assert found["type"] == "candidate_occupation_not_planned"


def test_candidate_level_other_than_the_plans_is_refused(flow, body):
    body["candidates"][0]["level"] = "S"
    assert problem(*flow.create("reports", body), "candidates[0].level")["type"] == "candidate_level_mismatch"


def test_a_candidate_who_failed_the_evaluation_is_refused(flow, body):
    body["candidates"][0]["evaluation"] = {"score": 52, "passed": False}
    found = problem(*flow.create("reports", body), "candidates[0].evaluation.passed")
    assert found["type"] == "candidate_not_passed"


def test_public_notice_shorter_than_five_working_days_is_refused(flow, body):
    # Given a notice from Monday 17 to Thursday 20 June 2024: 4 working days
    body["public_notice"] = {"start": "2024-06-17", "end": "2024-06-20", "objections": 0}
    found = problem(*flow.create("reports", body), "public_notice.end")
    assert found["type"] == "public_notice_too_short"
    assert "4 个工作日" in found["message"]


def test_public_notice_counts_only_working_days_across_a_holiday(flow, plan_id, body):
    # Given 2024-06-17..06-21 is five working days, When the same five weekdays hold a holiday instead:
    # 2024-06-06..06-12 (Dragon Boat holiday on Monday 10 June) has only 4 working days (6, 7, 11, 12)
    body["public_notice"] = {"start": "2024-06-06", "end": "2024-06-12", "objections": 0}
    found = problem(*flow.create("reports", body), "public_notice.end")
    # Then it is too short, counted in working days
    assert found["type"] == "public_notice_too_short"
    assert "4 个工作日" in found["message"]


def test_public_notice_starting_before_the_review_date_is_refused(flow, body):
    # Given five working days 2024-06-07..06-14 (10 June off), but starting before the 06-15 review
    body["public_notice"] = {"start": "2024-06-07", "end": "2024-06-14", "objections": 0}
    found = problem(*flow.create("reports", body), "public_notice.start")
    assert found["type"] == "public_notice_before_review"
    assert "2024-06-15" in found["message"]


@pytest.mark.parametrize(("today", "accepted"), [(date(2024, 6, 21), False), (date(2024, 6, 22), True)])
def test_public_notice_must_have_ended_before_submission(flow, body, monkeypatch, today, accepted):
    # Given the notice runs to 2024-06-21, When the report is submitted on `today`
    from functions.services import clock

    monkeypatch.setattr(clock, "today", lambda: today)
    status, answer = flow.create("reports", body)
    # Then on the last day of the notice it is refused, the next day accepted
    if accepted:
        assert status == 201, answer
    else:
        assert problem(status, answer, "public_notice.end")["type"] == "public_notice_not_ended"


def test_unresolved_objections_are_refused(flow, body):
    body["public_notice"]["objections"] = 1
    found = problem(*flow.create("reports", body), "public_notice.objections")
    assert found["type"] == "public_notice_objections"


def test_materials_not_uploaded_are_refused(flow, body, upload):
    # Given a second material whose key was never declared, next to a good one
    body["materials"].append({"type": "review_record", "key": f"material/{FACTORY_USCC}/none/记录.pdf"})
    found = problem(*flow.create("reports", body), "materials[1].key")
    assert found["type"] == "upload_unknown"


def test_a_plan_document_upload_cannot_stand_in_for_a_material(flow, body):
    body["materials"][0]["key"] = flow.upload("plan_document", claims=flow.claims)
    assert problem(*flow.create("reports", body), "materials[0].key")["type"] == "upload_unknown"


def test_a_debarred_candidate_is_refused(flow, body, call_api):
    # Given the 2nd candidate was debarred for fraud on 2023-01-01 (holds until 2028-01-01)
    debar(call_api, "person", body["candidates"][1]["id_number"], "2023-01-01")
    found = problem(*flow.create("reports", body), "candidates[1].id_number")
    assert found["type"] == "debarred"
    assert "2028-01-01" in found["message"]


def test_a_debarment_that_has_run_out_no_longer_refuses(flow, body, call_api):
    # Given a debarment decided 2019-01-01, which ended 2024-01-01
    debar(call_api, "person", body["candidates"][1]["id_number"], "2019-01-01")
    status, answer = flow.create("reports", body)
    assert status == 201, answer


def test_a_debarred_enterprise_cannot_report(flow, body, call_api):
    debar(call_api, "enterprise", FACTORY_USCC)
    assert problem(*flow.create("reports", body), "enterprise")["type"] == "debarred"


def test_a_500_candidate_report_is_accepted(flow, plan_id):
    # Given 500 distinct, eligible candidates
    body = flow.report_body(plan_id, count=500)
    assert len({c["id_number"] for c in body["candidates"]}) == 500
    status, answer = flow.create("reports", body)
    assert status == 201, answer
    assert flow.read("reports", answer["id"])["candidate_count"] == 500


def test_candidates_by_index_in_a_long_roster(flow, plan_id):
    # Given 30 candidates of whom the 7th and 25th are not eligible
    body = flow.report_body(plan_id, count=30)
    for index in (6, 24):
        body["candidates"][index] = {**t_candidate(100 + index), "credentials": []}
    status, answer = flow.create("reports", body)
    # Then exactly those two are named as not eligible
    assert status == 422
    named = sorted(f["path"] for f in answer["error"]["fields"] if f["type"] == "candidate_not_eligible")
    assert named == ["candidates[24]", "candidates[6]"]

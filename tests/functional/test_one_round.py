"""A refused report names every problem in one answer: fields, ID numbers, eligibility, plan, notice, duplicates."""

from __future__ import annotations

import pytest

from tests.factories import t_candidate
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _wrong_check_digit(id_number: str) -> str:
    return id_number[:-1] + ("1" if id_number[-1] != "1" else "2")


def test_a_30_person_report_with_six_kinds_of_problem_gets_them_all_in_one_422(flow):
    # Given an approved T plan (车工, review 2024-06-15) and a 30-person report with problems of every kind
    body = flow.report_body(flow.approved_plan("T"), count=30)
    people = body["candidates"]
    people[2]["id_number"] = _wrong_check_digit(people[2]["id_number"])  # a field error (check digit)
    del people[6]["name"]  # a missing field
    people[11]["credentials"][0]["obtained_on"] = "2023-06-16"  # not eligible by the review date
    people[19]["id_number"] = people[0]["id_number"]  # the same person twice
    people[24]["occupation"] = "6-18-01-02"  # 铣工: not in the plan
    body["public_notice"] = {"start": "2024-06-14", "end": "2024-06-21", "objections": 0}  # before the review
    # When it is submitted once
    status, answer = flow.create("reports", body)
    # Then one 422 names each problem at its own path
    assert status == 422, answer
    found = {(f["path"], f["type"]) for f in answer["error"]["fields"]}
    assert {
        ("candidates[2].id_number", "id_number_checksum"),
        ("candidates[6].name", "missing"),
        ("candidates[11]", "candidate_not_eligible"),
        ("candidates[19].id_number", "id_number_duplicate"),
        ("candidates[24].occupation", "candidate_occupation_not_planned"),
        ("public_notice.start", "public_notice_before_review"),
    } <= found
    # And nobody else is blamed, and the problems come in the order of the form
    blamed = {f["path"].split(".")[0] for f in answer["error"]["fields"]}
    assert blamed == {
        "public_notice",
        "candidates[2]",
        "candidates[6]",
        "candidates[11]",
        "candidates[19]",
        "candidates[24]",
    }
    assert answer["error"]["fields"][0]["path"] == "public_notice.start"


def test_corrected_once_the_same_report_is_accepted(flow):
    # Given a report refused for two candidates at once
    body = flow.report_body(flow.approved_plan("T"), count=30)
    good = [dict(c) for c in body["candidates"]]
    body["candidates"][3]["id_number"] = _wrong_check_digit(body["candidates"][3]["id_number"])
    body["candidates"][8]["credentials"] = []
    status, answer = flow.create("reports", body)
    assert {f["path"] for f in answer["error"]["fields"]} == {"candidates[3].id_number", "candidates[8]"}
    # When both are corrected, Then the second submission is the last
    body["candidates"] = good
    status, answer = flow.create("reports", body)
    assert status == 201, answer


def test_a_report_whose_plan_id_is_unreadable_still_gets_its_candidates_checked(flow):
    body = flow.report_body(flow.approved_plan("T"), count=2)
    body["plan_id"] = ""
    body["candidates"][1]["id_number"] = "44010419850101"
    _status, answer = flow.create("reports", body)
    assert {f["path"] for f in answer["error"]["fields"]} == {"plan_id", "candidates[1].id_number"}


@pytest.mark.parametrize("raw", [[1, 2], "text", 7, {"candidates": "many"}, {"candidates": [None, 3]}])
def test_a_report_of_the_wrong_shape_is_a_422_not_a_500(flow, raw):
    status, answer = flow.create("reports", raw)
    assert status in (400, 422), answer


def test_a_returned_report_is_resubmitted_through_the_same_checks(flow):
    body = flow.report_body(flow.approved_plan("T"), count=2)
    report_id = flow.created("reports", body)
    flow.decide("reports", report_id, "return", flow.first_desk, "请补充第 2 位人员的业绩材料")
    again = {**body, "version": 1, "candidates": [t_candidate(1), {**t_candidate(2), "credentials": []}]}
    again["candidates"][0]["id_number"] = _wrong_check_digit(again["candidates"][0]["id_number"])
    status, answer = flow.call_api("PUT", f"/api/reports/{report_id}", again, claims=flow.claims)
    assert status == 422, answer
    assert {f["path"] for f in answer["error"]["fields"]} == {"candidates[0].id_number", "candidates[1]"}

"""Drafts: an enterprise's unvalidated forms, saved as typed, private to it, gone after submission or 90 days."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import SHENZHEN_USCC, enterprise_claims, t_candidate
from tests.functional._workflow import Flow

HALF_TYPED = {"plan_id": "", "candidates": [{"name": "李国强", "id_number": "44010419850"}], "step": 2}


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _save(flow: Flow, body: object = HALF_TYPED, kind: str = "report", **extra: object) -> str:
    status, answer = flow.create("drafts", {"kind": kind, "body": body, "title": "第一期 特级技师", **extra})
    assert status == 201, answer
    return str(answer["id"])


def test_a_half_typed_report_is_saved_without_any_rule_and_read_back_as_typed(flow):
    # Given a report with an incomplete ID number and no plan (which a submission would refuse)
    draft_id = _save(flow)
    # When it is read back
    draft = flow.read("drafts", draft_id)
    # Then it is exactly what was typed, with its kind in Chinese and an expiry 90 days ahead
    assert draft["body"] == HALF_TYPED
    assert (draft["kind"], draft["kind_name"], draft["title"]) == ("report", "评价结果报备", "第一期 特级技师")
    from datetime import date

    assert date.fromisoformat(draft["expires_on"]) - date.fromisoformat(draft["updated_at"][:10]) == timedelta(90)


def test_saving_again_replaces_the_body_and_the_list_shows_newest_first(flow):
    first, second = _save(flow, kind="filing"), _save(flow)
    status, _ = flow.call_api(
        "PUT", f"/api/drafts/{first}", {"kind": "filing", "body": {"step": 3}}, claims=flow.claims
    )
    assert status == 200
    assert flow.read("drafts", first)["body"] == {"step": 3}
    listed = flow.call_api("GET", "/api/drafts", claims=flow.claims)[1]["items"]
    assert [d["id"] for d in listed] == [first, second]
    assert "body" not in listed[0]


def test_another_enterprise_neither_sees_nor_changes_nor_deletes_a_draft(flow):
    draft_id = _save(flow)
    other = enterprise_claims(SHENZHEN_USCC)
    assert flow.call_api("GET", f"/api/drafts/{draft_id}", claims=other)[0] == 404
    assert flow.call_api("PUT", f"/api/drafts/{draft_id}", {"kind": "report", "body": {}}, claims=other)[0] == 404
    assert flow.call_api("GET", "/api/drafts", claims=other)[1]["items"] == []
    flow.call_api("DELETE", f"/api/drafts/{draft_id}", claims=other)
    assert flow.read("drafts", draft_id)["body"] == HALF_TYPED


def test_staff_and_anonymous_callers_have_no_drafts(flow):
    from tests.factories import city_claims

    assert flow.call_api("GET", "/api/drafts", claims=city_claims())[0] == 403
    assert flow.call_api("GET", "/api/drafts")[0] == 401


def test_a_draft_is_deleted_on_request(flow):
    draft_id = _save(flow)
    assert flow.call_api("DELETE", f"/api/drafts/{draft_id}", claims=flow.claims)[0] == 204
    status, answer = flow.call_api("GET", f"/api/drafts/{draft_id}", claims=flow.claims)
    assert status == 404
    assert "草稿" in answer["error"]["message"]


def test_a_draft_untouched_for_90_days_is_gone_before_dynamodb_removes_it(flow, monkeypatch):
    from functions.services import clock

    draft_id = _save(flow)
    later = clock.now() + timedelta(days=90, seconds=1)
    monkeypatch.setattr(clock, "now", lambda: later)
    assert flow.call_api("GET", f"/api/drafts/{draft_id}", claims=flow.claims)[0] == 404
    assert flow.call_api("GET", "/api/drafts", claims=flow.claims)[1]["items"] == []


def test_a_roster_of_2000_fits_and_a_body_beyond_the_limit_is_413(flow):
    roster = {"candidates": [t_candidate(i) for i in range(2000)]}
    draft_id = _save(flow, roster)
    assert len(flow.read("drafts", draft_id)["body"]["candidates"]) == 2000
    import secrets

    noise = secrets.token_hex(400_000)  # incompressible
    status, answer = flow.create("drafts", {"kind": "report", "body": noise})
    assert status == 413, answer
    assert answer["error"]["code"] == "too_large"


def test_an_unknown_kind_is_422(flow):
    status, answer = flow.create("drafts", {"kind": "invoice", "body": {}})
    assert status == 422
    assert answer["error"]["fields"][0]["path"] == "kind"


def test_the_draft_a_report_was_typed_in_is_deleted_when_the_report_is_stored(flow):
    # Given an approved plan and a report typed in a draft
    body = flow.report_body(flow.approved_plan("T"), count=2)
    draft_id = _save(flow, body)
    # When the report is submitted naming its draft
    status, answer = flow.create("reports", {**body, "draft_id": draft_id})
    assert status == 201, answer
    # Then the draft is gone, and the stored record does not carry the draft's id
    assert flow.call_api("GET", f"/api/drafts/{draft_id}", claims=flow.claims)[0] == 404
    assert "draft_id" not in flow.read("reports", answer["id"])["data"]


def test_a_refused_submission_keeps_its_draft(flow):
    body = flow.report_body(flow.approved_plan("T"), count=1)
    draft_id = _save(flow, body)
    status, _ = flow.create("reports", {**body, "plan_id": "PLN-0000000000000000", "draft_id": draft_id})
    assert status == 422
    assert flow.read("drafts", draft_id)["body"] == body

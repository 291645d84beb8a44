"""Certificate figures of `/api/stats` follow the certificates' life cycle: national confirmation moves them
from allocated to issued and a fraud finding to revoked, each in the same write as the certificates, so the
figures always equal a recount of the certificates themselves."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import province_claims
from tests.functional._workflow import Flow
from tests.functional.test_stats import assert_matches_recount


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _guangzhou(stats: dict[str, Any], level: str | None = None) -> dict[str, int]:
    row = next(c for c in stats["by_city"] if c["city"] == "440100")
    return dict((row["by_level"][level] if level else row)["certificates"])


def _confirm(call_api: Any, body: dict[str, Any]) -> dict[str, Any]:
    status, answer = call_api("POST", "/api/certificates/confirmations", body, claims=province_claims())
    assert status == 201, answer
    return dict(answer)


def _finding(call_api: Any, person: dict[str, Any]) -> dict[str, Any]:
    body = {
        "subject_type": "person",
        "subject_id": person["id_number"],
        "subject_name": person["name"],
        "reason": "伪造职业技能等级证书",
        "decided_on": "2024-08-20",
    }
    status, answer = call_api("POST", "/api/debarments", body, claims=province_claims())
    assert status == 201, answer
    return dict(answer)


def test_confirmation_then_a_fraud_finding_move_the_certificate_figures(flow, call_api):
    # Given a T report of three people finally approved: three certificates allocated
    report_id = flow.approved_report("T", count=3)
    assert _guangzhou(assert_matches_recount(call_api)) == {"allocated": 3, "issued": 0, "revoked": 0}
    # When the province records the national confirmation
    assert _confirm(call_api, {"campaign": "2024", "batch": 1})["certificates_issued"] == 3
    # Then the three are issued, nothing allocated, and the figures equal a recount
    stats = assert_matches_recount(call_api)
    assert _guangzhou(stats) == {"allocated": 0, "issued": 3, "revoked": 0}
    assert _guangzhou(stats, "T") == {"allocated": 0, "issued": 3, "revoked": 0}
    # When a fraud finding cancels the second person's result
    people = flow.read("reports", report_id)["data"]["candidates"]
    assert _finding(call_api, people[1])["cancelled"]["certificates"] == 1
    # Then one issued certificate has become revoked
    stats = assert_matches_recount(call_api)
    assert _guangzhou(stats) == {"allocated": 0, "issued": 2, "revoked": 1}
    # And a second finding against the same person changes nothing more
    _finding(call_api, people[1])
    assert _guangzhou(assert_matches_recount(call_api)) == {"allocated": 0, "issued": 2, "revoked": 1}


def test_a_certificate_revoked_before_confirmation_stays_revoked_and_is_not_issued(flow, call_api):
    # Given an S report of two people finally approved, one of them found cheating before the confirmation
    report_id = flow.approved_report("S", count=2)
    people = flow.read("reports", report_id)["data"]["candidates"]
    _finding(call_api, people[0])
    assert _guangzhou(assert_matches_recount(call_api), "S") == {"allocated": 1, "issued": 0, "revoked": 1}
    # When the province records the national confirmation of the report
    answer = _confirm(call_api, {"campaign": "2024", "batch": 1, "report_ids": [report_id]})
    # Then only the other certificate is issued; the figures still equal a recount
    assert answer["certificates_issued"] == 1
    stats = assert_matches_recount(call_api)
    assert _guangzhou(stats, "S") == {"allocated": 0, "issued": 1, "revoked": 1}
    assert _guangzhou(stats, "T") == {"allocated": 0, "issued": 0, "revoked": 0}

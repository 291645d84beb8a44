"""Certificates after final approval: allocated → issued by national confirmation → revoked by a fraud finding;
the public check and the PDFs follow that life cycle."""

from __future__ import annotations

import base64
from io import BytesIO
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from pypdf import PdfReader

from tests.conftest import FakeLambdaContext, http_event
from tests.factories import SHENZHEN_USCC, city_claims, enterprise_claims, province_claims
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _certificates(call_api, report_id: str) -> list[dict[str, Any]]:
    status, answer = call_api("GET", f"/api/reports/{report_id}/certificates", claims=city_claims("440100"))
    assert status == 200, answer
    return list(answer["items"])


def _verify(call_api, number: str, name: str) -> dict[str, Any]:
    status, answer = call_api(
        "GET", "/api/public/certificates/verify", query={"number": number, "name": name}, claims=None
    )
    assert status == 200, answer
    return dict(answer)


def _confirm(call_api, body: dict[str, Any]) -> tuple[int, Any]:
    return call_api("POST", "/api/certificates/confirmations", body, claims=province_claims())


def _pdf(path: str, claims: dict[str, Any]) -> tuple[int, bytes, dict[str, Any]]:
    from functions.api.handler import lambda_handler

    event = http_event("GET", path, claims=claims, headers={"host": "jineng.example.gd.cn"})
    result = lambda_handler(event, FakeLambdaContext())
    body = result.get("body") or ""
    raw = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
    return result["statusCode"], raw, result.get("headers") or {}


def _fraud_finding(call_api, person: dict[str, Any]) -> None:
    """The province records a finding of fraud against a person (§七(四)): their results of 2024 are cancelled."""
    body = {
        "subject_type": "person",
        "subject_id": person["id_number"],
        "subject_name": person["name"],
        "reason": "伪造技能竞赛获奖证书",
        "decided_on": "2024-08-20",
    }
    status, answer = call_api("POST", "/api/debarments", body, claims=province_claims())
    assert status == 201, answer
    assert answer["cancelled"]["certificates"] == 1


def test_life_cycle_allocated_then_issued_then_revoked(flow, call_api):
    # Given a T report finally approved: its certificates are allocated, not yet valid
    report_id = flow.approved_report("T", count=2)
    first, second = _certificates(call_api, report_id)
    assert first["status"] == second["status"] == "allocated"
    pending = _verify(call_api, first["certificate_number"], first["name"])
    assert (pending["found"], pending["status"], pending["issued_on"]) == (True, "pending", None)
    # and nobody can print it yet
    status, _, _ = _pdf(f"/api/certificates/{first['certificate_number']}.pdf", flow.claims)
    assert status == 409
    # When the province records the national confirmation of that report (batch 1)
    status, answer = _confirm(call_api, {"campaign": "2024", "batch": 1, "report_ids": [report_id]})
    assert status == 201, answer
    assert (answer["confirmed"], answer["certificates_issued"], answer["batch_name"]) == ([report_id], 2, "第一批")
    # Then both are issued and the public check answers "valid", with the date of confirmation
    assert [c["status"] for c in _certificates(call_api, report_id)] == ["issued", "issued"]
    valid = _verify(call_api, first["certificate_number"], first["name"])
    assert valid["status"] == "valid"
    assert valid["issued_on"] == answer["confirmed_on"]
    assert (valid["level"], valid["occupation"], valid["campaign"]) == ("特级技师", "车工", "2024")
    assert valid["enterprise"] == "广州精工机械制造有限公司"
    # When a fraud finding revokes the second one
    _fraud_finding(call_api, second)
    # Then it answers "revoked" while the first stays valid, and it can no longer be printed
    assert _verify(call_api, second["certificate_number"], second["name"])["status"] == "revoked"
    assert _verify(call_api, first["certificate_number"], first["name"])["status"] == "valid"
    assert _pdf(f"/api/certificates/{second['certificate_number']}.pdf", flow.claims)[0] == 409
    assert [c["status"] for c in _certificates(call_api, report_id)] == ["issued", "revoked"]


def test_public_check_never_tells_a_wrong_name_from_an_unknown_number_and_never_an_id(flow, call_api):
    report_id = flow.approved_report("T", count=1)
    (cert,) = _certificates(call_api, report_id)
    _confirm(call_api, {"campaign": "2024", "batch": 1})
    unknown = "Y00004400999924T000001"
    wrong_name = _verify(call_api, cert["certificate_number"], "张三")
    assert wrong_name == _verify(call_api, unknown, cert["name"]) == _verify(call_api, "not-a-number", "张三")
    assert wrong_name["found"] is False
    right = _verify(call_api, cert["certificate_number"].lower(), f" {cert['name']} ")
    assert right["found"] is True
    assert cert["id_number"] not in str(right)
    assert cert["id_number"][6:14] not in str(right)


def test_public_check_needs_both_number_and_name(aws, call_api):
    for query in ({"number": "Y00004400000124T000001"}, {"name": "张三"}, {}):
        status, answer = call_api("GET", "/api/public/certificates/verify", query=query)
        assert status == 422, answer


def test_confirming_a_campaign_takes_every_approved_report_not_yet_confirmed_once(flow, call_api):
    # Given two approved reports of 2024
    first = flow.approved_report("T", count=1)
    second = flow.approved_report("T", count=2, first=10)
    # When the province confirms batch 1 with report ids, then the rest of the campaign as batch 2
    assert _confirm(call_api, {"campaign": "2024", "batch": 1, "report_ids": [first]})[0] == 201
    status, answer = _confirm(call_api, {"campaign": "2024", "batch": 2})
    # Then batch 2 took only the second; confirming again finds nothing to do
    assert status == 201, answer
    assert (answer["confirmed"], answer["certificates_issued"]) == ([second], 2)
    assert _confirm(call_api, {"campaign": "2024", "batch": 3})[0] == 409
    again = _confirm(call_api, {"campaign": "2024", "batch": 1, "report_ids": [first]})[1]
    assert (again["confirmed"], again["already_confirmed"]) == ([], [first])
    # and each confirmation is in the report's audit trail
    audit = call_api("GET", "/api/audit", query={"subject": second}, claims=city_claims("440100"))
    events = audit[1]["events"]
    assert any(e["action"] == "national_confirmation" for e in events)


def test_confirmation_refuses_reports_not_finally_approved_and_non_province_callers(flow, call_api):
    plan_id = flow.approved_plan("T")
    waiting = flow.created("reports", flow.report_body(plan_id))
    status, answer = _confirm(call_api, {"campaign": "2024", "batch": 1, "report_ids": [waiting]})
    assert status == 422
    assert answer["error"]["fields"][0]["path"] == "report_ids[0]"
    body = {"campaign": "2024", "batch": 1}
    assert call_api("POST", "/api/certificates/confirmations", body, claims=city_claims())[0] == 403
    assert call_api("POST", "/api/certificates/confirmations", body, claims=flow.claims)[0] == 403
    assert _confirm(call_api, {"campaign": "1999", "batch": 1})[0] == 422


def test_certificate_pdf_for_the_owner_and_staff_with_qr_link_to_the_check(flow, call_api):
    report_id = flow.approved_report("T", count=2)
    first, second = _certificates(call_api, report_id)
    _confirm(call_api, {"campaign": "2024", "batch": 1})
    # The enterprise prints one certificate
    status, pdf, headers = _pdf(f"/api/certificates/{first['certificate_number']}.pdf", flow.claims)
    assert status == 200, pdf
    assert headers["Content-Type"] == "application/pdf"
    page = PdfReader(BytesIO(pdf)).pages[0]
    text = page.extract_text()
    assert first["certificate_number"] in text
    assert first["name"] in text
    assert "职业技能等级证书" in text
    assert first["id_number"] not in text
    link = next(a.get_object()["/A"]["/URI"] for a in page["/Annots"])
    url = urlparse(link)
    assert (url.scheme, url.netloc, url.path) == ("https", "jineng.example.gd.cn", "/verify/")
    assert parse_qs(url.query) == {"number": [first["certificate_number"]], "name": [first["name"]]}
    # the whole report in one file, for staff too; another enterprise gets nothing
    status, pdf, _ = _pdf(f"/api/reports/{report_id}/certificates.pdf", city_claims("440100"))
    assert status == 200, pdf
    assert [second["certificate_number"] in p.extract_text() for p in PdfReader(BytesIO(pdf)).pages] == [False, True]
    assert _pdf(f"/api/certificates/{first['certificate_number']}.pdf", enterprise_claims(SHENZHEN_USCC))[0] == 404
    assert _pdf(f"/api/reports/{report_id}/certificates.pdf", enterprise_claims(SHENZHEN_USCC))[0] == 404

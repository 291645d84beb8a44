"""Already-filed evaluation institutions (已具备资质的企业无需重复申请): a filing states its institution code and
site sequence, certificate numbers use them, and only an enterprise without them gets a new sequence."""

from __future__ import annotations

import pytest

from tests.factories import SHENZHEN_USCC, city_claims
from tests.functional._workflow import Flow, problem


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _approved_filing(flow: Flow, existing: dict[str, str] | None = None) -> str:
    body = flow.filing_body()
    if existing:
        body["existing_institution"] = existing
    filing_id = flow.created("filings", body)
    flow.approve("filings", filing_id, flow.first_desk)
    return filing_id


def _certificate_numbers(flow: Flow, filing_id: str) -> list[str]:
    plan_id = flow.approved_plan("T", filing_id)
    report_id = flow.created("reports", flow.report_body(plan_id, count=2, level="T"))
    flow.approve("reports", report_id, city_claims(flow.city))
    status, answer = flow.call_api("GET", f"/api/reports/{report_id}/certificates", claims=city_claims(flow.city))
    assert status == 200, answer
    return [row["certificate_number"] for row in answer["items"]]


def test_an_existing_institution_keeps_its_code_and_sequence_on_certificates(flow):
    # Given a Guangzhou enterprise already filed as institution 1001 with site sequence 000123
    filing_id = _approved_filing(flow, {"institution_code": "1001", "site_sequence": "000123"})
    # Then the reviewer sees what it stated
    record = flow.read("filings", filing_id, claims=city_claims())
    assert record["existing_institution"] == {"institution_code": "1001", "site_sequence": "000123"}
    # And its certificates carry Y + 1001 + 44 + 000123, serials from 000001
    numbers = _certificate_numbers(flow, filing_id)
    assert [n[:13] for n in numbers] == ["Y100144000123"] * 2
    assert [n[-6:] for n in numbers] == ["000001", "000002"]


def test_an_enterprise_without_one_gets_a_new_sequence_under_code_0000(flow):
    numbers = _certificate_numbers(flow, _approved_filing(flow))
    assert [n[:13] for n in numbers] == ["Y000044000001"] * 2


def test_a_new_sequence_skips_one_an_existing_institution_holds(flow, call_api, upload):
    # Given a Shenzhen enterprise that holds 0000/000001 from an earlier filing with the province
    shenzhen = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    _approved_filing(shenzhen, {"institution_code": "0000", "site_sequence": "000001"})
    # When a Guangzhou enterprise without one is approved
    numbers = _certificate_numbers(flow, _approved_filing(flow))
    # Then it gets 000002, not a number already in use
    assert numbers[0][:13] == "Y000044000002"


def test_two_enterprises_cannot_hold_the_same_code_and_sequence(flow, call_api, upload):
    _approved_filing(flow, {"institution_code": "1001", "site_sequence": "000123"})
    shenzhen = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    body = shenzhen.filing_body()
    body["existing_institution"] = {"institution_code": "1001", "site_sequence": "000123"}
    filing_id = shenzhen.created("filings", body)
    status, answer = shenzhen.decide("filings", filing_id, "approve", city_claims("440300"), "同意")
    assert status == 409, answer
    assert "1001" in answer["error"]["message"]
    assert "广州精工" in answer["error"]["message"]


@pytest.mark.parametrize(
    ("existing", "path", "error_type"),
    [
        ({"institution_code": "10a1", "site_sequence": "000123"}, "institution_code", "institution_code_format"),
        ({"institution_code": "10011", "site_sequence": "000123"}, "institution_code", "institution_code_format"),
        ({"institution_code": "1001", "site_sequence": "123"}, "site_sequence", "site_sequence_format"),
        ({"institution_code": "1001", "site_sequence": "000000"}, "site_sequence", "site_sequence_format"),
        ({"institution_code": "1001"}, "site_sequence", "missing"),
    ],
)
def test_codes_are_checked_for_digits_and_width(flow, existing, path, error_type):
    body = flow.filing_body()
    body["existing_institution"] = existing
    found = problem(*flow.create("filings", body), f"existing_institution.{path}")
    assert found["type"] == error_type

"""No resident ID number in any log line: every line the API's Logger writes during whole flows, failures
included, and every record other libraries log, run through an 18-character ID pattern."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator

import pytest

from functions.observability import SERVICE, logger
from tests.factories import city_claims, make_id, province_claims
from tests.functional._workflow import Flow, debar

# 17 digits and a check character, not inside a longer run of digits, whatever stands around it.
RESIDENT_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
MASKED = re.compile(r"(?<!\d)\d{6}\*{11}[\dXx](?!\d)")


@pytest.fixture
def log_lines(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Iterator[io.StringIO]:
    """What the Logger's own handler writes (stdout in Lambda), at DEBUG, for the length of a test."""
    buffer = io.StringIO()
    monkeypatch.setattr(logger.registered_handler, "stream", buffer)
    level = logger.log_level
    logger.setLevel(logging.DEBUG)
    caplog.set_level(logging.INFO)
    try:
        yield buffer
    finally:
        logger.setLevel(level)


def _assert_no_resident_id(lines: str, caplog: pytest.LogCaptureFixture) -> None:
    leaked = RESIDENT_ID.findall(lines)
    assert not leaked, f"resident ID numbers in the log: {leaked}"
    # Records of other libraries (botocore, moto, Powertools' utilities) reach the runtime's root handler as they
    # are; the service's own records are emitted only by its handler (Powertools filters them out of the root's).
    for record in caplog.records:
        if record.name.startswith(SERVICE):
            continue
        text = record.getMessage() + (record.exc_text or "")
        assert not RESIDENT_ID.search(text), (record.name, text[:300])


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def test_whole_t_and_s_flows_log_no_id_number(flow, call_api, log_lines, caplog):
    # Given a T report returned, resubmitted and approved, and an S report through city and province
    filing_id = flow.approved_filing()
    t_plan = flow.approved_plan("T", filing_id)
    body = flow.report_body(t_plan, count=3)
    report_id = flow.created("reports", body)
    flow.decide(
        "reports", report_id, "return", city_claims(), f"第 2 位人员 {body['candidates'][1]['id_number']} 材料不全"
    )
    call_api("PUT", f"/api/reports/{report_id}", {**body, "version": 1}, claims=flow.claims)
    flow.approve("reports", report_id, city_claims(), version=2)
    s_plan = flow.approved_plan("S", filing_id)
    s_report = flow.created("reports", flow.report_body(s_plan, count=2, level="S", first=40))
    flow.approve("reports", s_report, city_claims())
    flow.approve("reports", s_report, province_claims())
    # And refusals that name ID numbers: a wrong check digit, a duplicate, a debarred person
    bad = flow.report_body(t_plan, count=3, first=60)
    bad["candidates"][0]["id_number"] = bad["candidates"][0]["id_number"][:-1] + "0"
    bad["candidates"][2]["id_number"] = bad["candidates"][1]["id_number"]
    assert flow.create("reports", bad)[0] == 422
    debarred = flow.report_body(t_plan, count=1, first=80)
    debar(call_api, "person", debarred["candidates"][0]["id_number"])
    assert flow.create("reports", debarred)[0] == 422
    # And the certificates and exports that carry ID numbers are read
    call_api("GET", f"/api/reports/{report_id}/certificates", claims=city_claims())
    call_api("GET", "/api/exports/certificates", claims=province_claims(), query={"format": "csv"})
    # Then the ID numbers did pass through the system (the record holds them)...
    assert flow.read("reports", report_id)["data"]["candidates"][0]["id_number"] == body["candidates"][0]["id_number"]
    # ...and the log has lines, none with an ID number
    lines = log_lines.getvalue()
    _assert_no_resident_id(lines, caplog)


def test_a_crash_that_carries_id_numbers_logs_them_masked(flow, monkeypatch, log_lines, caplog):
    # Given the store fails with a message holding an ID number (on its own line, as tracebacks have them)
    from functions.dal.records import RecordStore

    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id, count=2)
    id_number = body["candidates"][0]["id_number"]

    def fail(self, head, stored, log, desks, *extra):
        candidate = json.loads(stored)["candidates"][1]  # the body arrives as the form's JSON text
        raise RuntimeError(f"could not store candidate\n{id_number}\tid{id_number} {candidate}")

    monkeypatch.setattr(RecordStore, "create", fail)
    # When the report is submitted
    status, answer = flow.create("reports", body)
    # Then the client gets the 500 shape without detail, and the log has the traceback with the IDs masked
    assert status == 500
    assert id_number not in str(answer)
    # And the answer carries a request id the user can quote, which the log line names
    request_id = answer["error"]["request_id"]
    assert request_id
    assert request_id in lines_of(log_lines, "unexpected error")
    lines = log_lines.getvalue()
    assert "unexpected error" in lines
    assert "could not store candidate" in lines
    assert len(MASKED.findall(lines)) >= 3
    _assert_no_resident_id(lines, caplog)


def lines_of(log_lines: io.StringIO, message: str) -> str:
    return "\n".join(line for line in log_lines.getvalue().splitlines() if message in line)


def test_a_store_failure_answers_503_with_a_request_id_and_logs_its_cause(flow, monkeypatch, log_lines, caplog):
    # Given DynamoDB refusing writes with an AWS error that names an ID number
    from botocore.exceptions import ClientError

    from functions.dal.records import RecordStore

    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id, count=1)
    id_number = body["candidates"][0]["id_number"]

    def refuse(self, **request):
        error = {"Error": {"Code": "ItemCollectionSizeLimitExceededException", "Message": f"item {id_number}"}}
        raise ClientError(error, "TransactWriteItems")

    monkeypatch.setattr(type(RecordStore().ddb), "transact_write_items", refuse)
    # When the report is submitted
    status, answer = flow.create("reports", body)
    # Then the client gets a 503 with a request id to quote
    assert status == 503
    request_id = answer["error"]["request_id"]
    assert request_id
    # And the log line for it names the request, the status and the AWS error behind it, the ID masked
    line = lines_of(log_lines, "request failed")
    assert request_id in line
    assert "ItemCollectionSizeLimitExceededException" in line
    assert '"status":503' in line
    _assert_no_resident_id(log_lines.getvalue(), caplog)


@pytest.mark.parametrize(
    "text",
    [
        "plain {id}",
        "after a newline\n{id}",
        "after a tab\t{id}",
        "身份证号码{id}错误",
        "id{id}",
        "{{'id_number': '{id}'}}",
        "{id}x",
    ],
)
def test_the_logger_masks_an_id_number_wherever_it_stands(log_lines, caplog, text):
    # Given a message and an extra field with an ID number in it
    id_number = make_id("440104", "19831105", "031")
    logger.info(text.format(id=id_number), extra={"detail": text.format(id=id_number)})
    # Then the line has it masked, twice
    lines = log_lines.getvalue()
    assert len(MASKED.findall(lines)) == 2, lines
    _assert_no_resident_id(lines, caplog)

"""The handler's lean path (issue 13): log lines still carry the invocation's keys, though they are only worked
out when a line is written; validation still reads every part a route declares."""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterator

import pytest

from bench.samples import ELIGIBILITY_REQUESTS
from functions.observability import logger
from tests.conftest import FakeLambdaContext, http_event


@pytest.fixture
def log_lines(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    monkeypatch.setattr(logger.registered_handler, "stream", buffer)
    level = logger.log_level
    logger.setLevel(logging.INFO)
    try:
        yield buffer
    finally:
        logger.setLevel(level)


def test_a_line_written_during_a_call_carries_the_invocation_keys(log_lines, monkeypatch) -> None:
    from functions.api.handler import lambda_handler
    from functions.api.routes import public

    # Given a self-check whose engine fails unexpectedly (the 500 is logged)
    def broken(request: object) -> object:
        raise RuntimeError("engine down")

    monkeypatch.setattr(public, "evaluate", broken)
    event = http_event("POST", "/api/eligibility/check", ELIGIBILITY_REQUESTS[0])
    # When it is called through the handler
    answer = lambda_handler(event, FakeLambdaContext())
    # Then the logged line names the Lambda request, the API request and the function, as Powertools' did
    assert answer["statusCode"] == 500
    line = json.loads(log_lines.getvalue().strip().splitlines()[-1])
    assert line["function_request_id"] == FakeLambdaContext.aws_request_id
    assert line["correlation_id"] == event["requestContext"]["requestId"]
    assert line["function_name"] == FakeLambdaContext.function_name
    assert isinstance(line["cold_start"], bool)


def test_a_line_written_between_calls_carries_no_stale_keys(log_lines, call_api) -> None:
    # Given a call served
    assert call_api("POST", "/api/eligibility/check", ELIGIBILITY_REQUESTS[0])[0] == 200
    # When a line is written outside any invocation
    logger.info("between calls")
    # Then it names no request
    line = json.loads(log_lines.getvalue().strip().splitlines()[-1])
    assert line["message"] == "between calls"
    assert "function_request_id" not in line
    assert "correlation_id" not in line


def test_a_route_with_query_parameters_still_has_them_validated(call_api) -> None:
    status, answer = call_api("GET", "/api/reference/occupations", query={"q": "车工", "limit": "0"})
    assert status == 422, answer
    assert any(f["path"] == "limit" for f in answer["error"]["fields"]), answer
    status, answer = call_api("GET", "/api/reference/occupations", query={"q": "车工", "limit": "3"})
    assert status == 200, answer
    assert 1 <= len(answer) <= 3, answer


def test_a_body_only_route_ignores_headers_and_query_it_does_not_declare(call_api) -> None:
    status, verdict = call_api(
        "POST",
        "/api/eligibility/check",
        ELIGIBILITY_REQUESTS[0],
        query={"limit": "not-a-number"},
        headers={"cookie": "a=b", "x-extra": "1"},
    )
    assert status == 200, verdict
    assert verdict["eligible"] is True
    status, answer = call_api("POST", "/api/eligibility/check", {**ELIGIBILITY_REQUESTS[0], "level": "X"})
    assert status == 422, answer
    assert any(f["path"] == "level" for f in answer["error"]["fields"]), answer


def test_a_job_or_mail_call_leaves_no_keys_behind(log_lines) -> None:
    from aws_lambda_powertools.utilities.batch.exceptions import UnexpectedBatchTypeError

    from functions.jobs.handler import lambda_handler as export_job
    from functions.notify.handler import lambda_handler as notify

    class JobContext(FakeLambdaContext):
        aws_request_id = "local-export"

    # Given the export and mail functions served a batch (locally they share the API's process and logger)
    for handler in (export_job, notify):
        with contextlib.suppress(UnexpectedBatchTypeError):  # an empty batch: only the call's wrapping matters
            handler({"Records": []}, JobContext())
    # When a line is written afterwards
    logger.info("after the jobs")
    # Then it names no invocation of theirs
    line = json.loads(log_lines.getvalue().strip().splitlines()[-1])
    assert line["message"] == "after the jobs"
    assert "function_request_id" not in line

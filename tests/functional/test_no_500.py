"""Nothing a client can send yields a 500 (API.md): hostile bodies, paths, query strings, headers and
methods against every route the OpenAPI document lists, hand-picked and hypothesis-generated. Every refusal
is in API.md's error shape with a Chinese message."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import FakeLambdaContext, http_event
from tests.factories import (
    admin_claims,
    city_claims,
    enterprise_claims,
    filing_body,
    province_claims,
    report_body,
    t_candidate,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
CLAIMS = {
    "enterprise": enterprise_claims(),
    "city": city_claims(),
    "province": province_claims(),
    "admin": admin_claims(),
    "anonymous": None,
}


def _routes() -> list[tuple[str, str, bool, tuple[str, ...]]]:
    """(method, path template, takes a body, query parameters) for every route of the OpenAPI document."""
    from functions.api.handler import lambda_handler

    answer = lambda_handler(http_event("GET", "/api/openapi.json"), FakeLambdaContext())
    document = json.loads(answer["body"])
    return [
        (
            method.upper(),
            path,
            "requestBody" in operation,
            tuple(p["name"] for p in operation.get("parameters", []) if p["in"] == "query"),
        )
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    ]


ROUTES = _routes()
WRITES = [(m, p) for m, p, body, _ in ROUTES if body]
READS = [(m, p, query) for m, p, body, query in ROUTES if not body]
STAFF_PATHS = ("/decision", "/api/debarments", "/lift")


def send(event: dict[str, Any]) -> tuple[int, Any]:
    from functions.api.handler import lambda_handler

    result = lambda_handler(event, FakeLambdaContext())
    status = result["statusCode"]
    raw = result.get("body") or ""
    assert status < 500, (event["rawPath"], event.get("body", "")[:200] if event.get("body") else None, raw[:500])
    if status >= 400:
        error = json.loads(raw)["error"]
        assert set(error) - {"request_id"} == {"code", "message", "fields"}, raw
        assert CJK.search(error["message"]), raw
        for field in error["fields"]:
            assert set(field) == {"path", "message", "type"}, raw
            assert CJK.search(field["message"]), raw
    return status, raw


def call(method: str, path: str, body: Any = None, **kwargs: Any) -> tuple[int, Any]:
    return send(http_event(method, path, body, **kwargs))


def fill(template: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: value, template)


@pytest.fixture(scope="module")
def record_ids() -> Iterator[dict[str, str]]:
    """moto for the module, with a real filing and plan (approved) and report (awaiting Guangzhou)."""
    from tests.functional._workflow import Flow, direct_call, direct_upload, moto_world

    with moto_world("no500"):
        flow = Flow(direct_call, direct_upload)
        filing = flow.approved_filing()
        plan = flow.approved_plan("T", filing)
        report = flow.created("reports", flow.report_body(plan))
        yield {"filing": filing, "plan": plan, "report": report}


# ---- hand-listed hostile bodies -------------------------------------------------------------------------

HOSTILE_BODIES: list[str] = [
    "",
    " ",
    "null",
    "true",
    "0",
    "-1e999",
    '"字符串"',
    "[]",
    "[{}]",
    "{}",
    "{",
    "{'single': 'quotes'}",
    '{"a":1,}',
    "\x00\x01\x02",
    "\ufeff{}",
    "NaN",
    '{"version": NaN, "decision": "approve"}',
    '{"version": Infinity}',
    '{"version": 1e400, "decision": "approve"}',
    '{"version": ' + "9" * 5000 + "}",
    '{"version": 99999999999999999999999999999, "decision": "approve", "comment": ""}',
    "[" * 50_000 + "]" * 50_000,
    '{"a":' * 10_000 + "1" + "}" * 10_000,
    json.dumps({"enterprise": [], "contact": "x", "levels": {"T": 1}, "occupations": None}),
    json.dumps({"plan_id": 1, "public_notice": [], "candidates": "all", "materials": {}}),
    json.dumps({"plan_id": "x", "candidates": [{"id_number": 440104198503030025}]}),
    json.dumps({"plan_id": "x", "candidates": [None, 1, "a", [], {}]}),
    json.dumps({"filing_id": "x" * 100_000}),
    json.dumps({"decision": "approve", "version": "1"}),
    json.dumps({"decision": "APPROVE", "version": 1}),
    json.dumps({"decision": "return", "comment": None, "version": 1}),
    json.dumps({"decision": "reject", "comment": "\u0000" * 10, "version": 1}),
    json.dumps({"decision": "approve", "version": -1}),
    json.dumps({"decision": "approve", "version": True}),
    json.dumps(
        {
            "purpose": "material",
            "filename": "../../etc/passwd",
            "content_type": "application/pdf",
            "size": 1,
            "sha256": "0" * 64,
        }
    ),
    json.dumps(
        {
            "purpose": "material",
            "filename": "\u202e fdp.exe",
            "content_type": "APPLICATION/PDF",
            "size": 1.5,
            "sha256": "A" * 64,
        }
    ),
    json.dumps({"subject_type": "person", "subject_id": "4401041985030300", "reason": "x", "decided_on": "2024-02-30"}),
    json.dumps({"subject_type": "robot", "subject_id": None, "reason": [], "decided_on": 20240101}),
    json.dumps({"key": "../" * 50}),
    json.dumps({"level": "T", "as_of": "0001-01-01", "credentials": [{"kind": "skill_certificate"}]}),
    json.dumps(
        {
            "level": "S",
            "as_of": "9999-12-31",
            "credentials": [
                {
                    "kind": "skill_certificate",
                    "grade": "chief",
                    "relation": "corresponding",
                    "obtained_on": "9999-12-31",
                }
            ],
            "work_periods": [{"start": "0001-01-01", "end": "9999-12-31", "relation": "related"}],
            "honours": [{"category": "national_sci_tech_award", "level": "national", "granted_on": "0001-01-01"}],
        }
    ),
    json.dumps({"version": 1, **filing_body(), "enterprise": {**filing_body()["enterprise"], "name": "🏭" * 5000}}),
    json.dumps({**report_body("x", "k", [t_candidate(1)]), "public_notice": {"start": "2024-13-01", "end": "x"}}),
    json.dumps({**report_body("x", "k", [t_candidate(1)] * 3)}),
    json.dumps(
        {**report_body("x", "k", [{**t_candidate(1), "work_periods": [{"start": "2024-01-01", "end": "2000-01-01"}]}])}
    ),
]


@pytest.mark.parametrize(("method", "template"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_hostile_bodies_never_get_a_500(record_ids, method, template):
    # Given a route that takes a body, at a real record when its path needs one
    path = fill(template, record_ids["report"] if "reports" in template else record_ids["filing"])
    role = "admin" if any(part in template for part in STAFF_PATHS) else "enterprise"
    for body in HOSTILE_BODIES:
        # When any of the hostile bodies is sent by the role the route serves, Then never a 500 (see `send`)
        status, _ = call(method, path, body, claims=CLAIMS[role])
        # And none of them is taken as a valid create
        assert status not in (200, 201) or template in ("/api/eligibility/check", "/api/uploads"), (status, body[:99])


def test_bodies_that_are_not_utf8_or_not_base64_never_get_a_500(record_ids):
    for method, template in WRITES:
        path = fill(template, "FIL-0")
        for raw in (b"\xff\xfe\x00{", b'{"a": "\xc3\x28"}', b"\x89PNG\r\n\x1a\n"):
            event = http_event(method, path, claims=CLAIMS["enterprise"], headers={"content-type": "image/png"})
            event["body"] = base64.b64encode(raw).decode()
            event["isBase64Encoded"] = True
            assert send(event)[0] == 400
        event = http_event(method, path, claims=CLAIMS["enterprise"])
        event["body"] = "%%% not base64 %%%"
        event["isBase64Encoded"] = True
        assert send(event)[0] == 400


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "*/*"]
)
def test_any_content_type_is_read_as_json_or_refused_cleanly(record_ids, content_type):
    for method, template in WRITES:
        for body in ("a=1&b=2", "--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--", "{}"):
            call(
                method,
                fill(template, "FIL-0"),
                body,
                claims=CLAIMS["enterprise"],
                headers={"content-type": content_type},
            )


@pytest.mark.parametrize("filename", ["../../etc/passwd", "a/b/c.pdf", "\u202e fdp.exe", "..", "/", "名单 (1).xlsx"])
def test_hostile_filenames_stay_inside_the_enterprises_own_prefix(record_ids, filename):
    from tests.factories import FACTORY_USCC, upload_request

    body = {**upload_request("material"), "filename": filename}
    status, raw = call("POST", "/api/uploads", body, claims=CLAIMS["enterprise"])
    assert status == 201
    purpose, owner, token, name = json.loads(raw)["key"].split("/")
    assert (purpose, owner, len(token)) == ("material", FACTORY_USCC, 32)
    assert name not in ("", ".", "..")


# ---- hostile paths, query strings, headers, methods -------------------------------------------------------

HOSTILE_SEGMENTS = [
    "x" * 65,
    "x" * 5000,
    "%00",
    "..",
    "REC#FIL-1",
    "FIL-0000000000000000",
    "一二三",
    "🙂",
    "'; DROP TABLE gdskills; --",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "%2e%2e%2f",
    " ",
    "null",
    "-1",
    "1e400",
]
HOSTILE_VALUES = [
    "",
    " ",
    "0",
    "-1",
    "101",
    "1.5",
    "1e400",
    "99999999999999999999999999",
    "9" * 5000,
    "true",
    "[]",
    "{}",
    "null",
    "\u0000",
    "🙂" * 50,
    "x" * 3000,
    "T,S",
    "2024-02-30",
    "eyJhIjogMX0=",  # base64 of {"a": 1}: a forged `next` cursor
    base64.urlsafe_b64encode(b'{"pk": {"N": "1"}, "sk": {"S": "x"}}').decode(),
    base64.urlsafe_b64encode(b'{"pk": {"S": "OWNER#x#filing"}, "sk": {"S": "HEAD"}}').decode(),
    base64.urlsafe_b64encode(b"[1, 2]").decode(),
    "%%%",
]


@pytest.mark.parametrize(("method", "template", "names"), READS, ids=[f"{m} {p}" for m, p, _ in READS])
def test_hostile_paths_and_query_strings_never_get_a_500(record_ids, method, template, names):
    # Given a route that reads, at a real record when its path needs one
    real = fill(template, record_ids["report"] if "report" in template else record_ids["filing"])
    for role in ("enterprise", "province"):
        claims = CLAIMS[role]
        # When its path holds a hostile segment, Then never a 500
        if "{" in template:
            for segment in HOSTILE_SEGMENTS:
                call(method, fill(template, segment), claims=claims)
        # When its query parameters (and some it does not have) hold hostile values, Then never a 500
        for value in HOSTILE_VALUES:
            call(method, real, claims=claims, query=dict.fromkeys((*names, "next", "version"), value))
            for name in names:
                call(method, real, claims=claims, query={name: value})
    call(method, real)  # and anonymously


def _another_route_takes(method: str, path: str) -> bool:
    """`PUT /api/campaigns/current` is `PUT /api/campaigns/{year}` with a bad year (a 422), not a wrong method."""
    return any(m == method and re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", p), path) for m, p, _, _ in ROUTES)


def test_wrong_methods_are_404_in_the_error_shape(record_ids):
    defined = {(m, p) for m, p, _, _ in ROUTES}
    for _, template, _, _ in ROUTES:
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "BREW"):
            if (method, template) in defined or _another_route_takes(method, template):
                continue
            status, _ = call(method, fill(template, "FIL-0"), "{}", claims=CLAIMS["admin"])
            assert status in (404, 405, 204) if method == "OPTIONS" else status in (404, 405)


def test_hostile_headers_never_get_a_500(record_ids):
    body = filing_body()
    for key in ("", " ", "x" * 201, "x" * 10_000, "🙂", "\u0000", "a\r\nb"):
        call("POST", "/api/filings", body, claims=CLAIMS["enterprise"], headers={"idempotency-key": key})
    for claims in (
        {"sub": "x", "cognito:groups": "[enterprise]", "custom:uscc": "not-a-uscc"},
        {"sub": "x", "cognito:groups": "[city_reviewer]", "custom:city": "999999"},
        {"sub": "x", "cognito:groups": "[admin enterprise]", "custom:uscc": "x"},
        {"sub": "", "cognito:groups": "[]"},
        {"cognito:groups": ["province_reviewer"]},
    ):
        for method, template, _, _ in ROUTES:
            call(method, fill(template, "FIL-0"), "{}" if method in ("POST", "PUT") else None, claims=claims)


# ---- hypothesis: whatever JSON arrives -------------------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["T", "S", "2024-06-15", "6-18-01-01", "440100", "91440101MA59CDX462", "approve", "return"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=20,
)
FIELD_NAMES = [
    "enterprise",
    "contact",
    "levels",
    "occupations",
    "filing_id",
    "campaign",
    "phase",
    "level",
    "planned_count",
    "review_date",
    "method",
    "plan_document",
    "plan_id",
    "public_notice",
    "candidates",
    "materials",
    "version",
    "decision",
    "comment",
    "purpose",
    "filename",
    "content_type",
    "size",
    "sha256",
    "key",
    "subject_type",
    "subject_id",
    "reason",
    "decided_on",
    "as_of",
    "credentials",
    "work_periods",
    "honours",
]
shaped_bodies = st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=8)


@settings(max_examples=150, deadline=None)
@given(route=st.sampled_from(WRITES), body=shaped_bodies | json_values, role=st.sampled_from(list(CLAIMS)))
def test_generated_json_bodies_never_get_a_500(record_ids, route, body, role):
    method, template = route
    call(method, fill(template, record_ids["filing"]), json.dumps(body), claims=CLAIMS[role])


@settings(max_examples=100, deadline=None)
@given(
    route=st.sampled_from(READS),
    segment=st.text(min_size=1, max_size=80).filter(lambda s: "/" not in s and "?" not in s),
    query=st.dictionaries(st.sampled_from(["next", "limit", "version", "kind", "level", "subject", "q"]), st.text()),
)
def test_generated_paths_and_queries_never_get_a_500(record_ids, route, segment, query):
    method, template, _ = route
    call(method, fill(template, segment), claims=CLAIMS["province"], query=query)


@pytest.mark.parametrize(
    ("start", "end", "error_type"),
    [
        ("2024-05-08", "2024-04-29", "date_range_order"),
        ("1970-01-01", "1970-01-05", "calendar_year_unsupported"),
        ("2024-01-01", "2030-01-01", "date_range_too_long"),
    ],
)
def test_workdays_the_calendar_cannot_count_are_422_not_500(record_ids, start, end, error_type):
    status, raw = call("GET", "/api/reference/workdays", query={"start": start, "end": end})
    assert status == 422
    assert [(f["path"], f["type"]) for f in json.loads(raw)["error"]["fields"]] == [("end", error_type)]


def test_a_cursor_from_another_listing_is_400(record_ids):
    # Given a well-formed cursor of someone else's listing (another partition of the same index)
    forged = {
        "pk": {"S": "REC#FIL-1"},
        "sk": {"S": "HEAD"},
        "gsi1pk": {"S": "OWNER#91440300MA5FQ2LK3X#filing"},
        "gsi1sk": {"S": "2024-01-01#FIL-1"},
    }
    cursor = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode()
    # When it is passed as `next`, Then it is refused as an invalid cursor
    status, raw = call("GET", "/api/filings", query={"next": cursor}, claims=CLAIMS["enterprise"])
    assert status == 400
    assert "next" in json.loads(raw)["error"]["message"]

"""Who may call what: every workflow route × every role and tenant, allowed or refused as API.md says
(401 no login · 403 role not allowed · 404 unknown, or not yours to see).

One world is built once for the module (moto kept open): Guangzhou enterprise A with an approved filing,
approved T and S plans, a T report awaiting Guangzhou and an S report past Guangzhou awaiting the province;
Shenzhen enterprise B with its own approved filing. Routes that change state act on a fresh record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.factories import (
    FACTORY_USCC,
    SHENZHEN_USCC,
    admin_claims,
    city_claims,
    enterprise_claims,
    province_claims,
    upload_request,
)
from tests.functional._workflow import REPORT_DAY, Flow, direct_call, direct_upload, moto_world, set_today

ACTORS: dict[str, dict[str, Any] | None] = {
    "enterprise_a": enterprise_claims(FACTORY_USCC),
    "enterprise_b": enterprise_claims(SHENZHEN_USCC),
    "city_440100": city_claims("440100"),
    "city_440300": city_claims("440300"),
    "province": province_claims(),
    "admin": admin_claims(),
    "anonymous": None,
}


_call = direct_call
_upload = direct_upload


@pytest.fixture(scope="module")
def world() -> Iterator[dict[str, Any]]:
    with moto_world("matrix"):
        a = Flow(_call, _upload)
        b = Flow(_call, _upload, uscc=SHENZHEN_USCC, city="440300")
        filing_a = a.approved_filing()
        t_plan = a.approved_plan("T", filing_a)
        s_plan = a.approved_plan("S", filing_a)
        t_report = a.created("reports", a.report_body(t_plan))
        s_report = a.created("reports", a.report_body(s_plan, level="S", first=50))
        a.approve("reports", s_report, city_claims("440100"))
        yield {
            "a": a,
            "b": b,
            "filing_a": filing_a,
            "filing_b": b.approved_filing(),
            "t_plan": t_plan,
            "t_report": t_report,
            "s_report": s_report,
        }


# ---- reads: who may see A's records -----------------------------------------------------------------------

READS = {
    # record: {actor: status}
    "filing_a": {
        "enterprise_a": 200,
        "enterprise_b": 404,
        "city_440100": 200,
        "city_440300": 404,
        "province": 200,  # routed to its city only, but the province reads every record (oversight)
        "admin": 200,
        "anonymous": 401,
    },
    "t_report": {
        "enterprise_a": 200,
        "enterprise_b": 404,
        "city_440100": 200,
        "city_440300": 404,
        "province": 200,
        "admin": 200,
        "anonymous": 401,
    },
    "s_report": {
        "enterprise_a": 200,
        "enterprise_b": 404,
        "city_440100": 200,
        "city_440300": 404,
        "province": 200,
        "admin": 200,
        "anonymous": 401,
    },
}
KIND_OF = {"filing_a": "filings", "t_report": "reports", "s_report": "reports"}


@pytest.mark.parametrize(
    ("record", "actor", "expected"),
    [(record, actor, status) for record, row in READS.items() for actor, status in row.items()],
)
def test_reading_a_record(world, record, actor, expected):
    # Given one of A's records, When `actor` reads it (and its audit trail)
    path = f"/api/{KIND_OF[record]}/{world[record]}"
    status, answer = _call("GET", path, claims=ACTORS[actor])
    # Then the answer is `expected`, refusals in API.md's error shape
    assert status == expected, answer
    if expected != 200:
        assert answer["error"]["code"] == {401: "unauthorized", 404: "not_found"}[expected]
    # And the audit trail follows the same rule for staff; enterprises never read it
    status, _ = _call("GET", "/api/audit", claims=ACTORS[actor], query={"subject": world[record]})
    staff = actor in ("city_440100", "city_440300", "province", "admin")
    assert status == (expected if staff else {401: 401}.get(expected, 403))


@pytest.mark.parametrize("actor", list(ACTORS))
def test_reading_an_older_version_follows_the_same_rule(world, actor):
    status, _ = _call("GET", f"/api/filings/{world['filing_a']}", claims=ACTORS[actor], query={"version": "1"})
    assert status == READS["filing_a"][actor]


@pytest.mark.parametrize("kind", ["filings", "plans", "reports"])
@pytest.mark.parametrize("actor", list(ACTORS))
def test_lists_hold_only_what_the_caller_may_see(world, actor, kind):
    # When `actor` lists a kind
    status, answer = _call("GET", f"/api/{kind}", claims=ACTORS[actor], query={"limit": "100"})
    if actor == "anonymous":
        assert status == 401
        return
    # Then every record listed is one the caller may read on its own
    assert status == 200
    for item in answer["items"]:
        assert _call("GET", f"/api/{kind}/{item['id']}", claims=ACTORS[actor])[0] == 200
    ids = {i["id"] for i in answer["items"]}
    mine = {
        "filings": {"filing_a"},
        "plans": set(),
        "reports": {"t_report", "s_report"},
    }[kind]
    for record in mine:
        assert (world[record] in ids) == (READS[record][actor] == 200), record


# ---- writes by role --------------------------------------------------------------------------------------

ENTERPRISE_ONLY = {
    "enterprise_a": "ok",
    "enterprise_b": "ok",
    "city_440100": 403,
    "city_440300": 403,
    "province": 403,
    "admin": 403,
    "anonymous": 401,
}


@pytest.mark.parametrize(("actor", "expected"), list(ENTERPRISE_ONLY.items()))
def test_only_enterprises_create_filings_and_uploads(world, actor, expected):
    claims = ACTORS[actor]
    flow = world["b"] if actor == "enterprise_b" else world["a"]
    status, answer = _call("POST", "/api/filings", flow.filing_body(), claims=claims)
    assert status == (201 if expected == "ok" else expected), answer
    status, answer = _call("POST", "/api/uploads", upload_request("material"), claims=claims)
    assert status == (201 if expected == "ok" else expected), answer


@pytest.mark.parametrize(
    ("actor", "expected"),
    [("enterprise_a", 201), ("enterprise_b", 422), *((a, s) for a, s in ENTERPRISE_ONLY.items() if s != "ok")],
)
def test_only_the_owner_builds_a_plan_on_its_filing(world, actor, expected):
    # Given A's approved filing, When `actor` submits a plan on it (with its own uploaded document)
    claims = ACTORS[actor]
    key = _upload("plan_document", claims=claims) if actor.startswith("enterprise") else "plan_document/x"
    body = {**world["a"].plan_body(world["filing_a"]), "plan_document": key}
    status, answer = _call("POST", "/api/plans", body, claims=claims)
    # Then only A succeeds; B is told the filing does not exist (422 filing_id), staff 403, anonymous 401
    assert status == expected, answer
    if expected == 422:
        assert [f["path"] for f in answer["error"]["fields"]] == ["filing_id"]


@pytest.mark.parametrize(
    ("actor", "expected"),
    [("enterprise_a", 201), ("enterprise_b", 422), *((a, s) for a, s in ENTERPRISE_ONLY.items() if s != "ok")],
)
def test_only_the_owner_reports_on_its_plan(world, actor, expected):
    set_today(REPORT_DAY)
    claims = ACTORS[actor]
    flow = world["a"]
    body = flow.report_body(world["t_plan"], first=200 + len(actor))
    if actor.startswith("enterprise"):
        body["materials"][0]["key"] = _upload("material", claims=claims)
    status, answer = _call("POST", "/api/reports", body, claims=claims)
    assert status == expected, answer
    if expected == 422:
        assert [f["path"] for f in answer["error"]["fields"]] == ["plan_id"]


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("enterprise_a", 409),  # the owner gets past access; the filing is not returned
        ("enterprise_b", 404),
        ("city_440100", 403),
        ("city_440300", 403),
        ("province", 403),
        ("admin", 403),
        ("anonymous", 401),
    ],
)
def test_only_the_owner_resubmits(world, actor, expected):
    body = {**world["a"].filing_body(), "version": 1}
    status, answer = _call("PUT", f"/api/filings/{world['filing_a']}", body, claims=ACTORS[actor])
    assert status == expected, answer


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("enterprise_a", 403),
        ("enterprise_b", 403),
        ("city_440100", 200),
        ("city_440300", 404),
        ("province", 403),  # it reads the filing (oversight) but does not decide it
        ("admin", 403),
        ("anonymous", 401),
    ],
)
def test_only_the_routed_desk_decides_a_guangzhou_filing(world, actor, expected):
    # Given a fresh filing of A awaiting Guangzhou
    filing_id = world["a"].created("filings", world["a"].filing_body())
    # When `actor` returns it
    body = {"decision": "return", "comment": "请补充材料", "version": 1}
    status, answer = _call("POST", f"/api/filings/{filing_id}/decision", body, claims=ACTORS[actor])
    # Then only Guangzhou's reviewer may; the record is unchanged otherwise
    assert status == expected, answer
    after = world["a"].read("filings", filing_id)["status"]
    assert after == ("returned" if expected == 200 else "submitted")


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("enterprise_a", 403),
        ("city_440100", 409),  # Guangzhou sees it but its stage is over
        ("city_440300", 404),
        ("province", 200),
        ("admin", 200),
        ("anonymous", 401),
    ],
)
def test_only_the_province_decides_an_s_report_after_the_city(world, actor, expected):
    # Given a fresh S report past Guangzhou's initial review
    a = world["a"]
    s_plan = a.read("reports", world["s_report"])["plan_id"]
    report_id = a.created("reports", a.report_body(s_plan, level="S", first=300 + len(actor)))
    a.approve("reports", report_id, city_claims("440100"))
    # When `actor` returns it
    body = {"decision": "return", "comment": "荣誉证书复印件不清晰", "version": 1}
    status, answer = _call("POST", f"/api/reports/{report_id}/decision", body, claims=ACTORS[actor])
    assert status == expected, answer


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("enterprise_a", 403),
        ("enterprise_b", 403),
        ("city_440100", 200),
        ("city_440300", 200),
        ("province", 200),
        ("admin", 200),
        ("anonymous", 401),
    ],
)
def test_only_staff_have_a_queue(world, actor, expected):
    status, answer = _call("GET", "/api/review/queue", claims=ACTORS[actor], query={"kind": "reports"})
    assert status == expected, answer
    if status == 200:
        for item in answer["items"]:
            # every queued record is one the caller may read
            assert _call("GET", f"/api/reports/{item['id']}", claims=ACTORS[actor])[0] == 200


def test_queues_hold_each_desks_own_work(world):
    # Given A's T report awaits Guangzhou and its S report awaits the province
    def queued(actor: str) -> set[str]:
        return {i["id"] for i in _call("GET", "/api/review/queue", claims=ACTORS[actor])[1]["items"]}

    # Then each desk sees its own, and Shenzhen neither
    assert world["t_report"] in queued("city_440100")
    assert world["s_report"] not in queued("city_440100")
    assert world["s_report"] in queued("province")
    assert world["s_report"] in queued("admin")
    assert world["t_report"] not in queued("province")
    assert not {world["t_report"], world["s_report"]} & queued("city_440300")


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "x", "cognito:groups": "[visitor]"},
        {"sub": "x", "cognito:groups": "[enterprise]"},  # an enterprise without its USCC
        {"sub": "x", "cognito:groups": "[city_reviewer]"},  # a city reviewer without a city
        {"sub": "x"},
    ],
)
def test_incomplete_claims_count_as_not_signed_in(world, claims):
    status, answer = _call("GET", "/api/filings", claims=claims)
    assert status == 401
    assert answer["error"]["code"] == "unauthorized"

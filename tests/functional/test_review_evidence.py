"""What reviewers decide on: a record's files (who may list them, and the link serves the very bytes uploaded),
the comment a return or rejection needs, refusals decided before validation, and the province's read-only
oversight of records that are not on its desk.

One world for the module: Guangzhou enterprise A with an approved T plan (its work plan document) and a T report
awaiting Guangzhou whose materials are a PDF and a PNG with Chinese names; Shenzhen enterprise B.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from tests.factories import (
    FACTORY_USCC,
    SHENZHEN_USCC,
    admin_claims,
    city_claims,
    enterprise_claims,
    province_claims,
    tiny_pdf,
)
from tests.functional._workflow import Flow, direct_call, direct_upload, moto_world, problem

# A 1×1 PNG: signature, IHDR, IDAT, IEND.
PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e5273de40000000049454e44ae426082"
)
ACTORS: dict[str, dict[str, Any] | None] = {
    "enterprise_a": enterprise_claims(FACTORY_USCC),
    "enterprise_b": enterprise_claims(SHENZHEN_USCC),
    "city_440100": city_claims("440100"),
    "city_440300": city_claims("440300"),
    "province": province_claims(),
    "admin": admin_claims(),
    "anonymous": None,
}
# Who may list the files of A's T report (routed to Guangzhou only): the owner, Guangzhou, and the province's
# oversight (read-only); another enterprise or city is told it does not exist.
FILES_ACCESS = {
    "enterprise_a": 200,
    "enterprise_b": 404,
    "city_440100": 200,
    "city_440300": 404,
    "province": 200,
    "admin": 200,
    "anonymous": 401,
}


@pytest.fixture(scope="module")
def world() -> Iterator[dict[str, Any]]:
    with moto_world("evidence"):
        a = Flow(direct_call, direct_upload)
        plan_id = a.approved_plan("T")
        notice_pdf = tiny_pdf("gongshi 2024")
        photo = PNG_BYTES
        body = a.report_body(plan_id)
        notice_key = direct_upload(
            "material", notice_pdf, claims=a.claims, filename="公示情况说明.pdf", content_type="application/pdf"
        )
        photo_key = direct_upload("material", photo, claims=a.claims, filename="评审现场.png", content_type="image/png")
        body["materials"] = [{"type": "public_notice", "key": notice_key}, {"type": "review_record", "key": photo_key}]
        report_id = a.created("reports", body)
        keys = [notice_key, photo_key]
        yield {"a": a, "plan": plan_id, "report": report_id, "bytes": [notice_pdf, photo], "keys": keys}


def _get(url: str) -> Any:
    import requests  # moto answers presigned URLs made with its mock

    return requests.get(url, timeout=10)


@pytest.mark.parametrize(("actor", "expected"), list(FILES_ACCESS.items()))
def test_files_of_a_report_are_listed_for_whoever_may_read_it(world, actor, expected):
    # When `actor` lists the report's files
    status, answer = direct_call("GET", f"/api/reports/{world['report']}/files", claims=ACTORS[actor])
    # Then the answer follows the record's read rule
    assert status == expected, answer
    if expected != 200:
        return
    files = answer["files"]
    assert [f["type"] for f in files] == ["public_notice", "review_record"]
    assert [f["type_name"] for f in files] == ["公示材料", "评审过程记录"]
    assert [f["filename"] for f in files] == ["公示情况说明.pdf", "评审现场.png"]
    assert [f["size"] for f in files] == [len(b) for b in world["bytes"]]
    assert [f["sha256"] for f in files] == [hashlib.sha256(b).hexdigest() for b in world["bytes"]]
    assert all(f["uploaded_at"] for f in files)
    # And no storage key is in the answer except inside the signed URL's path
    text = str({k: v for f in files for k, v in f.items() if k != "url"})
    assert not any(key in text for key in world["keys"])


def test_the_link_opens_the_exact_bytes_inline_under_the_chinese_name(world):
    status, answer = direct_call("GET", f"/api/reports/{world['report']}/files", claims=city_claims("440100"))
    assert status == 200
    for entry, data in zip(answer["files"], world["bytes"], strict=True):
        query = parse_qs(urlsplit(entry["url"]).query)
        assert 0 < int(query["X-Amz-Expires"][0]) <= 600  # a few minutes
        response = _get(entry["url"])
        assert response.status_code == 200
        assert response.content == data
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("inline;")
        assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == entry["filename"]
        assert response.headers["Content-Type"] == entry["content_type"]


def test_a_plan_lists_its_work_plan_document_and_a_filing_has_none(world):
    a = world["a"]
    status, answer = direct_call("GET", f"/api/plans/{world['plan']}/files", claims=a.claims)
    assert status == 200, answer
    [document] = answer["files"]
    assert (document["type"], document["type_name"]) == ("plan_document", "评价工作方案")
    assert _get(document["url"]).content.startswith(b"%PDF")
    filing_id = a.read("plans", world["plan"])["filing_id"]
    status, answer = direct_call("GET", f"/api/filings/{filing_id}/files", claims=a.claims)
    assert (status, answer["files"]) == (200, [])


def test_each_listing_is_in_the_audit_trail_but_not_in_the_decision_history(world):
    # Given the province lists the files
    direct_call("GET", f"/api/reports/{world['report']}/files", claims=province_claims())
    # Then the audit trail names who listed them
    status, trail = direct_call("GET", "/api/audit", claims=province_claims(), query={"subject": world["report"]})
    assert status == 200
    listings = [e for e in trail["events"] if e["action"] == "files"]
    assert any(e["role"] == "province_reviewer" and e["detail"] == {"count": 2} for e in listings)
    # And the record's history shows only the workflow
    history = world["a"].read("reports", world["report"])["history"]
    assert {h["action"] for h in history} == {"submit"}


# ---- decisions: the comment rule, refusals before validation ---------------------------------------------


@pytest.mark.parametrize("decision", ["return", "reject"])
@pytest.mark.parametrize("comment", [None, "", "   \n\t "])
def test_return_and_reject_need_a_comment(world, decision, comment):
    body: dict[str, Any] = {"decision": decision, "version": 1}
    if comment is not None:
        body["comment"] = comment
    status, answer = direct_call("POST", f"/api/reports/{world['report']}/decision", body, claims=city_claims())
    found = problem(status, answer, "comment")
    assert found["type"] == "comment_required"
    assert world["a"].read("reports", world["report"])["status"] == "submitted"


def test_approve_needs_no_comment(world):
    a = world["a"]
    report_id = a.created("reports", a.report_body(world["plan"], first=40))
    status, answer = direct_call(
        "POST", f"/api/reports/{report_id}/decision", {"decision": "approve", "version": 1}, claims=city_claims()
    )
    assert status == 200, answer


@pytest.mark.parametrize(("actor", "expected"), [("anonymous", 401), ("enterprise_a", 403), ("city_440100", 422)])
@pytest.mark.parametrize("body", [{}, {"decision": "return"}, {"decision": "maybe", "version": 0}, "not json"])
def test_who_may_decide_is_settled_before_what_was_sent(world, actor, expected, body):
    # When a caller sends a decision that is no decision at all
    status, answer = direct_call("POST", f"/api/reports/{world['report']}/decision", body, claims=ACTORS[actor])
    # Then one without a reviewer's role hears who they are (401/403); only a reviewer hears about the body
    if expected == 422 and body == "not json":
        expected = 400
    assert status == expected, answer


@pytest.mark.parametrize(("actor", "expected"), [("anonymous", 401), ("city_440100", 403), ("enterprise_a", 403)])
def test_admin_routes_refuse_before_reading_the_body(world, actor, expected):
    # Lifting a debarment is for the province and administrators (cities record findings, they do not lift)
    status, _ = direct_call("POST", "/api/debarments/DBR-1/lift", {"reason": 7}, claims=ACTORS[actor])
    assert status == expected


@pytest.mark.parametrize(("actor", "expected"), [("anonymous", 401), ("enterprise_a", 403), ("city_440100", 422)])
def test_findings_refuse_non_staff_before_reading_the_body(world, actor, expected):
    status, _ = direct_call("POST", "/api/debarments", {"subject_type": "nobody"}, claims=ACTORS[actor])
    assert status == expected


@pytest.mark.parametrize(("actor", "expected"), [("anonymous", 401), ("enterprise_a", 403), ("city_440100", 422)])
def test_staff_queries_refuse_before_reading_the_query(world, actor, expected):
    status, _ = direct_call("GET", "/api/review/queue", claims=ACTORS[actor], query={"kind": "everything"})
    assert status == expected


# ---- the province's oversight ----------------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["province", "admin"])
def test_the_province_reads_a_city_record_read_only(world, actor):
    # When the province reads A's T report (routed to Guangzhou only)
    record = world["a"].read("reports", world["report"], claims=ACTORS[actor])
    # Then it is marked as not on its desk
    assert (record["can_decide"], record["routed_to_me"]) == (False, False)
    # And it reads the plan the report rests on
    assert world["a"].read("plans", world["plan"], claims=ACTORS[actor])["review_date"] == "2024-06-15"
    # And it may not decide it, whatever the comment
    body = {"decision": "approve", "comment": "同意", "version": 1}
    status, answer = direct_call("POST", f"/api/reports/{world['report']}/decision", body, claims=ACTORS[actor])
    assert status == 403, answer
    assert world["a"].read("reports", world["report"])["status"] == "submitted"


def test_the_routed_desk_is_told_it_may_decide(world):
    record = world["a"].read("reports", world["report"], claims=city_claims("440100"))
    assert (record["can_decide"], record["routed_to_me"]) == (True, True)
    assert "can_decide" not in world["a"].read("reports", world["report"])  # not an enterprise's concern


def test_the_provinces_list_holds_every_record_of_the_province(world):
    status, answer = direct_call("GET", "/api/reports", claims=province_claims(), query={"limit": "100"})
    assert status == 200
    assert world["report"] in {i["id"] for i in answer["items"]}

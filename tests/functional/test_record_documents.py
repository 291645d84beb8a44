"""Receipts of every submitted version, the work plan draft (DOCX) and the staff notice (DOCX/PDF)."""

from __future__ import annotations

import base64
import gzip
import hashlib
from io import BytesIO
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader

from tests.conftest import FakeLambdaContext, http_event
from tests.factories import SHENZHEN_USCC, city_claims, enterprise_claims
from tests.functional._workflow import Flow


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def _file(path: str, claims: dict[str, Any], query: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, Any]]:
    from functions.api.handler import lambda_handler

    result = lambda_handler(http_event("GET", path, query=query, claims=claims), FakeLambdaContext())
    body = result.get("body") or ""
    raw = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
    return result["statusCode"], raw, result.get("headers") or {}


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages).replace("\n", "")


def _stored_digest(record_id: str, version: int) -> str:
    from functions.api.deps import stores

    item = stores().records.get(f"REC#{record_id}", f"V#{version:06d}")
    raw = item["body"]
    return hashlib.sha256(gzip.decompress(bytes(getattr(raw, "value", raw)))).hexdigest()


def test_every_version_of_a_record_has_a_receipt_with_the_digest_of_its_stored_body(flow, call_api):
    # Given a report returned once and resubmitted
    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id, count=3)
    report_id = flow.created("reports", body)
    flow.decide("reports", report_id, "return", city_claims(), "请补充公示材料")
    status, _ = call_api("PUT", f"/api/reports/{report_id}", {**body, "version": 1}, claims=flow.claims)
    assert status == 200
    # When the enterprise downloads the receipt of each version
    for version in (1, 2):
        status, pdf, headers = _file(f"/api/reports/{report_id}/receipt.pdf", flow.claims, {"version": str(version)})
        # Then it names the record, the version, the enterprise, what was submitted and the stored body's digest
        assert status == 200
        assert headers["Content-Type"] == "application/pdf"
        text = _text(pdf)
        for expected in ("受理回执", report_id, f"第 {version} 版", "广州精工机械制造有限公司", "3 人", "车工",
                         _stored_digest(report_id, version)):  # fmt: skip
            assert expected in text
        assert all(c["id_number"] not in text for c in body["candidates"])
    # the latest by default; the reviewer may read it; another enterprise may not; no version 3
    assert "第 2 版" in _text(_file(f"/api/reports/{report_id}/receipt.pdf", city_claims())[1])
    assert _file(f"/api/reports/{report_id}/receipt.pdf", enterprise_claims(SHENZHEN_USCC))[0] == 404
    assert _file(f"/api/reports/{report_id}/receipt.pdf", flow.claims, {"version": "3"})[0] == 404


def test_filing_and_plan_receipts_list_levels_occupations_and_file_names(flow):
    filing_id = flow.approved_filing()
    text = _text(_file(f"/api/filings/{filing_id}/receipt.pdf", flow.claims)[1])
    assert "备案" in text
    assert "车工" in text
    assert "铣工" in text
    plan_id = flow.created("plans", flow.plan_body(filing_id))
    text = _text(_file(f"/api/plans/{plan_id}/receipt.pdf", flow.claims)[1])
    assert "评价计划" in text
    assert "计划评价人数" in text


def test_work_plan_draft_of_an_approved_plan_holds_every_required_part(flow):
    plan_id = flow.approved_plan("S")
    status, docx, headers = _file(f"/api/plans/{plan_id}/work-plan.docx", flow.claims)
    assert status == 200
    assert headers["Content-Type"].endswith("wordprocessingml.document")
    doc = Document(BytesIO(docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    for part in ("评审职业（工种）", "评审条件", "评审方式", "组织形式", "时间安排", "岗位聘用"):
        assert part in text
    assert "首席技师" in text
    assert "南粤技术能手" in text
    assert "理论知识考试" in text
    assert "2024-06-15" in text


def test_work_plan_needs_an_approved_plan(flow):
    filing_id = flow.approved_filing()
    plan_id = flow.created("plans", flow.plan_body(filing_id))
    assert _file(f"/api/plans/{plan_id}/work-plan.docx", flow.claims)[0] == 409


def test_staff_notice_from_a_report_draft_lists_people_without_id_numbers(flow, call_api):
    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id, count=2)
    status, draft = call_api("POST", "/api/drafts", {"kind": "report", "body": body}, claims=flow.claims)
    assert status == 201, draft
    query = {"start": "2024-04-29", "contact": "人力资源部 陈晓燕 020-82345678"}
    # The window runs to the day the notice has lasted 5 working days (May Day holidays skipped)
    status, docx, _ = _file(f"/api/drafts/{draft['id']}/staff-notice.docx", flow.claims, query)
    assert status == 200
    doc = Document(BytesIO(docx))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2024年4月29日至2024年5月8日（5 个工作日）" in text
    names = [row.cells[1].text for row in doc.tables[0].rows[1:]]
    assert names == [c["name"] for c in body["candidates"]]
    status, pdf, _ = _file(f"/api/drafts/{draft['id']}/staff-notice.pdf", flow.claims, query)
    assert status == 200
    pdf_text = _text(pdf)
    assert all(c["name"] in pdf_text and c["id_number"] not in pdf_text for c in body["candidates"])
    # A window shorter than 5 working days is refused, naming the field
    short = {**query, "end": "2024-05-06"}
    status, answer, _ = _file(f"/api/drafts/{draft['id']}/staff-notice.pdf", flow.claims, short)
    assert status == 422
    assert b"public_notice_too_short" in answer

"""Uploads: the presigned POST a declaration answers, and the check of what actually arrived when a record
cites it (size, SHA-256, the type read from the bytes), down to a real multipart POST to moto's server."""

from __future__ import annotations

import base64
import io
import json
import os
import struct
import zlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.factories import (
    PDF_BYTES,
    SHENZHEN_USCC,
    city_claims,
    enterprise_claims,
    filing_body,
    plan_body,
    upload_request,
)
from tests.functional._workflow import Flow, problem


def _png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\0\0"))
        + chunk(b"IEND", b"")
    )


def _jpeg() -> bytes:
    """The start of a JFIF JPEG (SOI + APP0), which is what the type is read from."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"


def _xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["姓名", "职业"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def flow(aws, call_api, upload):
    return Flow(call_api, upload)


def test_a_declaration_answers_a_presigned_post_bounded_by_size_type_and_checksum(flow, call_api):
    # Given a 47-byte PDF declared with its SHA-256
    declared = upload_request("plan_document")
    status, answer = call_api("POST", "/api/uploads", declared, claims=flow.claims)
    # Then the answer is a presigned POST for a key under the enterprise's USCC
    assert status == 201, answer
    assert set(answer) == {"key", "url", "fields", "expires_at"}
    purpose, owner, token, filename = answer["key"].split("/")
    assert (purpose, owner, filename) == ("plan_document", flow.uscc, "评聘工作方案.pdf")
    assert len(token) == 32
    fields = answer["fields"]
    checksum = base64.b64encode(bytes.fromhex(declared["sha256"])).decode()
    assert fields["key"] == answer["key"]
    assert fields["Content-Type"] == "application/pdf"
    assert fields["x-amz-checksum-sha256"] == checksum
    # And its policy allows exactly that size, type and checksum
    policy = json.loads(base64.b64decode(fields["policy"]))
    conditions = policy["conditions"]
    assert ["content-length-range", declared["size"], declared["size"]] in conditions
    assert {"Content-Type": "application/pdf"} in conditions
    assert {"x-amz-checksum-sha256": checksum} in conditions
    assert {"key": answer["key"]} in conditions
    # And it expires when the answer says (15 minutes on)
    expires = datetime.fromisoformat(answer["expires_at"])
    assert abs(datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00")) - expires) < timedelta(seconds=5)
    assert timedelta(minutes=14) < expires - datetime.now(UTC) <= timedelta(minutes=15)


@pytest.mark.parametrize(
    ("field", "value", "error_type"),
    [
        ("content_type", "text/plain", "upload_type"),
        ("content_type", "application/msword", "upload_type"),
        ("size", 20 * 1024 * 1024 + 1, "upload_too_large"),
        ("size", 0, "greater_than_equal"),
        ("sha256", "abc", "upload_checksum_format"),
        ("sha256", "g" * 64, "upload_checksum_format"),
        ("purpose", "avatar", "literal_error"),
    ],
)
def test_a_declaration_outside_the_limits_is_refused(flow, call_api, field, value, error_type):
    body = {**upload_request("material"), field: value}
    found = problem(*call_api("POST", "/api/uploads", body, claims=flow.claims), field)
    assert found["type"] == error_type


def test_exactly_20_mb_may_be_declared(flow, call_api):
    body = {**upload_request("material"), "size": 20 * 1024 * 1024}
    assert call_api("POST", "/api/uploads", body, claims=flow.claims)[0] == 201


@pytest.mark.parametrize(
    ("stored", "error_type"),
    [
        (PDF_BYTES + b"% trailing\n\n", "upload_size_mismatch"),  # 12 bytes more than declared
        (PDF_BYTES.replace(b"1.7", b"1.4"), "upload_checksum_mismatch"),  # same size, other bytes
    ],
    ids=["size", "checksum"],
)
def test_a_plan_document_that_arrived_otherwise_than_declared_is_refused(flow, upload, stored, error_type):
    # Given a PDF declared by its size and SHA-256, but other bytes stored under its key
    filing_id = flow.approved_filing()
    expected = upload_request("plan_document")
    key = upload("plan_document", data=stored, claims=flow.claims, size=expected["size"], sha256=expected["sha256"])
    # When a plan cites it, Then the plan document is named with the kind of mismatch
    body = {**flow.plan_body(filing_id), "plan_document": key}
    assert problem(*flow.create("plans", body), "plan_document")["type"] == error_type


def test_png_bytes_declared_as_pdf_are_refused(flow, upload):
    # Given a real PNG declared (size and checksum true) as a PDF
    filing_id = flow.approved_filing()
    key = upload("plan_document", data=_png(), claims=flow.claims, content_type="application/pdf")
    # Then the type read from its first bytes gives it away
    found = problem(*flow.create("plans", {**flow.plan_body(filing_id), "plan_document": key}), "plan_document")
    assert found["type"] == "upload_type_mismatch"
    assert "PDF" in found["message"]


@pytest.mark.parametrize(
    ("data", "content_type"),
    [(_png(), "image/png"), (_jpeg(), "image/jpeg"), (_xlsx(), XLSX), (PDF_BYTES, "application/pdf")],
    ids=["png", "jpeg", "xlsx", "pdf"],
)
def test_each_allowed_type_is_accepted_as_a_material(flow, upload, data, content_type):
    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id)
    key = upload("material", data=data, claims=flow.claims, content_type=content_type, filename="评审记录")
    body["materials"].append({"type": "review_record", "key": key})
    status, answer = flow.create("reports", body)
    assert status == 201, answer


def test_each_bad_material_is_named_by_index(flow, upload):
    # Given a report citing a good material, a truncated one and a JPEG declared as a PDF
    plan_id = flow.approved_plan("T")
    body = flow.report_body(plan_id)
    whole = upload_request("material")
    truncated = upload("material", data=PDF_BYTES[:20], claims=flow.claims, size=whole["size"], sha256=whole["sha256"])
    disguised = upload("material", data=_jpeg(), claims=flow.claims, content_type="application/pdf")
    body["materials"] += [{"type": "review_record", "key": truncated}, {"type": "photo", "key": disguised}]
    status, answer = flow.create("reports", body)
    # Then the 2nd and 3rd are named, each with its own error type
    assert problem(status, answer, "materials[1].key")["type"] == "upload_size_mismatch"
    assert problem(status, answer, "materials[2].key")["type"] == "upload_type_mismatch"
    assert not [f for f in answer["error"]["fields"] if f["path"] == "materials[0].key"]


def test_another_enterprises_upload_cannot_be_cited(aws, call_api, upload, flow):
    # Given Shenzhen's enterprise uploaded a (perfectly good) material
    other = upload("material", claims=enterprise_claims(SHENZHEN_USCC))
    # When Guangzhou's report cites Shenzhen's key
    body = flow.report_body(flow.approved_plan("T"))
    body["materials"][0]["key"] = other
    # Then it is as if the key did not exist
    assert problem(*flow.create("reports", body), "materials[0].key")["type"] == "upload_unknown"


def test_a_verified_upload_fails_later_if_it_was_cited_by_the_wrong_owner(aws, call_api, upload, flow):
    # Given Guangzhou's own plan document, verified once by a plan that cites it
    filing_id = flow.approved_filing()
    body = flow.plan_body(filing_id)
    assert flow.create("plans", body)[0] == 201
    # When Shenzhen cites that same key for its own plan
    shenzhen = Flow(call_api, upload, uscc=SHENZHEN_USCC, city="440300")
    their_filing = shenzhen.approved_filing()
    stolen = {**shenzhen.plan_body(their_filing), "plan_document": body["plan_document"]}
    # Then it is refused as unknown: verification does not make a key anyone's
    assert problem(*shenzhen.create("plans", stolen), "plan_document")["type"] == "upload_unknown"


# ---- a real multipart POST to the presigned URL, against moto's server --------------------------------------


@pytest.fixture
def moto_server(monkeypatch) -> Any:
    """moto's server on a free local port; every AWS client of the code talks to it over HTTP."""
    from moto.server import ThreadedMotoServer

    from functions.api import deps
    from functions.dal.local import create_local_resources
    from infra.local_server import free_port

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for key, value in {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "TABLE_NAME": "gdskills-server",
        "IDEMPOTENCY_TABLE_NAME": "gdskills-server-idempotency",
        "MATERIALS_BUCKET": "gdskills-server-materials",
        "EXPORTS_BUCKET": "gdskills-server-exports",
    }.items():
        monkeypatch.setenv(key, value)
    deps.reset()
    try:
        create_local_resources()
        yield server
    finally:
        import requests

        requests.post(f"http://127.0.0.1:{port}/moto-api/reset", timeout=10)  # its backends are process-wide
        deps.reset()
        server.stop()
        os.environ.pop("NOTIFY_QUEUE_URL", None)


def _post_to_s3(answer: dict[str, Any], data: bytes, filename: str) -> int:
    import requests

    files = {"file": (filename, data, answer["fields"]["Content-Type"])}
    return requests.post(answer["url"], data=answer["fields"], files=files, timeout=10).status_code


def test_the_presigned_post_carries_the_file_to_s3_and_the_plan_accepts_it(moto_server, call_api):
    # Given an enterprise with an approved filing, talking to moto over HTTP
    def post_upload(purpose: str, data: bytes = PDF_BYTES, claims: dict[str, Any] | None = None) -> str:
        status, answer = call_api("POST", "/api/uploads", upload_request(purpose, data), claims=claims)
        assert status == 201, answer
        # When the browser POSTs the file as multipart form data to the presigned URL
        assert answer["url"].startswith(os.environ["AWS_ENDPOINT_URL"])
        assert _post_to_s3(answer, data, "评聘工作方案.pdf") in (200, 201, 204)
        return str(answer["key"])

    flow = Flow(call_api, post_upload)
    filing_id = flow.approved_filing()
    key = post_upload("plan_document", claims=flow.claims)
    # Then the object is in the materials bucket, byte for byte
    from functions.dal.aws import client, settings

    stored = client("s3").get_object(Bucket=settings().materials_bucket, Key=key)["Body"].read()
    assert stored == PDF_BYTES
    # And a plan citing it is accepted (size, SHA-256 and type all match)
    status, answer = flow.create("plans", {**flow.plan_body(filing_id), "plan_document": key})
    assert status == 201, answer


def test_a_different_file_posted_to_the_presigned_url_is_refused_when_cited(moto_server, call_api):
    # Given an approved filing, and a PDF declared for its plan
    claims = enterprise_claims()
    status, filing = call_api("POST", "/api/filings", filing_body(), claims=claims)
    decision = {"decision": "approve", "version": 1}
    assert call_api("POST", f"/api/filings/{filing['id']}/decision", decision, claims=city_claims())[0] == 200
    status, answer = call_api("POST", "/api/uploads", upload_request("plan_document"), claims=claims)
    assert status == 201
    # When a PNG of another size is POSTed to the presigned URL instead
    # (S3 refuses it for the policy's size range; moto does not enforce policies and stores it)
    posted = _post_to_s3(answer, _png(), "方案.pdf")
    status, refused = call_api("POST", "/api/plans", plan_body(filing["id"], answer["key"]), claims=claims)
    # Then the plan does not take it, whatever the store did with the POST
    expected = "upload_size_mismatch" if posted in (200, 201, 204) else "upload_missing"
    assert problem(status, refused, "plan_document")["type"] == expected

"""Documents of a record: receipts (受理回执), the work plan draft (DOCX), the staff notice (DOCX/PDF).

File routes carry no return annotation: a file, not JSON for the resolver to validate.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from functions.api.deps import allowed, caller, stores

router = Router()
RecordId = Annotated[str, Path(max_length=64, description="记录编号")]
Version = Annotated[int | None, Query(ge=1, description="版本号，默认最新版本")]


def file_response(body: bytes, filename: str, content_type: str) -> Response[Any]:
    from functions.exports import content_disposition

    ascii_name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in filename)
    return Response(
        status_code=200,
        content_type=content_type,
        body=body,
        headers={
            "Content-Disposition": content_disposition(filename, ascii_name),
            "Cache-Control": "private, no-store",
        },
    )


def _receipt(kind: str, record_id: str, version: int | None) -> Response[Any]:
    from functions.documents import PDF, receipt_pdf
    from functions.services.documents import receipt_data

    data = receipt_data(stores(), kind, record_id, caller(router), version)
    return file_response(receipt_pdf(data), f"受理回执-{record_id}-v{data.version}.pdf", PDF)


@router.get("/api/filings/<record_id>/receipt.pdf", tags=["enterprise"], summary="备案受理回执 PDF")
@allowed()
def filing_receipt(record_id: RecordId, version: Version = None):  # type: ignore[no-untyped-def]
    return _receipt("filing", record_id, version)


@router.get("/api/plans/<record_id>/receipt.pdf", tags=["enterprise"], summary="评价计划受理回执 PDF")
@allowed()
def plan_receipt(record_id: RecordId, version: Version = None):  # type: ignore[no-untyped-def]
    return _receipt("plan", record_id, version)


@router.get("/api/reports/<record_id>/receipt.pdf", tags=["enterprise"], summary="评价结果受理回执 PDF")
@allowed()
def report_receipt(record_id: RecordId, version: Version = None):  # type: ignore[no-untyped-def]
    return _receipt("report", record_id, version)


@router.get("/api/plans/<record_id>/work-plan.docx", tags=["enterprise"], summary="评聘工作方案（草稿，DOCX）")
@allowed()
def work_plan(record_id: RecordId):  # type: ignore[no-untyped-def]
    from functions.documents import DOCX, work_plan_docx
    from functions.services.documents import work_plan_data

    data = work_plan_data(stores(), record_id, caller(router))
    return file_response(work_plan_docx(data), f"评聘工作方案-{data.campaign}-{data.level}.docx", DOCX)


NoticeStart = Annotated[date, Query(description="公示开始日期")]
NoticeEnd = Annotated[date | None, Query(description="公示结束日期；省略时取满 5 个工作日的那一天")]
Contact = Annotated[str, Query(min_length=2, max_length=100, description="异议受理部门及联系方式")]


def _staff_notice(draft_id: str, start: date, end: date | None, contact: str, fmt: str) -> Response[Any]:
    from pydantic import ValidationError

    from functions.api.deps import draft_store
    from functions.documents import DOCX, PDF, staff_notice_docx, staff_notice_pdf
    from functions.errors import FieldProblem, ValidationFailed
    from functions.services import drafts
    from functions.services.documents import staff_notice_data
    from schemas.publication import StaffNoticeRequest

    principal = caller(router, "enterprise")
    draft = drafts.read(draft_store(), principal, draft_id)
    try:
        window = StaffNoticeRequest(start=start, end=end, contact=contact)
    except ValidationError as exc:
        error = exc.errors()[0]
        raise ValidationFailed([FieldProblem("end", str(error["msg"]), str(error["type"]))]) from exc
    assert window.end is not None
    profile = stores().records.get(f"ENT#{principal.uscc}", "PROFILE") or {}
    body = draft["body"] if isinstance(draft["body"], dict) else {}
    data = staff_notice_data(body, str(profile.get("name") or "本单位"), window.start, window.end, window.contact)
    name = f"公示-{data.enterprise}-{data.start.isoformat()}"
    if fmt == "pdf":
        return file_response(staff_notice_pdf(data), f"{name}.pdf", PDF)
    return file_response(staff_notice_docx(data), f"{name}.docx", DOCX)


@router.get("/api/drafts/<draft_id>/staff-notice.docx", tags=["enterprise"], summary="单位内公示（DOCX）")
@allowed("enterprise")
def staff_notice_word(  # type: ignore[no-untyped-def]
    draft_id: RecordId, start: NoticeStart, contact: Contact, end: NoticeEnd = None
):
    return _staff_notice(draft_id, start, end, contact, "docx")


@router.get("/api/drafts/<draft_id>/staff-notice.pdf", tags=["enterprise"], summary="单位内公示（PDF）")
@allowed("enterprise")
def staff_notice_print(  # type: ignore[no-untyped-def]
    draft_id: RecordId, start: NoticeStart, contact: Contact, end: NoticeEnd = None
):
    return _staff_notice(draft_id, start, end, contact, "pdf")

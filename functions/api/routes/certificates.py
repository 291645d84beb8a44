"""Certificates after final approval: national confirmation, PDFs, the public check (API.md, "Added")."""

from __future__ import annotations

import os
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from functions.api.deps import allowed, caller, json_response, stores
from functions.auth import Role
from schemas.publication import ConfirmationRequest, VerificationAnswer

router = Router()
PROVINCE: tuple[Role, ...] = ("province_reviewer", "admin")


def site_base() -> str:
    """The site's address for links printed on documents: `SITE_URL` when deployed, else where the call came."""
    configured = os.environ.get("SITE_URL", "").strip()
    if configured:
        return configured.rstrip("/")
    headers = router.current_event.headers
    host = headers.get("x-forwarded-host") or headers.get("host") or "localhost:8000"
    local = host.startswith(("localhost", "127.", "[::1]"))
    scheme = headers.get("x-forwarded-proto") or ("http" if local else "https")
    return f"{scheme}://{host}"


def pdf_response(body: bytes, filename: str) -> Response[Any]:
    from functions.exports import content_disposition

    ascii_name = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in filename)
    return Response(
        status_code=200,
        content_type="application/pdf",
        body=body,
        headers={
            "Content-Disposition": content_disposition(filename, ascii_name),
            "Cache-Control": "private, no-store",
        },
    )


@router.post("/api/certificates/confirmations", tags=["province"], summary="登记证书数据经全国系统确认（证书生效）")
@allowed(*PROVINCE)
def confirm_certificates(form: ConfirmationRequest) -> Response[Any]:
    from functions.services.issuance import confirm

    return json_response(confirm(stores(), caller(router, *PROVINCE), form), 201)


@router.get("/api/certificates/<number>.pdf", tags=["enterprise"], summary="证书 PDF（已经全国确认的证书）")
@allowed()
# PDF routes carry no return annotation: a file, not JSON for the resolver to validate.
def certificate_pdf(number: Annotated[str, Path(max_length=30, description="证书编号（22 位）")]):  # type: ignore[no-untyped-def]
    from functions.documents import certificates_pdf
    from functions.services.documents import certificate_data
    from functions.services.issuance import printable

    item, header = printable(stores(), caller(router), number)
    body = certificates_pdf([certificate_data(item, header, site_base())])
    return pdf_response(body, f"证书-{item['certificate_number']}.pdf")


@router.get("/api/reports/<report_id>/certificates.pdf", tags=["enterprise"], summary="一份评价结果的全部证书 PDF")
@allowed()
def report_certificates_pdf(report_id: Annotated[str, Path(max_length=64, description="评价结果编号")]):  # type: ignore[no-untyped-def]
    from functions.documents import certificates_pdf
    from functions.services.documents import certificate_data
    from functions.services.issuance import report_printable

    site = site_base()
    rows = report_printable(stores(), caller(router), report_id)
    body = certificates_pdf(certificate_data(item, header, site) for item, header in rows)
    return pdf_response(body, f"证书-{report_id}.pdf")


@router.get("/api/public/certificates/verify", tags=["public"], summary="证书查验（编号 + 姓名）")
def verify_certificate(
    number: Annotated[str, Query(min_length=1, max_length=30, description="证书编号（22 位）")],
    name: Annotated[str, Query(min_length=1, max_length=50, description="持证人姓名")],
) -> Response[VerificationAnswer]:
    from functions.services.issuance import verify

    answer = verify(stores().records, number, name)
    return json_response(answer.model_dump(mode="json"), headers={"Cache-Control": "no-store"})

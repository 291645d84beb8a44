"""What a reviewer decides on: a record's files (opened in the browser) and a report's candidates in full."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path

from functions.api.deps import allowed, caller, json_response, stores

router = Router()
RecordId = Annotated[str, Path(max_length=64, description="记录编号")]
FILES_DESCRIPTION = (
    "每个文件的类型、原文件名、大小、SHA-256 与上传时间，以及几分钟内有效的预签名链接（在浏览器中直接打开）。"
    "每次查询都记入审计记录。"
)


def _files(kind: str, record_id: str) -> Response[Any]:
    from functions.services.files import record_files

    return json_response(record_files(stores(), kind, record_id, caller(router)))


@router.get("/api/filings/<record_id>/files", tags=["records"], summary="备案的文件", description=FILES_DESCRIPTION)
@allowed()
def filing_files(record_id: RecordId) -> Response[Any]:
    return _files("filing", record_id)


@router.get("/api/plans/<record_id>/files", tags=["records"], summary="评价计划的文件", description=FILES_DESCRIPTION)
@allowed()
def plan_files(record_id: RecordId) -> Response[Any]:
    return _files("plan", record_id)


@router.get("/api/reports/<record_id>/files", tags=["records"], summary="评价结果的材料", description=FILES_DESCRIPTION)
@allowed()
def report_files(record_id: RecordId) -> Response[Any]:
    return _files("report", record_id)

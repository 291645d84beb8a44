"""What a reviewer decides on: a record's files (opened in the browser) and a report's candidates in full."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

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


@router.get(
    "/api/reports/<record_id>/candidates",
    tags=["records"],
    summary="人员名单与参评条件（按评价计划的评审日期判断）",
    description="每位人员的姓名、脱敏身份证号、职业与级别名称、证书、工作经历、荣誉、成绩，以及各条件的判断及说明。",
)
@allowed()
def report_candidates(
    record_id: RecordId,
    offset: Annotated[int, Query(ge=0, le=5000, description="从第几位开始（0 起）")] = 0,
    limit: Annotated[int, Query(ge=1, le=500, description="每页人数")] = 100,
) -> Response[Any]:
    from functions.services.candidates import report_candidates as candidates

    return json_response(candidates(stores(), record_id, caller(router), offset, limit))

"""The OpenAPI document as served: Powertools' document completed in one place, so every route (also one added
later) lists each status it can answer, and every error answer names the one shared error schema.

Which errors a route can answer follows from what it is (API.md): any route that takes input may answer 400
(unreadable) and 422 (invalid); a signed-in route 401 and 403, and 404 and 409 (a record not found or not
visible, a state that forbids the action); a route with a body 413 (API Gateway's 10 MB); every route 429
(throttling) and 500; every route that reads the store 503. Successes other than 200 are declared with the
route (`status_code=`) or, for routes written before this, in `SUCCESS` below; their answers are typed by the
route's `Response[Model]` or, document-only (no validation cost per call, answers unchanged), in `_typed()`.
"""

from __future__ import annotations

import copy
from typing import Any

from schemas.errors import ErrorBody

ERROR_SCHEMA = "ErrorBody"
ERROR_REF = {"$ref": f"#/components/schemas/{ERROR_SCHEMA}"}
DESCRIPTIONS = {
    400: "请求无法读取（JSON 格式、编码或分页参数有误）",
    401: "未登录或登录已过期",
    403: "已登录，但无权进行此操作",
    404: "记录或资源不存在，或无权查看",
    409: "冲突：记录已被他人处理、版本已更新或状态不允许此操作",
    413: "请求内容超过 10 MB",
    422: "提交内容有误：逐项列出字段与中文说明",
    429: "请求过于频繁，请稍后重试",
    500: "系统内部错误；请提供 request_id 联系管理员",
    503: "服务暂时不可用（数据存储不可达）；请提供 request_id 联系管理员",
}
CREATED = {"description": "已创建"}
XLSX = {
    "content": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
            "schema": {"type": "string", "format": "binary"}
        }
    }
}
SUCCESS: dict[tuple[str, str], dict[int, dict[str, Any]]] = {
    **{("post", path): {201: CREATED} for path in ("/api/filings", "/api/plans", "/api/reports")},
    **{("post", path): {201: CREATED} for path in ("/api/uploads", "/api/debarments", "/api/drafts")},
    ("post", "/api/accounts"): {201: CREATED},
    **{("post", path): {201: CREATED} for path in ("/api/certificates/confirmations", "/api/notices")},
    ("post", "/api/announcements"): {201: CREATED},
    ("put", "/api/campaigns/{year}"): {201: CREATED, 200: {"description": "已更新"}},
    ("post", "/api/public/account-requests"): {201: CREATED, 200: {"description": "同一申请已在等待处理"}},
    ("delete", "/api/drafts/{draft_id}"): {204: {"description": "已删除"}},
    ("get", "/api/exports/{name}"): {
        303: {
            "description": "转到导出文件的下载地址（预签名，限时有效）",
            "headers": {"Location": {"schema": {"type": "string"}, "description": "下载地址"}},
        },
        200: {"description": "Accept: application/json 时：下载地址等信息"},
        202: {
            "description": "数据较多：已排入导出任务，按 Location 查询进度",
            "headers": {"Location": {"schema": {"type": "string"}, "description": "导出任务地址"}},
            "content": {"application/json": {"schema": {}}},
        },
    },
    ("get", "/api/reference/roster-template"): {200: {"description": "人员名单 XLSX 模板", **XLSX}},
    ("get", "/api/stats/export"): {200: {"description": "统计数据 XLSX", **XLSX}},
}
NO_STORE = {"/api/health"}  # answers without touching any resource
# A route whose path names a file answers that file (receipts, certificates, the work plan, the staff notice).
FILE_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
}


def _typed() -> dict[tuple[str, str], dict[int, Any]]:
    """Each route's typed success answers, by method, path and status (document-only: the answers are built by
    the services; the contract test and tests/functional/test_answers_typed.py hold them to these)."""
    from schemas import responses as r
    from schemas import responses_public as p
    from schemas import responses_publication as pub
    from schemas import responses_staff as s

    typed: dict[tuple[str, str], dict[int, Any]] = {
        ("get", "/api/reports/{report_id}/certificates"): {200: r.Certificates},
        ("post", "/api/uploads"): {201: r.UploadGrant},
        ("post", "/api/rosters/parse"): {200: r.RosterParsed},
        ("get", "/api/review/queue"): {200: s.QueuePage},
        ("get", "/api/review/records"): {200: s.QueuePage},
        ("get", "/api/review/counts"): {200: s.ReviewCounts},
        ("get", "/api/review/done"): {200: s.DonePage},
        ("get", "/api/audit"): {200: s.AuditTrail},
        ("get", "/api/reports/{record_id}/candidates"): {200: s.CandidatePage},
        ("get", "/api/debarments"): {200: s.DebarmentPage},
        ("post", "/api/debarments"): {201: s.DebarmentAdded},
        ("post", "/api/debarments/{debarment_id}/lift"): {200: s.Debarment},
        ("get", "/api/exports/{name}"): {200: s.ExportLink, 202: s.ExportJob},
        ("get", "/api/exports/jobs/{job_id}"): {200: s.ExportJob},
        ("get", "/api/campaigns"): {200: p.CampaignList},
        ("get", "/api/campaigns/current"): {200: p.CurrentCampaign},
        ("get", "/api/campaigns/{year}"): {200: p.CampaignView},
        ("put", "/api/campaigns/{year}"): {200: p.CampaignView, 201: p.CampaignView},
        ("get", "/api/reference/cities"): {200: list[p.CityContact]},
        ("put", "/api/reference/cities/{code}/contact"): {200: p.CityContact},
        ("get", "/api/reference/occupations"): {200: list[p.Occupation]},
        ("get", "/api/reference/workdays"): {200: p.Workdays},
        ("get", "/api/public/chief-technicians"): {200: p.ChiefTechnicians},
        ("get", "/api/public/stats"): {200: p.PublicStats},
        ("get", "/api/accounts"): {200: p.AccountList},
        ("post", "/api/accounts"): {201: p.Account},
        ("post", "/api/accounts/{username}/disable"): {200: p.Account},
        ("post", "/api/accounts/{username}/enable"): {200: p.Account},
        ("post", "/api/public/account-requests"): {200: p.AccountRequestReceived, 201: p.AccountRequestReceived},
        ("get", "/api/account-requests"): {200: p.AccountRequestPage},
        ("post", "/api/certificates/confirmations"): {201: pub.Confirmation},
        ("post", "/api/notices"): {201: pub.Notice},
        ("get", "/api/public/notices"): {200: pub.NoticePage},
        ("post", "/api/announcements"): {201: pub.Announcement},
        ("get", "/api/public/announcements"): {200: pub.AnnouncementList},
        ("get", "/api/public/announcements/{campaign}/{batch}"): {200: pub.PublishedPeople},
        ("post", "/api/account-requests/{request_id}/decision"): {200: p.AccountRequestView},
    }
    for kind in ("filings", "plans", "reports"):
        typed["post", f"/api/{kind}"] = {201: r.RecordAccepted}
        typed["put", f"/api/{kind}/{{record_id}}"] = {200: r.RecordAccepted}
        typed["post", f"/api/{kind}/{{record_id}}/decision"] = {200: r.Decided}
        typed["get", f"/api/{kind}"] = {200: r.RecordPage}
        typed["get", f"/api/{kind}/{{record_id}}"] = {200: r.RecordDetail | r.RecordVersion}
        typed["get", f"/api/{kind}/{{record_id}}/files"] = {200: r.RecordFiles}
    return typed


def _name_model(schemas: dict[str, Any], model: Any) -> dict[str, Any]:
    """The schema of `model` (a pydantic model, or a type such as `list[Model]`), its models in components."""
    from pydantic import BaseModel, TypeAdapter

    if isinstance(model, type) and issubclass(model, BaseModel):
        generated = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(generated.pop("$defs", {}))
        schemas[model.__name__] = generated
        return {"$ref": f"#/components/schemas/{model.__name__}"}
    generated = TypeAdapter(model).json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(generated.pop("$defs", {}))
    return generated


def error_statuses(path: str, method: str, operation: dict[str, Any]) -> set[int]:
    public = "public" in operation.get("tags", [])
    takes_input = bool(operation.get("parameters")) or "requestBody" in operation
    statuses = {429, 500}
    if takes_input:
        statuses |= {400, 422}
    if not public:
        statuses |= {401, 403, 404, 409}
    if "{" in path:
        statuses.add(404)
    if "requestBody" in operation:
        statuses.add(413)
    if path not in NO_STORE:
        statuses.add(503)
    return statuses


def complete(document: dict[str, Any]) -> dict[str, Any]:
    """`document` with every operation's error statuses and declared successes, errors in the shared schema."""
    document = copy.deepcopy(document)
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(error_schema.pop("$defs", {}))
    schemas[ERROR_SCHEMA] = error_schema
    for path, operations in document.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            suffix = path[path.rfind(".") :] if "." in path.rsplit("/", 1)[-1] else ""
            if method == "get" and suffix in FILE_TYPES:
                binary = {"schema": {"type": "string", "format": "binary"}}
                responses["200"] = {
                    "description": f"{suffix[1:].upper()} 文件",
                    "content": {FILE_TYPES[suffix]: binary},
                }
            declared = SUCCESS.get((method, path))
            if declared:
                ok = responses.pop("200", {})
                for status, answer in declared.items():  # a JSON success keeps the generated body schema
                    responses[str(status)] = {**ok, **answer} if status in (200, 201) else answer
            wanted = error_statuses(path, method, operation)
            for status in [s for s in responses if s.isdigit() and int(s) >= 400 and int(s) not in wanted]:
                if "HTTPValidationError" in str(responses[status]):  # Powertools' 422 on a route without input
                    del responses[status]
                else:
                    responses[status]["content"] = {"application/json": {"schema": ERROR_REF}}
            for status in wanted:
                responses[str(status)] = {
                    "description": DESCRIPTIONS[status],
                    "content": {"application/json": {"schema": ERROR_REF}},
                }
    for (method, path), answers in _typed().items():
        for status, model in answers.items():
            responses = document.get("paths", {}).get(path, {}).get(method, {}).get("responses", {})
            answer = responses.get(str(status))
            if answer is not None and "$ref" not in str(answer.get("content", {})):  # a route's own model wins
                answer["content"] = {"application/json": {"schema": _name_model(schemas, model)}}
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    return document

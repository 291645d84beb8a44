"""Drafts of the enterprise forms (API.md, "Added as the system grew"): unvalidated, owner-only, expiring."""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path

from functions.api.deps import allowed, caller, draft_store, json_response
from schemas.drafts import Draft, DraftCreated, DraftList, DraftRequest

router = Router()
DraftId = Annotated[str, Path(max_length=64, description="草稿编号")]


@router.post("/api/drafts", tags=["enterprise"], summary="保存新草稿")
@allowed("enterprise")
def create_draft(form: DraftRequest) -> Response[DraftCreated]:
    from functions.services import drafts

    return json_response(drafts.create(draft_store(), caller(router, "enterprise"), form), 201)


@router.get("/api/drafts", tags=["enterprise"], summary="本企业的草稿（最近修改在前）")
@allowed("enterprise")
def list_drafts() -> Response[DraftList]:
    from functions.services import drafts

    return json_response(drafts.listing(draft_store(), caller(router, "enterprise")))


@router.get("/api/drafts/<draft_id>", tags=["enterprise"], summary="读取草稿")
@allowed("enterprise")
def read_draft(draft_id: DraftId) -> Response[Draft]:
    from functions.services import drafts

    return json_response(drafts.read(draft_store(), caller(router, "enterprise"), draft_id))


@router.put("/api/drafts/<draft_id>", tags=["enterprise"], summary="保存草稿（覆盖）")
@allowed("enterprise")
def replace_draft(draft_id: DraftId, form: DraftRequest) -> Response[DraftCreated]:
    from functions.services import drafts

    return json_response(drafts.replace(draft_store(), caller(router, "enterprise"), draft_id, form))


@router.delete("/api/drafts/<draft_id>", tags=["enterprise"], summary="删除草稿")
@allowed("enterprise")
def delete_draft(draft_id: DraftId) -> Response[Any]:
    from functions.services import drafts

    drafts.discard(draft_store(), caller(router, "enterprise"), draft_id)
    return Response(status_code=204)

"""Upload requests: declare the file, get a presigned POST bounded by its size, type and checksum."""

from __future__ import annotations

from typing import Any

from functions.auth import Principal
from functions.services import clock
from functions.services.integrity import upload_meta_pk
from functions.services.kinds import Stores
from schemas.forms import UploadRequest


def request_upload(stores: Stores, principal: Principal, form: UploadRequest) -> dict[str, Any]:
    owner = principal.uscc or ""
    key = stores.uploads.new_key(form.purpose, owner, form.filename)
    post = stores.uploads.presigned_post(key, form.content_type, form.size, form.sha256)
    stores.records.put(
        {
            "pk": upload_meta_pk(key),
            "sk": "META",
            "key": key,
            "owner": owner,
            "purpose": form.purpose,
            "filename": form.filename,
            "content_type": form.content_type,
            "size": form.size,
            "sha256": form.sha256,
            "created_at": clock.stamp(),
        }
    )
    return {"key": key, "url": post["url"], "fields": post["fields"], "expires_at": post["expires_at"]}

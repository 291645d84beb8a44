"""The files a record cites (a plan's work plan document, a report's materials), for everyone who may read it.

Each listing answers the name, type, size and checksum the enterprise declared (and the API verified) plus a
short presigned GET that opens the file in the browser; the storage key itself never leaves the server.
Every listing is written to the record's audit trail.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from functions.auth import Principal
from functions.services import clock
from functions.services.integrity import upload_meta_pk
from functions.services.kinds import Stores
from functions.services.submissions import log_item, visible
from schemas.forms import FILE_TYPES, UPLOAD_TYPES

OTHER = "其他材料"


def cited_files(kind: str, body: dict[str, Any]) -> list[tuple[str, str]]:
    """(type, key) of every file a record's body cites, in the order the enterprise gave them."""
    if kind == "plan" and body.get("plan_document"):
        return [("plan_document", str(body["plan_document"]))]
    if kind == "report":
        return [(str(m.get("type", "other")), str(m["key"])) for m in body.get("materials", []) if m.get("key")]
    return []


def _fallback_name(file_type: str, filename: str, content_type: str) -> str:
    """An ASCII name for clients that ignore `filename*`: the type and the file's extension."""
    suffix = PurePosixPath(filename).suffix.lower()
    if not suffix.isascii() or not suffix[1:].isalnum():
        suffix = "." + UPLOAD_TYPES.get(content_type, "bin").lower()
    base = "".join(ch for ch in file_type if ch.isascii() and (ch.isalnum() or ch in "_-")) or "file"
    return f"{base}{suffix}"


def _entry(stores: Stores, file_type: str, key: str) -> dict[str, Any]:
    type_name = FILE_TYPES.get(file_type, OTHER)
    meta = stores.records.get(upload_meta_pk(key), "META")
    if meta is None:  # not possible for a record the API accepted; said plainly rather than hidden
        return {"type": file_type, "type_name": type_name, "filename": None, "size": None, "sha256": None,
                "uploaded_at": None, "url": None}  # fmt: skip
    filename = str(meta["filename"])
    content_type = str(meta["content_type"])
    url = stores.uploads.presigned_view(key, filename, content_type, _fallback_name(file_type, filename, content_type))
    return {
        "type": file_type,
        "type_name": type_name,
        "filename": filename,
        "content_type": content_type,
        "size": int(meta["size"]),
        "sha256": meta["sha256"],
        "uploaded_at": meta.get("created_at"),
        "url": url,
    }


def record_files(stores: Stores, kind: str, record_id: str, principal: Principal) -> dict[str, Any]:
    head = visible(stores, kind, record_id, principal)
    body = stores.records.body(head["id"], head["version"])
    files = [_entry(stores, file_type, key) for file_type, key in cited_files(kind, body)]
    at = clock.stamp()
    log = log_item(principal, "files", head["version"], head["status"], at, detail={"count": len(files)})
    stores.records.put({**log, "pk": f"REC#{head['id']}"})
    return {"id": head["id"], "version": head["version"], "files": files}

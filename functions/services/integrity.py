"""Checks a submission must pass against stored state: debarments, and the uploads it cites."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from functions.dal.debarments import DebarmentStore
from functions.dal.records import RecordStore
from functions.dal.uploads import UploadStore
from functions.errors import FieldProblem
from schemas.forms import UPLOAD_TYPES

if TYPE_CHECKING:
    from functions.dal.parties import Parties


def debarred(
    store: DebarmentStore, subjects: dict[str, str], today: date, parties: Parties | None = None
) -> list[FieldProblem]:
    """`subjects` maps a field path to the ID number or USCC it names; one problem per debarred one.
    Keyed: one BatchGetItem per 100 parties, whatever the length of the list (none when the caller passes
    the `parties` it read already)."""
    active = {
        subject: d
        for subject, d in store.active(subjects.values(), parties).items()
        if date.fromisoformat(d["until"]) > today
    }
    problems = []
    for path, subject in subjects.items():
        found = active.get(subject)
        if found:
            who = "该企业" if found["subject_type"] == "enterprise" else "该人员"
            problems.append(
                FieldProblem(
                    path,
                    f"{who}因弄虚作假被取消资格，{found['until']} 前不得申请或参与特级技师、首席技师评审申报",
                    "debarred",
                )
            )
    return problems


def upload_meta_pk(key: str) -> str:
    return f"UPLOAD#{key}"


def check_uploads(
    records: RecordStore, uploads: UploadStore, cited: dict[str, str], owner: str, purpose: str
) -> list[FieldProblem]:
    """Each cited key must be this owner's upload for `purpose`, stored whole, with the declared type."""
    problems = []
    for path, key in cited.items():
        meta = records.get(upload_meta_pk(key), "META")
        if meta is None or meta["owner"] != owner or meta["purpose"] != purpose:
            problems.append(FieldProblem(path, "找不到该上传文件，请先上传再提交", "upload_unknown"))
            continue
        if meta.get("verified"):
            continue
        problem = _stored_matches(uploads, key, meta)
        if problem:
            problems.append(FieldProblem(path, problem[0], problem[1]))
        else:
            records.put({**meta, "verified": True})
    return problems


def _stored_matches(uploads: UploadStore, key: str, meta: dict[str, Any]) -> tuple[str, str] | None:
    stored = uploads.inspect(key)
    if stored is None:
        return "文件尚未上传完成，请上传后再提交", "upload_missing"
    if stored.size != meta["size"]:
        return (
            f"已上传文件的大小（{stored.size} 字节）与申报的（{meta['size']} 字节）不符，请重新上传",
            "upload_size_mismatch",
        )
    if stored.sha256 != meta["sha256"]:
        return "已上传文件的 SHA-256 摘要与申报的不符，文件可能已损坏，请重新上传", "upload_checksum_mismatch"
    if stored.sniffed_type != meta["content_type"]:
        declared = UPLOAD_TYPES.get(meta["content_type"], meta["content_type"])
        return f"文件内容不是申报的 {declared} 格式，请上传真实的 {declared} 文件", "upload_type_mismatch"
    return None

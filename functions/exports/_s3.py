"""Exports as files: written to a temporary file as rows stream, then one managed (multipart) upload to S3."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from boto3.s3.transfer import TransferConfig

from functions.exports._csv import write_csv
from functions.exports._xlsx import write_xlsx
from functions.services import clock
from schemas.exports import EXPORTS, Column, Export

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

Format = Literal["xlsx", "csv"]
CONTENT_TYPES: dict[str, str] = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
LINK_SECONDS = 15 * 60  # the presigned link is for the download that follows, not for sharing
# Parts of 16 MB: a 100,000-row workbook is a few MB, so most uploads are one part; big ones go multipart.
TRANSFER = TransferConfig(multipart_threshold=16 * 1024 * 1024, multipart_chunksize=16 * 1024 * 1024)
Writer = Callable[[tuple[Column, ...], Iterable[Mapping[str, Any]], "str | Path | IO[bytes]", str], int]
_WRITERS: dict[str, Writer] = {"xlsx": write_xlsx, "csv": write_csv}


def export_spec(name: str) -> Export:
    try:
        return EXPORTS[name]
    except KeyError:
        raise ValueError(f"没有名为 {name} 的导出，可选：{'、'.join(EXPORTS)}") from None


def _writer(fmt: str) -> Writer:
    try:
        return _WRITERS[fmt]
    except KeyError:
        raise ValueError("导出格式应为 xlsx 或 csv") from None


def export_filename(name: str, fmt: str, on: date | None = None) -> str:
    """The Chinese file name a person sees: 评价机构汇总表-20240701.xlsx."""
    return f"{export_spec(name).title}-{(on or clock.today()):%Y%m%d}.{fmt}"


def content_disposition(filename: str, fallback: str) -> str:
    """RFC 6266 / 5987: an ASCII `filename` for old clients and the UTF-8 `filename*` for the rest."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def write_export(name: str, fmt: str, rows: Iterable[Mapping[str, Any]], target: str | Path | IO[bytes]) -> int:
    """Write export `name` (its own columns and title) in `fmt` to a path or binary file. Returns row count."""
    spec = export_spec(name)
    return _writer(fmt)(spec.columns, rows, target, spec.title)


def export_bytes(name: str, fmt: str, rows: Iterable[Mapping[str, Any]]) -> bytes:
    """A small export in memory, for answering the request directly."""
    buffer = io.BytesIO()
    write_export(name, fmt, rows, buffer)
    return buffer.getvalue()


def export_to_s3(
    s3_client: S3Client,
    bucket: str,
    key: str,
    name: str,
    fmt: str,
    rows: Iterable[Mapping[str, Any]],
    *,
    on: date | None = None,
    expires_in: int = LINK_SECONDS,
) -> str:
    """Stream `rows` into a temporary file, upload it (multipart when large) and answer a presigned GET URL.

    The object carries the right Content-Type and a Content-Disposition with the Chinese file name, so the
    browser saves 评价机构汇总表-20240701.xlsx. Raises ValueError for an unknown export name or format.
    Build `s3_client` with `Config(signature_version="s3v4")`: links to SSE-KMS objects must be SigV4.
    """
    writer = _writer(fmt)
    spec = export_spec(name)
    filename = export_filename(name, fmt, on)
    fallback = f"{name}-{(on or clock.today()):%Y%m%d}.{fmt}"
    handle, path = tempfile.mkstemp(suffix=f".{fmt}")  # /tmp in Lambda
    os.close(handle)
    try:
        writer(spec.columns, rows, path, spec.title)
        s3_client.upload_file(
            path,
            bucket,
            key,
            ExtraArgs={
                "ContentType": CONTENT_TYPES[fmt],
                "ContentDisposition": content_disposition(filename, fallback),
            },
            Config=TRANSFER,
        )
    finally:
        os.unlink(path)
    return s3_client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=expires_in)

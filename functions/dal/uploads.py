"""Uploads to the materials bucket: a presigned POST bounded by size, type and checksum, then a check of
what actually arrived (size, SHA-256, and the type read from the file's first bytes).

Keys are `<purpose>/<uscc>/<random 128 bits>/<original filename>`: nobody can guess another's key.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from botocore.exceptions import ClientError

from functions.dal.aws import client, settings
from functions.errors import ServiceUnavailable

UPLOAD_SECONDS = 15 * 60
VIEW_SECONDS = 5 * 60  # a link to open a material now, not one to pass around
SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class StoredUpload:
    size: int
    sha256: str
    sniffed_type: str | None


class UploadStore:
    def __init__(self, s3: Any = None, bucket: str | None = None) -> None:
        self.s3 = s3 or client("s3")
        self.bucket = bucket or settings().materials_bucket

    def new_key(self, purpose: str, owner: str, filename: str) -> str:
        safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in filename)[-100:]
        safe = safe.lstrip(".") or "file"  # no "." or ".." segment for a URL to resolve away
        return f"{purpose}/{owner}/{uuid.uuid4().hex}/{safe}"

    def presigned_post(self, key: str, content_type: str, size: int, sha256_hex: str) -> dict[str, Any]:
        checksum = base64.b64encode(bytes.fromhex(sha256_hex)).decode()
        fields = {"Content-Type": content_type, "x-amz-checksum-sha256": checksum, "x-amz-meta-sha256": sha256_hex}
        conditions: list[Any] = [
            ["content-length-range", size, size],
            {"Content-Type": content_type},
            {"x-amz-checksum-sha256": checksum},
            {"x-amz-meta-sha256": sha256_hex},
        ]
        try:
            post: dict[str, Any] = self.s3.generate_presigned_post(
                Bucket=self.bucket, Key=key, Fields=fields, Conditions=conditions, ExpiresIn=UPLOAD_SECONDS
            )
        except ClientError as exc:
            raise ServiceUnavailable() from exc
        post["expires_at"] = datetime.now(UTC) + timedelta(seconds=UPLOAD_SECONDS)
        return post

    def presigned_view(self, key: str, filename: str, content_type: str, fallback: str) -> str:
        """A short presigned GET that opens the file in the browser under its original (Chinese) name.

        `fallback` is an ASCII name for clients that ignore RFC 5987's `filename*`.
        """
        disposition = f"inline; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
        params = {
            "Bucket": self.bucket,
            "Key": key,
            "ResponseContentDisposition": disposition,
            "ResponseContentType": content_type,
        }
        try:
            url: str = self.s3.generate_presigned_url("get_object", Params=params, ExpiresIn=VIEW_SECONDS)
        except ClientError as exc:
            raise ServiceUnavailable() from exc
        return url

    def inspect(self, key: str) -> StoredUpload | None:
        """What is stored under `key` (None when nothing is), hashing it as it streams."""
        import filetype

        try:
            answer = self.s3.get_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("NoSuchKey", "404", "NoSuchBucket"):
                return None
            raise ServiceUnavailable() from exc
        digest = hashlib.sha256()
        head = b""
        size = 0
        for chunk in answer["Body"].iter_chunks(chunk_size=1024 * 1024):
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
            digest.update(chunk)
            size += len(chunk)
        return StoredUpload(size=size, sha256=digest.hexdigest(), sniffed_type=filetype.guess_mime(head))

    def read(self, key: str) -> bytes:
        """A stored upload's bytes (uploads are at most 20 MB)."""
        try:
            data: bytes = self.s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except ClientError as exc:
            raise ServiceUnavailable() from exc
        return data

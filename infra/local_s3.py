"""What the local server's `/s3/` path lets through to moto, checked as S3 itself would check it.

- a presigned GET or HEAD of one object (SigV4 query signature, not expired);
- a presigned POST upload to the materials bucket (policy signature, expiry, and every condition: bucket, key,
  exact fields, `content-length-range`, and the SHA-256 checksum against the bytes sent);
- a request signed in its headers with this server's private key (the function's own S3 calls, as its IAM
  role makes them in AWS), only from this machine.

Everything else is refused: unsigned or wrongly signed requests, listings, `moto-api`, other methods. The key
is private to the data folder (`infra/local_store.py`), so no one else can sign: not the well-known "testing".
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

SIGV4_TIME = "%Y%m%dT%H%M%SZ"
MAX_EXPIRES = 7 * 24 * 3600


@dataclass(frozen=True)
class Refusal(Exception):
    status: int
    code: str
    message: str

    def xml(self) -> bytes:
        return (
            f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>{self.code}</Code>"
            f"<Message>{self.message}</Message></Error>"
        ).encode()


DENIED = Refusal(403, "AccessDenied", "Access Denied")


def _credentials() -> Any:
    from botocore.credentials import Credentials

    return Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])


def _signature(method: str, url: str, headers: dict[str, str], signed: list[str], stamp: str, payload: str) -> str:
    """The SigV4 signature S3 expects for this request, computed by botocore's own signer."""
    from botocore.auth import S3SigV4Auth
    from botocore.awsrequest import AWSRequest, HTTPHeaders

    class Verifier(S3SigV4Auth):
        def headers_to_sign(self, request: Any) -> HTTPHeaders:
            chosen = HTTPHeaders()
            for name in signed:
                chosen[name] = headers.get(name, "")
            return chosen

    region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
    request = AWSRequest(method=method, url=url, headers={"X-Amz-Content-SHA256": payload})
    request.context["timestamp"] = stamp
    verifier = Verifier(_credentials(), "s3", region)
    result: str = verifier.signature(verifier.string_to_sign(request, verifier.canonical_request(request)), request)
    return result


def _scope_ok(credential: str, stamp: str) -> bool:
    parts = credential.split("/")
    return len(parts) == 5 and parts[0] == os.environ["AWS_ACCESS_KEY_ID"] and parts[1] == stamp[:8]


def _parse_time(stamp: str) -> datetime:
    try:
        return datetime.strptime(stamp, SIGV4_TIME).replace(tzinfo=UTC)
    except ValueError:
        raise DENIED from None


def _object_path(path: str) -> tuple[str, str]:
    """`/<bucket>/<key>` → (bucket, key); anything that is not one object (a listing, moto-api) is refused."""
    bucket, _, key = path.lstrip("/").partition("/")
    if not bucket or not key.strip("/") or bucket == "moto-api":
        raise DENIED
    return bucket, unquote(key)


def check_presigned_get(method: str, target: str, headers: dict[str, str], host: str) -> None:
    """A GET/HEAD presigned for one object (query auth): valid signature, not expired."""
    parts = urlsplit(target)
    _object_path(parts.path)
    pairs = [p.partition("=") for p in parts.query.split("&") if p]
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if query.get("X-Amz-Algorithm") != "AWS4-HMAC-SHA256" or "X-Amz-Signature" not in query:
        raise DENIED
    if not all(k.startswith(("X-Amz-", "response-")) or k == "versionId" for k, _, _ in pairs):
        raise DENIED
    stamp = query.get("X-Amz-Date", "")
    try:
        expires = int(query.get("X-Amz-Expires", ""))
    except ValueError:
        raise DENIED from None
    issued = _parse_time(stamp)
    if not 0 < expires <= MAX_EXPIRES or not _scope_ok(query.get("X-Amz-Credential", ""), stamp):
        raise DENIED
    if (datetime.now(UTC) - issued).total_seconds() > expires:
        raise Refusal(403, "AccessDenied", "Request has expired")
    unsigned = "&".join(f"{k}={v}" for k, _, v in pairs if k != "X-Amz-Signature")
    url = f"http://{host}{parts.path}" + (f"?{unsigned}" if unsigned else "")
    signed = query.get("X-Amz-SignedHeaders", "host").split(";")
    header_values = {**{k.lower(): v for k, v in headers.items()}, "host": host}
    # The GET is signed for GET; a HEAD of the same URL is accepted too, as S3 does.
    expected = _signature("GET", url, header_values, signed, stamp, "UNSIGNED-PAYLOAD")
    if not hmac.compare_digest(expected, query["X-Amz-Signature"]):
        raise Refusal(403, "SignatureDoesNotMatch", "The request signature we calculated does not match")


def check_header_signed(method: str, target: str, headers: dict[str, str], host: str, source: str) -> bool:
    """True for a request signed in its Authorization header with this server's key, from this machine."""
    headers = {k.lower(): v for k, v in headers.items()}
    authorization = headers.get("authorization", "")
    if not authorization.startswith("AWS4-HMAC-SHA256 "):
        return False
    if source not in ("127.0.0.1", "::1"):
        raise DENIED
    fields = dict(p.strip().partition("=")[::2] for p in authorization[len("AWS4-HMAC-SHA256 ") :].split(","))
    stamp = headers.get("x-amz-date", "")
    if not _scope_ok(fields.get("Credential", ""), stamp):
        raise DENIED
    if abs((datetime.now(UTC) - _parse_time(stamp)).total_seconds()) > 15 * 60:
        raise Refusal(403, "RequestTimeTooSkewed", "The difference between the request time and now is too large")
    lowered = {**headers, "host": host}
    url = f"http://{host}{target}"
    signed = fields.get("SignedHeaders", "").split(";")
    payload = lowered.get("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
    expected = _signature(method, url, lowered, signed, stamp, payload)
    if not hmac.compare_digest(expected, fields.get("Signature", "")):
        raise Refusal(403, "SignatureDoesNotMatch", "The request signature we calculated does not match")
    return True


def check_presigned_post(target: str, content_type: str, body: bytes, materials_bucket: str) -> None:
    """A browser-form upload (multipart POST) to the materials bucket, its policy enforced as S3 enforces it."""
    bucket, _, rest = urlsplit(target).path.lstrip("/").partition("/")
    if bucket != materials_bucket or rest.strip("/") or urlsplit(target).query:
        raise DENIED
    form, data = _form(content_type, body)
    policy_b64 = form.get("policy", "")
    stamp = form.get("x-amz-date", "")
    if form.get("x-amz-algorithm") != "AWS4-HMAC-SHA256" or not policy_b64 or data is None:
        raise Refusal(400, "InvalidArgument", "POST requires policy, signature and one file")
    if not _scope_ok(form.get("x-amz-credential", ""), stamp):
        raise DENIED
    region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
    key = ("AWS4" + os.environ["AWS_SECRET_ACCESS_KEY"]).encode()
    for part in (stamp[:8], region, "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(key, policy_b64.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, form.get("x-amz-signature", "")):
        raise Refusal(403, "SignatureDoesNotMatch", "The request signature we calculated does not match")
    try:
        policy = json.loads(base64.b64decode(policy_b64))
        expiration = datetime.fromisoformat(policy["expiration"].replace("Z", "+00:00"))
    except (ValueError, KeyError, TypeError):
        raise DENIED from None
    if datetime.now(UTC) > expiration:
        raise Refusal(403, "AccessDenied", "Invalid according to Policy: Policy expired.")
    _conditions(policy.get("conditions", []), {**form, "bucket": bucket}, len(data))
    checksum = form.get("x-amz-checksum-sha256")
    if checksum and base64.b64encode(hashlib.sha256(data).digest()).decode() != checksum:
        raise Refusal(400, "BadDigest", "The SHA256 you specified did not match the calculated checksum.")


def _conditions(conditions: list[Any], form: dict[str, str], size: int) -> None:
    failed = Refusal(403, "AccessDenied", "Invalid according to Policy: Policy Condition failed")
    covered = {"bucket"}
    for condition in conditions:
        if isinstance(condition, dict) and len(condition) == 1:
            name, wanted = next(iter(condition.items()))
            name = name.lower().lstrip("$")
            if form.get(name) != wanted:
                raise failed
            covered.add(name)
        elif isinstance(condition, list) and len(condition) == 3 and condition[0] == "content-length-range":
            if not int(condition[1]) <= size <= int(condition[2]):
                raise Refusal(400, "EntityTooLarge" if size > int(condition[2]) else "EntityTooSmall", "size")
        elif isinstance(condition, list) and len(condition) == 3 and condition[0] in ("eq", "starts-with"):
            name = str(condition[1]).lower().lstrip("$")
            value = form.get(name, "")
            if (condition[0] == "eq" and value != condition[2]) or not value.startswith(str(condition[2])):
                raise failed
            covered.add(name)
        else:
            raise failed
    exempt = {"policy", "x-amz-signature", "file"}
    if any(name not in covered and name not in exempt and not name.startswith("x-ignore-") for name in form):
        raise failed


def _form(content_type: str, body: bytes) -> tuple[dict[str, str], bytes | None]:
    """The form fields (names lower-cased, as S3 reads them) and the file's bytes."""
    import io

    from werkzeug.formparser import parse_form_data

    environ = {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    _, fields, files = parse_form_data(environ)
    if not content_type.startswith("multipart/form-data") or len(files) != 1 or "file" not in files:
        raise Refusal(400, "InvalidArgument", "POST requires exactly one file field")
    form = {name.lower(): value for name, value in fields.items()}
    return form, files["file"].read()

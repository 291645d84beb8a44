"""The local server probed as an attacker would: unreachable from the network by default, and through `/s3/`
nothing readable without a valid presigned URL, nothing listed or reset, uploads held to their POST policy,
no CORS for other origins."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import boto3
import pytest
import requests
from botocore.config import Config

from tests.e2e._server import LocalServer
from tests.factories import FACTORY_USCC, PDF_BYTES

pytestmark = pytest.mark.e2e
MATERIALS = "gdskills-materials"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    local = LocalServer(tmp_path_factory.mktemp("data")).start()
    try:
        yield local
    finally:
        local.stop()


@pytest.fixture(scope="module")
def stored(server: LocalServer) -> dict[str, Any]:
    """An uploaded file's key and an export's presigned download link."""
    ent = server.login("enterprise", uscc=FACTORY_USCC)
    key = server.upload(ent, "plan_document")
    province = server.login("province_reviewer")
    answer = server.call("GET", "/api/exports/filings?format=csv", province, headers={"accept": "application/json"})
    assert answer.status_code == 200, answer.text
    return {"key": key, "link": answer.json()["url"], "token": ent}


# Run outside pytest-socket (which allows this process loopback only): find this machine's own network address
# (a UDP "connect" sends nothing, it only picks the outgoing interface), then try the server's port on it.
PROBE = """
import socket, sys
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
    try:
        probe.connect(("10.255.255.255", 1))
        address = probe.getsockname()[0]
    except OSError:
        address = "127.0.0.1"
if address.startswith("127."):
    print("none"); sys.exit(0)
try:
    socket.create_connection((address, int(sys.argv[1])), timeout=3).close()
    print("reached", address)
except OSError:
    print("refused", address)
"""


def test_it_listens_on_loopback_only(server: LocalServer) -> None:
    probe = subprocess.run([sys.executable, "-c", PROBE, str(server.port)], capture_output=True, text=True, check=True)
    outcome = probe.stdout.split()
    if outcome == ["none"]:
        pytest.skip("this machine has no network address besides loopback")
    assert outcome[0] == "refused", probe.stdout


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/s3/"),
        ("GET", f"/s3/{MATERIALS}"),
        ("GET", f"/s3/{MATERIALS}/"),
        ("GET", f"/s3/{MATERIALS}?list-type=2"),
        ("GET", "/s3/gdskills-exports/?list-type=2&prefix=exports/"),
        ("GET", "/s3/moto-api/data.json"),
        ("POST", "/s3/moto-api/reset"),
        ("GET", "/s3/moto-api/"),
        ("PUT", f"/s3/{MATERIALS}/material/x/a.pdf"),
        ("DELETE", f"/s3/{MATERIALS}/material/x/a.pdf"),
        ("POST", f"/s3/{MATERIALS}?delete"),
    ],
)
def test_listing_reset_and_unsigned_writes_are_refused(
    server: LocalServer, stored: dict[str, Any], method, path
) -> None:
    answer = requests.request(method, server.base + path, data=b"<Delete/>" if method != "GET" else None, timeout=10)
    assert answer.status_code in (400, 403), (path, answer.status_code, answer.text[:300])
    # And the data is all still there
    assert requests.get(stored["link"], timeout=10).status_code == 200


def test_no_object_is_readable_without_a_valid_presigned_url(server: LocalServer, stored: dict[str, Any]) -> None:
    key_url = f"{server.base}/s3/{MATERIALS}/{stored['key']}"
    link = stored["link"]
    parts = urlsplit(link)
    forged = boto3.client(
        "s3",
        endpoint_url=f"{server.base}/s3",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # the well-known moto key: not this server's
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    attempts = {
        "unsigned": key_url,
        "junk signature": f"{key_url}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=junk",
        "another object with a valid link's query": f"{server.base}/s3/{MATERIALS}/{stored['key']}?{parts.query}",
        "a valid link with its expiry lengthened": link.replace("X-Amz-Expires=", "X-Amz-Expires=9"),
        "a valid link with one signature character changed": link[:-1] + ("0" if link[-1] != "0" else "1"),
        "presigned with the well-known key": forged.generate_presigned_url(
            "get_object", Params={"Bucket": MATERIALS, "Key": stored["key"]}
        ),
    }
    for name, url in attempts.items():
        answer = requests.get(url, timeout=10)
        assert answer.status_code == 403, (name, answer.status_code)
        assert PDF_BYTES not in answer.content, name
    # While the valid link reads its object
    assert requests.get(link, timeout=10).status_code == 200


def test_header_signed_requests_with_the_well_known_key_are_refused(server: LocalServer, stored: dict[str, Any]):
    forged = boto3.client(
        "s3",
        endpoint_url=f"{server.base}/s3",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
    )
    from botocore.exceptions import ClientError

    for call in (
        lambda: forged.list_objects_v2(Bucket=MATERIALS),
        lambda: forged.get_object(Bucket=MATERIALS, Key=stored["key"]),
        lambda: forged.put_object(Bucket=MATERIALS, Key="material/x/evil.pdf", Body=b"x"),
    ):
        with pytest.raises(ClientError) as refused:
            call()
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def _declared(server: LocalServer, token: str) -> dict[str, Any]:
    return server.declare(token, "material")


def test_uploads_are_held_to_their_post_policy(server: LocalServer, stored: dict[str, Any]) -> None:
    token = stored["token"]
    same_size_other_bytes = PDF_BYTES[:-2] + b"\n\n"
    assert len(same_size_other_bytes) == len(PDF_BYTES)
    assert hashlib.sha256(same_size_other_bytes).digest() != hashlib.sha256(PDF_BYTES).digest()
    # A file of another size, other bytes of the same size (checksum), another declared type
    assert server.post_file(_declared(server, token), PDF_BYTES + b"more") == 400
    assert server.post_file(_declared(server, token), same_size_other_bytes) == 400
    declared = _declared(server, token)
    declared["fields"] = {**declared["fields"], "Content-Type": "text/html"}
    assert server.post_file(declared, PDF_BYTES, "text/html") == 403
    # Another key than the one signed for, a field the policy does not cover, a tampered policy
    declared = _declared(server, token)
    declared["fields"] = {**declared["fields"], "key": "material/other/evil.pdf"}
    assert server.post_file(declared, PDF_BYTES) == 403
    declared = _declared(server, token)
    declared["fields"] = {**declared["fields"], "acl": "public-read"}
    assert server.post_file(declared, PDF_BYTES) == 403
    declared = _declared(server, token)
    declared["fields"] = {**declared["fields"], "policy": declared["fields"]["policy"][:-4] + "AAA="}
    assert server.post_file(declared, PDF_BYTES) == 403
    # To another bucket
    declared = _declared(server, token)
    declared["url"] = declared["url"].replace(MATERIALS, "gdskills-exports")
    assert server.post_file(declared, PDF_BYTES) == 403
    # While the upload as declared is stored
    assert server.post_file(_declared(server, token), PDF_BYTES) in (200, 201, 204)


def test_no_cors_for_other_origins(server: LocalServer, stored: dict[str, Any]) -> None:
    evil = {"Origin": "https://evil.example"}
    for method, url in (
        ("GET", f"{server.base}/api/health"),
        ("OPTIONS", f"{server.base}/api/filings"),
        ("GET", stored["link"]),
        ("OPTIONS", f"{server.base}/s3/{MATERIALS}/{stored['key']}"),
    ):
        answer = requests.request(method, url, headers={**evil, "Access-Control-Request-Method": "GET"}, timeout=10)
        assert "access-control-allow-origin" not in {k.lower() for k in answer.headers}, (method, url)


def test_an_opened_server_warns_that_anyone_may_sign_in(tmp_path: Path) -> None:
    local = LocalServer(tmp_path / "open")
    local.data.mkdir()
    local.start(HOST="0.0.0.0")
    try:
        log = (local.data.parent / f"server-{local.port}.log").read_text()
        assert "HOST=0.0.0.0" in log
        assert "演示登录可让任何人" in log
    finally:
        local.stop()


def test_requests_addressed_to_another_host_name_are_refused(server: LocalServer, stored: dict[str, Any]) -> None:
    # Given a page on another site whose name was rebound to 127.0.0.1 (DNS rebinding): to the browser it is
    # that site's own origin, so only the Host header it sends tells the server
    rebound = {"Host": f"rebind.attacker.example:{server.port}"}
    loopback = f"http://127.0.0.1:{server.port}"
    # When it asks for a demo sign-in, reads the API, moves the clock, fetches a stored file or a page
    attempts = [
        ("POST", "/api/local/session", {"role": "admin"}),
        ("GET", "/api/filings", None),
        ("PUT", "/api/local/clock", {"today": "2025-01-01"}),
        ("GET", stored["link"].split(str(server.port), 1)[1], None),
        ("GET", "/", None),
    ]
    for method, path, body in attempts:
        answer = requests.request(method, loopback + path, json=body, headers=rebound, timeout=10)
        # Then each is refused before it reaches the API, the store or the site
        assert answer.status_code == 403, (method, path, answer.status_code)
        assert answer.json()["error"]["code"] == "forbidden_host"
    # While the names of this machine itself still reach it
    for name in ("localhost", "127.0.0.1"):
        assert requests.get(f"http://{name}:{server.port}/api/health", timeout=10).status_code == 200

"""`make serve`: the built site at `/`, the API at `/api`, and moto's server standing in for AWS.

Each `/api` request becomes an API Gateway HTTP API (payload 2.0) event for the very handler that runs in
AWS; the JWT authorizer's work (verify the token, hand over its claims) is done here with local tokens.

Safe by default: it listens on 127.0.0.1 only (`HOST=0.0.0.0` opts in, with a warning: the demo login then
serves anyone who can reach it) and answers only requests addressed to a loopback name (DNS rebinding);
`/s3/` lets through only what S3 would accept (`infra/local_s3.py`); no CORS for other origins. Durable by
default: moto's state is journaled under the data folder (`infra/local_store.py`).
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import signal
import socket
import sys
import time
from functools import lru_cache, partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "build" / "site"
MAX_BODY_BYTES = 10 * 1024 * 1024  # API Gateway's own payload limit
S3_PREFIX = "/s3/"  # S3 as the browser sees it locally (AWS_ENDPOINT_URL_S3)
# The pages' run-time settings: locally, the demo login (make deploy writes the deployed one from the stack).
LOCAL_CONFIG = {"auth": {"mode": "demo"}}
MAX_S3_BODY_BYTES = 21 * 1024 * 1024  # a 20 MB upload and its form fields
HOP_HEADERS = frozenset({"content-length", "connection", "transfer-encoding", "server", "date"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

log = logging.getLogger("gdskills.local")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_moto(folder: Path) -> Any:
    """moto's server in this process on 127.0.0.1, quiet, its state replayed from and journaled to `folder`;
    AWS clients find it through AWS_ENDPOINT_URL and sign with the folder's private key."""
    from infra.local_store import DurableMoto, keys

    for name in ("werkzeug", "moto", "botocore", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)
    private = keys(folder)
    os.environ["AWS_SECRET_ACCESS_KEY"] = private["aws_secret_access_key"]  # never the well-known "testing"
    os.environ["GDSKILLS_TOKEN_SECRET"] = private["token_secret"]
    for key, value in {
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
    }.items():
        os.environ.setdefault(key, value)
    port = free_port()
    server = DurableMoto(folder, port)
    replayed = server.start()
    if replayed:
        log.info("已从 %s 恢复 %d 项数据操作", folder, replayed)
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    return server


COMPRESSIBLE = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"})


@lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class Handler(SimpleHTTPRequestHandler):
    server_version = "gdskills-local"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug(format, *args)

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def do_GET(self) -> None:
        self._dispatch(self._static_get)

    def _static_get(self) -> None:
        """Static files, gzip'd when the browser accepts it, as CloudFront serves them (the site's size budget)."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("accept-encoding", "")
        if not accepts_gzip or path.suffix not in COMPRESSIBLE or not path.is_file():
            super().do_GET()  # directories without "/" are redirected there, other files sent as they are
            return
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self._dispatch(super().do_HEAD)

    def do_POST(self) -> None:
        self._dispatch(None)

    def do_PUT(self) -> None:
        self._dispatch(None)

    def do_PATCH(self) -> None:
        self._dispatch(None)

    def do_DELETE(self) -> None:
        self._dispatch(None)

    def do_OPTIONS(self) -> None:
        self._dispatch(None)

    def _length(self) -> int | None:
        """The declared body length, or None (after answering 400) when it is not a number."""
        try:
            length = int(self.headers.get("content-length") or 0)
        except ValueError:
            length = -1
        if length < 0:
            self.close_connection = True
            self._json(400, {"error": {"code": "bad_request", "message": "Content-Length 无效", "fields": []}})
            return None
        return length

    def _dispatch(self, static: Any) -> None:
        path = urlsplit(self.path).path
        if not self._host_allowed():
            message = "本地服务器只接受以 localhost 访问的请求（HOST=0.0.0.0 时除外）"
            self._json(403, {"error": {"code": "forbidden_host", "message": message, "fields": []}})
        elif path == "/api" or path.startswith("/api/"):
            self._api()
        elif path.startswith(S3_PREFIX):
            self._s3()
        elif path == "/config.json" and static is not None:
            self._json(200, LOCAL_CONFIG, {"Cache-Control": "no-store"})
        elif static is not None:
            static()
        else:
            self._json(405, {"error": {"code": "method_not_allowed", "message": "不支持该请求方法", "fields": []}})

    def _host_allowed(self) -> bool:
        """Against DNS rebinding: a page on another site whose name is made to point at 127.0.0.1 is, to the
        browser, its own origin, so CORS does not stop it signing in with the demo login and reading the API.
        A loopback server answers only requests addressed to a loopback name."""
        allowed: frozenset[str] | None = getattr(self.server, "allowed_hosts", LOOPBACK)
        host = self.headers.get("host", "")
        if allowed is None or not host:
            return True
        try:
            name = urlsplit(f"//{host}").hostname or ""
        except ValueError:
            return False
        return name in allowed

    def _json(self, status: int, payload: Any, extra: dict[str, str] | None = None) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _s3(self) -> None:
        """The browser's presigned uploads and downloads reach moto's S3 through us (same origin, no CORS),
        checked as S3 checks them; anything else is refused (`infra/local_s3.py`)."""
        import http.client

        from infra import local_s3

        length = self._length()
        if length is None:
            return
        if length > MAX_S3_BODY_BYTES:
            self.close_connection = True
            self._s3_refuse(local_s3.Refusal(400, "EntityTooLarge", "Your proposed upload exceeds the maximum"))
            return
        body = self.rfile.read(length) if length else None
        target = self.path[len(S3_PREFIX) - 1 :]
        host = self.headers.get("host", "")
        headers = dict(self.headers.items())
        try:
            if local_s3.check_header_signed(self.command, self.path, headers, host, self.client_address[0]):
                pass  # the function's own call, signed with this server's private key
            elif self.command in ("GET", "HEAD"):
                local_s3.check_presigned_get(self.command, self.path, headers, host)
            elif self.command == "POST":
                bucket = os.environ.get("MATERIALS_BUCKET", "gdskills-materials")
                local_s3.check_presigned_post(target, self.headers.get("content-type", ""), body or b"", bucket)
            else:
                raise local_s3.DENIED
        except local_s3.Refusal as refusal:
            self._s3_refuse(refusal)
            return
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.moto_port, timeout=60)  # type: ignore[attr-defined]
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        upstream.request(self.command, target, body=body, headers=headers)
        answer = upstream.getresponse()
        payload = answer.read()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in HOP_HEADERS and not key.lower().startswith("access-control-"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        upstream.close()

    def _s3_refuse(self, refusal: Any) -> None:
        body = refusal.xml()
        self.send_response(refusal.status)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _api(self) -> None:
        from infra import local_gateway

        length = self._length()
        if length is None:
            return
        if length > MAX_BODY_BYTES:
            self.close_connection = True
            self._json(413, {"error": {"code": "too_large", "message": "提交的内容超过 10 MB", "fields": []}})
            return
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            status, out_headers, out_body = local_gateway.call(
                self.command, self.path, headers, body, self.client_address[0]
            )
        except Exception:  # the function answers every error itself; this is the gateway's own 500
            log.exception("the function failed")
            self._json(500, {"error": {"code": "internal", "message": "系统内部错误，请稍后重试", "fields": []}})
            return
        self.send_response(status)
        for key, value in out_headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(out_body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(out_body)


class LocalServer(ThreadingHTTPServer):
    """One thread per connection; answers go out at once and a burst of clients waits in the backlog.

    Without TCP_NODELAY an answer written as headers then body met the client's delayed ACK (Nagle holds the
    body until the headers are acknowledged): ~40 ms per request on a kept-alive connection. The default
    backlog of 5 reset connections when 32 clients arrived together.
    """

    daemon_threads = True
    request_queue_size = 128

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, address = super().get_request()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return conn, address


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    own = logging.StreamHandler()
    own.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(own)
    log.setLevel(logging.INFO)
    log.propagate = False  # our few lines stay visible whatever the libraries do to the root logger
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    os.environ.setdefault("GDSKILLS_STAGE", "local")
    port = int(os.environ.get("PORT", "8000"))
    host = os.environ.get("HOST") or "127.0.0.1"
    started = time.perf_counter()
    from infra.local_store import data_dir, lock

    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    held = lock(folder)
    moto = start_moto(folder)
    moto_port = int(os.environ["AWS_ENDPOINT_URL"].rsplit(":", 1)[1])
    from infra import local_gateway

    local_gateway.bootstrap()  # straight on moto: this server is not listening yet, so S3 cannot go through it
    os.environ["AWS_ENDPOINT_URL_S3"] = f"http://{os.environ.get('PUBLIC_HOST', 'localhost')}:{port}{S3_PREFIX[:-1]}"
    from functions.dal.aws import reset_clients

    reset_clients()  # from now on S3 (and its presigned URLs) goes through this server, as the browser sees it
    # Both functions imported here, before any thread: the jobs thread and a first request importing Powertools
    # at once met its partly initialised modules (ImportError, a 500 for that request).
    import functions.api.handler
    import functions.jobs.handler  # noqa: F401
    from infra import local_jobs

    local_jobs.start()  # the export queue, run in-process as the export function would
    if host not in LOOPBACK:
        log.warning(
            "警告：HOST=%s，本服务对网络上的其他计算机开放；演示登录可让任何人以任意角色登录，仅可在可信网络中使用",
            host,
        )
    server = LocalServer((host, port), partial(Handler, directory=str(SITE_DIR)))
    server.moto_port = moto_port  # type: ignore[attr-defined]
    public = os.environ.get("PUBLIC_HOST", "").lower()
    server.allowed_hosts = LOOPBACK | {public} - {""} if host in LOOPBACK else None  # type: ignore[attr-defined]
    signal.signal(signal.SIGINT, _interrupt)  # also when started with SIGINT ignored (a background job)
    signal.signal(signal.SIGTERM, _interrupt)
    if not SITE_DIR.exists():
        log.info("站点尚未构建（build/site 不存在）：请用 make serve 启动，它会先构建站点")
    log.info(
        "gdskills 已启动（%.1f 秒）：http://localhost:%d/  API: http://localhost:%d/api/health",
        time.perf_counter() - started,
        port,
        port,
    )
    log.info("数据保存在 %s（make reset 清空）；按 Ctrl-C 停止", folder)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("正在停止……")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server.server_close()
        moto.stop()
        held.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

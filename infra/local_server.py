"""`make serve`: the built site at `/`, the API at `/api`, and moto's server standing in for AWS.

Each `/api` request becomes an API Gateway HTTP API (payload 2.0) event for the very handler that runs in
AWS; the JWT authorizer's work (verify the token, hand over its claims) is done here with local tokens.
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

log = logging.getLogger("gdskills.local")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_moto() -> Any:
    """moto's server in this process, quiet; AWS clients find it through AWS_ENDPOINT_URL."""
    from moto.server import ThreadedMotoServer

    for name in ("werkzeug", "moto", "botocore", "urllib3"):
        logging.getLogger(name).setLevel(logging.ERROR)
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    os.environ["AWS_ENDPOINT_URL"] = f"http://127.0.0.1:{port}"
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_REGION": "us-east-1",
    }.items():
        os.environ.setdefault(key, value)
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
        if path == "/api" or path.startswith("/api/"):
            self._api()
        elif path.startswith(S3_PREFIX):
            self._s3()
        elif path == "/config.json" and static is not None:
            self._json(200, LOCAL_CONFIG, {"Cache-Control": "no-store"})
        elif static is not None:
            static()
        else:
            self._json(405, {"error": {"code": "method_not_allowed", "message": "不支持该请求方法", "fields": []}})

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
        """The browser's presigned uploads and downloads reach moto's S3 through us: same origin, no CORS."""
        import http.client

        length = self._length()
        if length is None:
            return
        body = self.rfile.read(length) if length else None
        target = self.path[len(S3_PREFIX) - 1 :]
        upstream = http.client.HTTPConnection("127.0.0.1", self.server.moto_port, timeout=60)  # type: ignore[attr-defined]
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        upstream.request(self.command, target, body=body, headers=headers)
        answer = upstream.getresponse()
        payload = answer.read()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)
        upstream.close()

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
    started = time.perf_counter()
    moto = start_moto()
    moto_port = int(os.environ["AWS_ENDPOINT_URL"].rsplit(":", 1)[1])
    from infra import local_gateway

    local_gateway.bootstrap()  # straight on moto: this server is not listening yet, so S3 cannot go through it
    os.environ["AWS_ENDPOINT_URL_S3"] = f"http://{os.environ.get('PUBLIC_HOST', 'localhost')}:{port}{S3_PREFIX[:-1]}"
    from functions.dal.aws import reset_clients

    reset_clients()  # from now on S3 (and its presigned URLs) goes through this server, as the browser sees it
    from infra import local_jobs

    local_jobs.start()  # the export queue, run in-process as the export function would
    server = LocalServer(
        ("127.0.0.1" if os.environ.get("BIND_LOCAL") else "0.0.0.0", port), partial(Handler, directory=str(SITE_DIR))
    )
    server.moto_port = moto_port  # type: ignore[attr-defined]
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
    log.info("按 Ctrl-C 停止")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("正在停止……")
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server.server_close()
        moto.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Durable local AWS: moto's server behind a journal, so `make serve` keeps everything across restarts.

Every request that changes moto's state and succeeds (status < 400) is appended to `moto-journal.jsonl` in the
data folder (`GDSKILLS_DATA`, else `.data/`) and fsync'd *before* its answer leaves: what a caller was told
is stored is on disk, even after `kill -9`. At start the journal is replayed, in order, into a fresh moto
(requests that failed changed nothing and are not kept; reads are not kept). A torn last line (a kill while
writing it, so never answered) is dropped. Once the journal passes 16 MiB (`GDSKILLS_JOURNAL_COMPACT_BYTES`),
at start or while serving, it is rewritten as a snapshot of the state now (`infra/local_compact.py`). The
folder also holds the keys the local server signs with (presigned S3 URLs, demo-login tokens), so both survive
a restart. An empty folder is an empty system; `make reset` empties it.

What moto itself makes up at random (SQS receipt handles, S3 version ids, Cognito `sub`s) may differ after a
replay; nothing here keys on them.
"""

from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import re
import secrets
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JOURNAL = "moto-journal.jsonl"
KEYS = "local-keys.json"
LOCK = ".lock"
COMPACTING = JOURNAL + ".compacting"  # a compaction cut short: the journal beside it is whole
OWN_FILES = (JOURNAL, KEYS, LOCK, COMPACTING)
COMPACT_AT = 16 * 2**20
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
# Operations that only read (AWS JSON protocol X-Amz-Target, or a query-protocol Action).
READ_ONLY = re.compile(r"(^|\.)(Get|Describe|List|Query|Scan|BatchGet|TransactGet|Receive|Head|AdminGet)[A-Za-z]*$")
ENVIRON_KEYS = (
    "REQUEST_METHOD",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "REQUEST_URI",
    "RAW_URI",
    "SERVER_NAME",
    "SERVER_PORT",
    "SERVER_PROTOCOL",
    "CONTENT_TYPE",
    "REMOTE_ADDR",
)

StartResponse = Callable[..., Any]


def data_dir() -> Path:
    return Path(os.environ.get("GDSKILLS_DATA") or ROOT / ".data").resolve()


def keys(folder: Path) -> dict[str, str]:
    """This data folder's private keys (made on first use): S3 signing secret, demo-login token secret."""
    path = folder / KEYS
    if path.exists():
        stored: dict[str, str] = json.loads(path.read_text())
        return stored
    made = {"aws_secret_access_key": secrets.token_urlsafe(30), "token_secret": secrets.token_hex(32)}
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(made))
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)
    return made


def lock(folder: Path) -> Any:
    """Hold the folder for this process: two servers on one journal would interleave it."""
    handle = (folder / LOCK).open("w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit(f"数据目录 {folder} 已被另一个本地服务器使用") from None
    return handle


def _changes_state(environ: dict[str, Any], body: bytes) -> bool:
    if environ["REQUEST_METHOD"] in ("GET", "HEAD", "OPTIONS"):
        return False
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    if not target and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        found = re.search(rb"(?:^|&)Action=([A-Za-z]+)", body)
        target = found.group(1).decode() if found else ""
    return not (target and READ_ONLY.search(target))


def _ours(environ: dict[str, Any]) -> bool:
    """Only the functions' own calls: addressed to a loopback name (a page rebinding its name to 127.0.0.1 is
    not), and never moto's own API (`/moto-api/`: its dashboard dumps every item, its reset wipes them)."""
    from urllib.parse import urlsplit

    host = str(environ.get("HTTP_HOST", ""))
    try:
        name = urlsplit(f"//{host}").hostname if host else "localhost"
    except ValueError:
        return False
    path = str(environ.get("PATH_INFO", ""))
    return name in LOOPBACK and not path.lstrip("/").startswith("moto-api")


class Journal:
    """WSGI middleware over moto: state-changing requests run one at a time and are journaled before answering."""

    def __init__(self, app: Callable[..., Iterable[bytes]], path: Path, compact_at: int | None = None) -> None:
        self.app = app
        self.path = path
        self.lock = threading.Lock()
        self.file: Any = None
        self.limit = compact_at or int(os.environ.get("GDSKILLS_JOURNAL_COMPACT_BYTES") or COMPACT_AT)
        self.compact_at = self.limit

    def replay(self) -> int:
        """Re-apply the journal into the (fresh) app; answer how many requests it held."""
        count, good = 0, 0
        self.path.with_name(COMPACTING).unlink(missing_ok=True)
        if self.path.exists():
            with self.path.open("rb") as journal:
                for line in journal:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        break  # a torn last line: it was never answered
                    if not line.endswith(b"\n"):
                        break
                    self._run(self._environ(entry), base64.b64decode(entry["body"]))
                    good += len(line)
                    count += 1
            with self.path.open("r+b") as journal:
                journal.truncate(good)
        self.file = self.path.open("ab")
        return count

    def compact(self) -> tuple[int, int]:
        """Rewrite the journal as a snapshot of the state now (hold `lock` while serving); (bytes before, after)."""
        from infra.local_compact import read, rewrite, snapshot

        if self.file:
            self.file.close()
        before = self.path.stat().st_size if self.path.exists() else 0
        entries = snapshot(read(self.path), lambda entry, body: self._run(self._environ(entry), body))
        after = rewrite(self.path, entries)
        self.file = self.path.open("ab")
        self.compact_at = max(self.limit, 2 * after)  # what cannot be compacted away does not compact again
        return before, after

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        from werkzeug.wsgi import get_input_stream

        if not _ours(environ):
            start_response("403 Forbidden", [("Content-Type", "text/plain"), ("Content-Length", "9")])
            return [b"Forbidden"]
        body = get_input_stream(environ).read()
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        environ.pop("HTTP_TRANSFER_ENCODING", None)
        if not _changes_state(environ, body):
            return self.app(environ, start_response)
        with self.lock:
            status, headers, payload = self._run(environ, body)
            if int(status.split()[0]) < 400:
                entry = {k: environ[k] for k in ENVIRON_KEYS if k in environ}
                entry.update({k: v for k, v in environ.items() if k.startswith("HTTP_")})
                entry["body"] = base64.b64encode(body).decode()
                self.file.write(json.dumps(entry).encode() + b"\n")
                self.file.flush()
                os.fsync(self.file.fileno())
                if self.file.tell() >= self.compact_at:
                    self.compact()
        start_response(status, headers)
        return [payload]

    def _environ(self, entry: dict[str, Any]) -> dict[str, Any]:
        environ = {k: v for k, v in entry.items() if k != "body"}
        environ.update({"wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "wsgi.version": (1, 0)})
        environ.update({"wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False})
        return environ

    def _run(self, environ: dict[str, Any], body: bytes) -> tuple[str, list[tuple[str, str]], bytes]:
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        answer: dict[str, Any] = {}

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            answer["status"], answer["headers"] = status, headers
            return lambda _: None

        chunks = self.app(environ, start)
        try:
            payload = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()
        return answer["status"], answer["headers"], payload


class DurableMoto:
    """moto's server on 127.0.0.1 (a free port), its state replayed from and journaled to `folder`."""

    def __init__(self, folder: Path, port: int) -> None:
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

        self.folder = folder
        self.port = port
        self.journal = Journal(DomainDispatcherApplication(create_backend_app), folder / JOURNAL)
        self.server: Any = None
        self.thread: threading.Thread | None = None

    def start(self) -> int:
        """Replay, then serve; answers the number of requests replayed."""
        from moto.moto_server.werkzeug_app import MotoRequestHandler
        from werkzeug.serving import make_server

        replayed = self.journal.replay()
        if self.journal.file.tell() >= self.journal.compact_at:
            self.journal.compact()
        self.server = make_server("127.0.0.1", self.port, self.journal, True, request_handler=MotoRequestHandler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return replayed

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
        if self.journal.file:
            self.journal.file.close()


def reset(folder: Path) -> None:
    """Empty the data folder of what this system keeps there (nothing else in it is touched)."""
    for name in OWN_FILES:
        (folder / name).unlink(missing_ok=True)


if __name__ == "__main__":  # `make reset`
    if sys.argv[1:] == ["reset"]:
        reset(data_dir())
        print(f"已清空本地数据：{data_dir()}")

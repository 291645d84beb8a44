"""The local server as `make serve` runs it, in a subprocess on a free port with its own data folder, and a
small HTTP client speaking to it as the pages do (demo login, JSON API, presigned uploads through `/s3/`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from infra.local_server import free_port
from tests.factories import PDF_BYTES, upload_request

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class LocalServer:
    data: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://localhost:{self.port}"

    def start(self, **env: str) -> LocalServer:
        log = (self.data.parent / f"server-{self.port}.log").open("ab")
        environ = {**os.environ, "PORT": str(self.port), "GDSKILLS_DATA": str(self.data), **env}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "infra.local_server"], cwd=ROOT, env=environ, stdout=log, stderr=log
        )
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(f"{self.base}/api/health", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the local server did not start; see {log.name}")
            time.sleep(0.2)

    def kill(self) -> None:
        """Stop it hard, as a power cut or `kill -9` would: no clean-up runs."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    # ---- speaking to it as the pages do -----------------------------------------------------------------

    def login(self, role: str, **extra: str) -> str:
        answer = requests.post(f"{self.base}/api/local/session", json={"role": role, **extra}, timeout=10)
        assert answer.status_code == 200, answer.text
        return str(answer.json()["token"])

    def call(self, method: str, path: str, token: str | None = None, body: Any = None, **kw: Any) -> requests.Response:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        return requests.request(
            method, f"{self.base}{path}", data=data, headers={**headers, **kw.pop("headers", {})}, timeout=60, **kw
        )

    def ok(self, method: str, path: str, token: str | None = None, body: Any = None, status: int = 200) -> Any:
        answer = self.call(method, path, token, body)
        assert answer.status_code == status, (path, answer.status_code, answer.text[:500])
        return answer.json()

    def declare(self, token: str, purpose: str, data: bytes = PDF_BYTES) -> dict[str, Any]:
        answer: dict[str, Any] = self.ok("POST", "/api/uploads", token, upload_request(purpose, data), status=201)
        return answer

    def post_file(self, declared: dict[str, Any], data: bytes, content_type: str = "application/pdf") -> int:
        files = {"file": ("file.pdf", data, content_type)}
        return requests.post(declared["url"], data=declared["fields"], files=files, timeout=30).status_code

    def upload(self, token: str, purpose: str, data: bytes = PDF_BYTES) -> str:
        declared = self.declare(token, purpose, data)
        assert self.post_file(declared, data) in (200, 201, 204)
        return str(declared["key"])

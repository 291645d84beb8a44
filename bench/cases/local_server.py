"""The local server (`make serve`) under 1, 8 and 32 kept-alive clients on loopback: p50/p99 and errors for
`/api/health` and the eligibility check. Goals (issue 13): p50 < 5 ms at one client, no errors at 32."""

from __future__ import annotations

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bench.registry import Row, benchmark
from bench.samples import ELIGIBILITY_REQUESTS
from bench.timing import ROOT

P50_LIMIT_MS = 5.0
CLIENTS = (1, 8, 32)
REQUESTS = 640  # per level, shared among its clients (bounded: 640 at one client, 20 each at 32)
ROUTES = {
    "/api/health": ("GET", None),
    "/api/eligibility/check": ("POST", json.dumps(ELIGIBILITY_REQUESTS[0], ensure_ascii=False).encode()),
}


@contextmanager
def _server() -> Iterator[int]:
    from infra.local_server import free_port

    port = free_port()
    data = tempfile.mkdtemp(prefix="gdskills-bench-")  # an empty system of its own, never the developer's .data/
    env = {**os.environ, "PORT": str(port), "GDSKILLS_DATA": data, "POWERTOOLS_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen(
        [sys.executable, "-m", "infra.local_server"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/api/health")
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the local server did not start") from None
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


def _client(port: int, path: str, count: int, latencies: list[float], errors: list[int]) -> None:
    method, body = ROUTES[path]
    headers = {"content-type": "application/json"} if body else {}
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for _ in range(count):
        start = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            answer = conn.getresponse()
            answer.read()
            if answer.status != 200:
                errors.append(answer.status)
                continue
        except (OSError, http.client.HTTPException):
            errors.append(0)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            continue
        latencies.append(time.perf_counter() - start)
    conn.close()


def _load(port: int, path: str, clients: int) -> tuple[float, float, int, int]:
    latencies: list[float] = []
    errors: list[int] = []
    threads = [
        threading.Thread(target=_client, args=(port, path, REQUESTS // clients, latencies, errors))
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return cuts[49] * 1000, cuts[98] * 1000, len(errors), len(latencies)


@benchmark("local-server")
def local_server_latency() -> list[Row]:
    rows: list[Row] = []
    with _server() as port:
        for path in ROUTES:
            _load(port, path, 1)  # warm the route (imports, reference data)
            for clients in CLIENTS:
                p50, p99, errors, done = _load(port, path, clients)
                rows.append(
                    Row(
                        f"local server {path}, {clients} client{'s' if clients > 1 else ''}, p50",
                        p50,
                        "ms",
                        limit=P50_LIMIT_MS if clients == 1 else None,
                        note=f"p99 {p99:.1f} ms; {done} answered, keep-alive",
                    )
                )
                rows.append(
                    Row(
                        f"  errors at {clients} client{'s' if clients > 1 else ''}",
                        errors,
                        "",
                        limit=0 if clients == 32 else None,
                    )
                )
    return rows

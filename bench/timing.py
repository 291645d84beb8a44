"""Small timing helpers: best of several runs in-process, median of several fresh interpreters."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_of(func: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs of `func`, in seconds (the least disturbed by the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def rates(funcs: dict[str, Callable[[], object]], batches: int = 7, batch_seconds: float = 0.2) -> dict[str, float]:
    """Calls per CPU second of each function: the best of `batches` windows of `batch_seconds` of this thread's
    CPU time.

    The functions measured here compute and never wait, so CPU time is their cost; wall time would also count
    the moments another process had the core (on this shared 2-core machine, 30–60% more under load). The
    functions take turns window by window, so that what remains of a busy moment (caches) touches all alike.
    """
    best = dict.fromkeys(funcs, 0.0)
    for _ in range(batches):
        for name, func in funcs.items():
            calls, start = 0, time.thread_time()
            deadline = start + batch_seconds
            while True:
                func()
                calls += 1
                now = time.thread_time()
                if now >= deadline:
                    break
            best[name] = max(best[name], calls / (now - start))
    return best


def import_seconds(setups: dict[str, str], runs: int = 7) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds, per named snippet, of executing it in a fresh interpreter (timed inside it).

    The snippets take turns run by run, so that a busy moment on the machine touches all of them alike; one
    discarded round first writes the bytecode caches, as a deployed package would ship them. CPU time is the
    steadier figure on a shared machine; wall time is what a cold start costs on a machine of one's own.
    """
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in setups}
    for round_ in range(runs + 1):
        for name, setup in setups.items():
            code = (
                "import time\n_w, _c = time.perf_counter(), time.process_time()\n"
                f"{setup}\nprint(time.perf_counter() - _w, time.process_time() - _c)\n"
            )
            done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
            if round_:
                wall, cpu = done.stdout.strip().splitlines()[-1].split()
                samples[name].append((float(wall), float(cpu)))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in samples.items()
    }


def import_profile(module: str, top: int = 15) -> list[tuple[str, int, int]]:
    """The `top` modules by cumulative import time when importing `module` (`python -X importtime`).

    Each is (module, self µs, cumulative µs); nested modules appear under their parents too.
    """
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        rows.append((name, int(self_us), int(cumulative_us)))
    rows.sort(key=lambda r: r[2], reverse=True)
    return rows[:top]

"""The registry of named benchmarks and the row each one reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    """One measured figure; `limit` (same unit) makes the row pass or fail, `higher_is_better` its direction."""

    name: str
    value: float
    unit: str
    limit: float | None = None
    higher_is_better: bool = False
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.limit is None:
            return ""
        ok = self.value >= self.limit if self.higher_is_better else self.value <= self.limit
        return "ok" if ok else "SLOW"

    @property
    def target(self) -> str:
        if self.limit is None:
            return ""
        return f"{'>=' if self.higher_is_better else '<='} {format_number(self.limit)} {self.unit}"


Benchmark = Callable[[], list[Row]]
BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(name: str) -> Callable[[Benchmark], Benchmark]:
    """Register `func` under `name`; names run in the order their modules are discovered."""

    def register(func: Benchmark) -> Benchmark:
        if name in BENCHMARKS:
            raise ValueError(f"benchmark {name!r} registered twice")
        BENCHMARKS[name] = func
        return func

    return register


def format_number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"

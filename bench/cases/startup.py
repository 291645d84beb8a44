"""Cold-start import cost: the API handler against a bare Powertools resolver, each in fresh interpreters."""

from __future__ import annotations

import subprocess

from bench.registry import Row, benchmark
from bench.timing import import_seconds

RUNS = 7
BARE = (
    "from aws_lambda_powertools.event_handler import APIGatewayHttpResolver\n"
    "APIGatewayHttpResolver(enable_validation=True)"
)
HANDLER = "import functions.api.handler"


@benchmark("startup")
def handler_import() -> list[Row]:
    note = f"median of {RUNS} fresh processes, taking turns"
    try:
        medians = import_seconds({"bare": BARE, "handler": HANDLER}, RUNS)
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or "").strip().splitlines()[-1:] or ["?"]
        return [Row("import: functions.api.handler", float("nan"), "ms", note=f"failed: {last[0]}")]
    bare, handler = medians["bare"], medians["handler"]
    return [
        Row("import: bare resolver (validation on)", bare * 1000, "ms", note=note),
        Row("import: functions.api.handler", handler * 1000, "ms", note=note),
        Row("import: handler minus bare resolver", (handler - bare) * 1000, "ms", note="our routes, schemas, data"),
    ]

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
    try:
        medians = import_seconds({"bare": BARE, "handler": HANDLER}, RUNS)
    except subprocess.CalledProcessError as exc:
        last = (exc.stderr or "").strip().splitlines()[-1:] or ["?"]
        return [Row("import: functions.api.handler", float("nan"), "ms", note=f"failed: {last[0]}")]
    (bare_wall, bare_cpu), (handler_wall, handler_cpu) = medians["bare"], medians["handler"]
    note = f"median of {RUNS} fresh processes; CPU {{cpu:.0f}} ms"
    return [
        Row("import: bare resolver (validation on)", bare_wall * 1000, "ms", note=note.format(cpu=bare_cpu * 1000)),
        Row("import: functions.api.handler", handler_wall * 1000, "ms", note=note.format(cpu=handler_cpu * 1000)),
        Row(
            "import: handler minus bare resolver",
            (handler_wall - bare_wall) * 1000,
            "ms",
            note=f"our routes, schemas, data; CPU {(handler_cpu - bare_cpu) * 1000:.0f} ms",
        ),
    ]

"""Lambda entry point of the HTTP API: `functions.api.handler.lambda_handler`."""

from __future__ import annotations

import gc
from typing import Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.utilities.typing import LambdaContext

from functions.api.app import app
from functions.api.routes import (
    accounts,
    administered,
    certificates,
    documents,
    drafts,
    evidence,
    outputs,
    public,
    publication,
    records,
    review,
    stats,
)
from functions.observability import with_invocation_keys

app.include_router(public.router)
app.include_router(accounts.router)
app.include_router(administered.router)
app.include_router(records.router)
app.include_router(review.router)
app.include_router(outputs.router)
app.include_router(drafts.router)
app.include_router(evidence.router)
app.include_router(stats.router)
app.include_router(certificates.router)
app.include_router(documents.router)
app.include_router(publication.router)

# The collector, for a process serving one request at a time. A 2,000-candidate report keeps ~200,000 objects
# alive for its request; at CPython's default first threshold (700) they are promoted generation by generation
# until a full collection scans the whole heap mid-request (≈ 100 ms of a 380 ms POST, `make bench
# report-store`). Objects freed by reference counting never wait for the collector, so a larger first
# generation changes only how often it looks for cycles (10,000: ≈ 10 ms of collection a POST). What the cold
# start imported lives as long as the process: frozen, it is not scanned again by any later collection.
GC_FIRST_THRESHOLD = 10_000
gc.freeze()
gc.set_threshold(GC_FIRST_THRESHOLD)

OPENAPI_TITLE = "gdskills 广东省特级技师、首席技师评聘系统 API"


@app.get("/api/openapi.json", include_in_schema=False)
def openapi_document() -> Response[str]:
    import json

    from functions.api.openapi import complete

    generated = json.loads(app.get_openapi_json_schema(title=OPENAPI_TITLE, version="2024.1", openapi_version="3.1.0"))
    return Response(
        status_code=200,
        content_type="application/json",
        body=json.dumps(complete(generated), ensure_ascii=False, separators=(",", ":")),
    )


@with_invocation_keys
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return app.resolve(event, context)  # every body is read as JSON (functions.api.validation)

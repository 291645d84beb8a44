"""Staff exports: rows streamed into a file in S3, answered with a presigned link; each one audited.

An export whose rows would not fit in one request (more than SYNC_ROWS, counted from the reports' heads)
becomes a job (`functions.services.export_jobs`): the API answers 202 and the export function writes it.
"""

from __future__ import annotations

import secrets
from typing import Any

from functions.auth import Principal
from functions.errors import Forbidden
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.outputs import estimate_rows, export_rows
from functions.services.submissions import log_item
from schemas.reference import cities

EXPORT_AUDIT = "AUDIT#exports"
SYNC_ROWS = 20_000  # [choice] about 1 s of XLSX here (0.5 s CSV), on moto: larger exports run as jobs


def _city(principal: Principal, city: str | None) -> str | None:
    if principal.role == "city_reviewer":
        if city not in (None, principal.city):
            raise Forbidden("地市审核人员只能导出本市的数据")
        return principal.city
    return city


def run_export(stores: Stores, principal: Principal, name: str, fmt: str, filters: dict[str, Any]) -> dict[str, Any]:
    """The file now (`url`), or, when it is too big for one request, the job that will write it (`job`)."""
    city = _city(principal, filters.pop("city", None))
    city_codes = [city] if city else list(cities())
    estimate = estimate_rows(stores, name, city_codes, filters)
    if estimate > SYNC_ROWS:
        from functions.services.export_jobs import queue_job

        return {"job": queue_job(stores, principal, name, fmt, city, filters, estimate)}
    owner = principal.subject or principal.role
    key = f"exports/{owner}/{secrets.token_hex(16)}.{fmt}"
    url, rows = write_file(stores, name, fmt, city_codes, filters, key)
    detail = {"name": name, "format": fmt, "city": city, **filters, "rows": rows}
    at = clock.stamp()
    stores.records.put({**log_item(principal, "export", 0, "done", at), "pk": EXPORT_AUDIT, "detail": detail})
    from functions.exports import export_filename

    return {"url": url, "filename": export_filename(name, fmt), "rows": rows, "name": name, "format": fmt}


def write_file(
    stores: Stores,
    name: str,
    fmt: str,
    city_codes: list[str],
    filters: dict[str, Any],
    key: str,
    progress: Any = None,
) -> tuple[str, int]:
    """Stream the export's rows into `key` in the exports bucket; the presigned link and the row count.

    `progress(rows)` (when given) is called every `export_jobs.PROGRESS_EVERY` rows."""
    from functions.dal.aws import client, settings
    from functions.exports import export_to_s3
    from functions.services.export_jobs import PROGRESS_EVERY

    counted = {"rows": 0}

    def rows() -> Any:
        for row in export_rows(stores, name, city_codes, filters):
            counted["rows"] += 1
            if progress is not None and counted["rows"] % PROGRESS_EVERY == 0:
                progress(counted["rows"])
            yield row

    url = export_to_s3(client("s3"), settings().exports_bucket, key, name, fmt, rows())
    return url, counted["rows"]

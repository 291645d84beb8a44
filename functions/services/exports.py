"""Staff exports: rows streamed into a file in S3, answered with a presigned link; each one audited."""

from __future__ import annotations

import secrets
from typing import Any

from functions.auth import Principal
from functions.errors import Forbidden
from functions.services import clock
from functions.services.kinds import Stores
from functions.services.outputs import export_rows
from functions.services.submissions import log_item
from schemas.reference import cities

EXPORT_AUDIT = "AUDIT#exports"


def run_export(stores: Stores, principal: Principal, name: str, fmt: str, filters: dict[str, Any]) -> dict[str, Any]:
    from functions.dal.aws import client, settings
    from functions.exports import export_filename, export_to_s3

    city = filters.pop("city", None)
    if principal.role == "city_reviewer":
        if city not in (None, principal.city):
            raise Forbidden("地市审核人员只能导出本市的数据")
        city = principal.city
    city_codes = [city] if city else list(cities())
    at = clock.stamp()
    key = f"exports/{principal.subject or principal.role}/{secrets.token_hex(16)}.{fmt}"
    counted = {"rows": 0}

    def rows() -> Any:
        for row in export_rows(stores, name, city_codes, filters):
            counted["rows"] += 1
            yield row

    url = export_to_s3(client("s3"), settings().exports_bucket, key, name, fmt, rows())
    detail = {"name": name, "format": fmt, "city": city, **filters, "rows": counted["rows"]}
    stores.records.put({**log_item(principal, "export", 0, "done", at), "pk": EXPORT_AUDIT, "detail": detail})
    return {"url": url, "filename": export_filename(name, fmt), "rows": counted["rows"], "name": name, "format": fmt}

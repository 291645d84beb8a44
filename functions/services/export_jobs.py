"""Exports too big for one request: a job queued on SQS, written to S3 by the export function, followed by id.

`GET /api/exports/{name}` answers 202 with the job when its rows would not fit in one request; the export
function (`functions.jobs.handler`) writes the file, counting rows on the job item as it goes; `GET
/api/exports/jobs/{id}` answers the job's status, its progress and, once done, a presigned link.
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from functions.auth import Principal
from functions.errors import NotFound, ServiceUnavailable
from functions.services import clock
from functions.services.kinds import Stores

JOB_SK = "JOB"
PROGRESS_EVERY = 10_000  # rows between progress updates on the job item
JOB_DAYS = 7  # a job item (and the file's link) is kept a week, then DynamoDB's TTL removes it


def job_pk(job_id: str) -> str:
    return f"EXPORTJOB#{job_id}"


def queue_job(stores: Stores, principal: Principal, name: str, fmt: str, city: str | None,
              filters: dict[str, Any], estimate: int) -> dict[str, Any]:  # fmt: skip
    """Store the job item, then put its id on the export queue; answer the job as the API shows it."""
    from functions.dal.aws import client, settings

    job_id = f"EXP-{clock.now():%Y%m%d}-{secrets.token_hex(8)}"
    at = clock.stamp()
    job = {
        "pk": job_pk(job_id),
        "sk": JOB_SK,
        "id": job_id,
        "by": principal.subject or principal.role,
        "role": principal.role,
        "name": name,
        "format": fmt,
        "city": city,
        "filters": {k: v for k, v in filters.items() if v is not None},
        "status": "queued",
        "rows": 0,
        "estimate": estimate,
        "created_at": at,
        "updated_at": at,
        "ttl": int(clock.now().timestamp()) + JOB_DAYS * 86400,
    }
    stores.records.put(job, "attribute_not_exists(pk)")
    queue_url = settings().export_queue_url
    if not queue_url:
        raise ServiceUnavailable("导出队列未配置，请稍后重试")
    try:
        client("sqs").send_message(QueueUrl=queue_url, MessageBody=json.dumps({"job_id": job_id}))
    except Exception as exc:  # the job item stays "queued"; nobody will run it, so say so now
        raise ServiceUnavailable("导出任务未能排队，请稍后重试") from exc
    return view(job)


def view(job: dict[str, Any], url: str | None = None) -> dict[str, Any]:
    keep = ("id", "name", "format", "city", "filters", "status", "rows", "estimate", "filename", "created_at",
            "updated_at")  # fmt: skip
    answer = {**{k: job[k] for k in keep if k in job}, "url": url}
    if job["status"] == "failed":
        answer["error"] = job.get("error")
    return answer


def job_status(stores: Stores, principal: Principal, job_id: str) -> dict[str, Any]:
    """The job as its owner sees it; a link to the file (presigned, short-lived) once it is done."""
    job = stores.records.get(job_pk(job_id), JOB_SK)
    if job is None or job["by"] != (principal.subject or principal.role):
        raise NotFound("找不到该导出任务")
    url = None
    if job["status"] == "done":
        from functions.dal.aws import client, settings
        from functions.exports._s3 import LINK_SECONDS

        url = client("s3").generate_presigned_url(
            "get_object", Params={"Bucket": settings().exports_bucket, "Key": job["key"]}, ExpiresIn=LINK_SECONDS
        )
    return view(job, url)


def run_job(stores: Stores, job_id: str) -> int:
    """Write the job's file (the export function calls this); the rows written. Safe to run again."""
    from functions.exports import export_filename
    from functions.services.exports import EXPORT_AUDIT, write_file
    from schemas.reference import cities

    pk = job_pk(job_id)
    job = stores.records.get(pk, JOB_SK)
    if job is None:
        return 0  # expired or never stored: nothing to write, nothing to retry
    if job["status"] == "done":
        return int(job["rows"])  # SQS delivers at least once
    stores.records.set_fields(pk, JOB_SK, {"status": "running", "rows": 0, "updated_at": clock.stamp()})
    city_codes = [job["city"]] if job.get("city") else list(cities())
    key = f"exports/{job['by']}/{job_id}.{job['format']}"

    def progress(rows: int) -> None:
        stores.records.set_fields(pk, JOB_SK, {"rows": rows, "updated_at": clock.stamp()})

    try:
        _, rows = write_file(stores, job["name"], job["format"], city_codes, dict(job["filters"]), key, progress)
    except Exception:
        stores.records.set_fields(pk, JOB_SK, {"status": "failed", "error": "导出失败，系统将自动重试"})
        raise
    at = clock.stamp()
    filename = export_filename(job["name"], job["format"])
    stores.records.set_fields(pk, JOB_SK, {"status": "done", "rows": rows, "key": key, "filename": filename,
                                           "updated_at": at})  # fmt: skip
    detail = {"name": job["name"], "format": job["format"], "city": job.get("city"), **job["filters"], "rows": rows,
              "job": job_id}  # fmt: skip
    audit = {"sk": f"LOG#{at}#{secrets.token_hex(4)}", "action": "export", "by": job["by"], "role": job["role"],
             "version": 0, "status": "done", "at": at}  # fmt: skip
    stores.records.put({**audit, "pk": EXPORT_AUDIT, "detail": detail})
    return rows

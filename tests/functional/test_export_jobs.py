"""Exports that finish at any size: a big one becomes a job (202), the export function writes it, the owner
follows it to a link. 200,000 result rows are seeded straight through the data layer, not 100 API calls."""

from __future__ import annotations

import csv
import io
import os
from typing import Any

import pytest

from bench.seed import seed_reports as _seed_reports
from tests.factories import city_claims, province_claims

REPORTS, PER_REPORT = 100, 2000


def _run_queued_jobs() -> int:
    from infra.local_jobs import deliver_once

    done = 0
    while received := deliver_once(os.environ["EXPORT_QUEUE_URL"]):
        done += received
    return done


def _csv_rows(job: dict[str, Any]) -> list[list[str]]:
    from functions.dal.aws import client, settings

    s3 = client("s3")
    (obj,) = [o for o in s3.list_objects_v2(Bucket=settings().exports_bucket)["Contents"] if job["id"] in o["Key"]]
    text = s3.get_object(Bucket=settings().exports_bucket, Key=obj["Key"])["Body"].read().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _xlsx_rows(job: dict[str, Any]) -> list[tuple[Any, ...]]:
    import openpyxl

    from functions.dal.aws import client, settings

    s3 = client("s3")
    (obj,) = [o for o in s3.list_objects_v2(Bucket=settings().exports_bucket)["Contents"] if job["id"] in o["Key"]]
    data = s3.get_object(Bucket=settings().exports_bucket, Key=obj["Key"])["Body"].read()
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).active
    return [tuple((cell.data_type, cell.value) for cell in row) for row in sheet.iter_rows()]


def test_an_xlsx_job_streams_every_row_with_id_numbers_as_text(aws, call_api, monkeypatch):
    # Given 3,000 result rows and a request limit below them
    monkeypatch.setattr("functions.services.exports.SYNC_ROWS", 1000)
    _seed_reports(3, 1000)
    # When the province asks for the XLSX and the export function runs the job
    status, job = call_api("GET", "/api/exports/results", query={"format": "xlsx"}, claims=province_claims(),
                           headers={"accept": "application/json"})  # fmt: skip
    assert status == 202, job
    assert _run_queued_jobs() == 1
    status, done = call_api("GET", f"/api/exports/jobs/{job['id']}", claims=province_claims())
    assert (status, done["status"], done["rows"]) == (200, "done", 3000)
    assert done["filename"].endswith(".xlsx")
    # Then the workbook (read back with openpyxl) has the header and every candidate once
    header, *rows = _xlsx_rows(job)
    headers = [value for _, value in header]
    assert len(rows) == 3000
    name, id_col, score, day = (headers.index(h) for h in ("姓名", "身份证号码", "评审成绩", "评审日期"))
    assert len({row[name][1] for row in rows}) == 3000
    # And ID numbers are 18-character text cells, scores numbers, review dates dates
    assert all(row[id_col][0] == "s" and len(row[id_col][1]) == 18 for row in rows)
    assert {row[score][0] for row in rows} == {"n"}
    assert {row[day][1].date().isoformat() for row in rows} == {"2024-04-26"}


# Some 10 s of CPU: `make test` (and so CI) runs it, a developer's quick `pytest` run need not.
@pytest.mark.skipif(not os.environ.get("GDSKILLS_FULL_TESTS"), reason="scale test: run by make test")
def test_a_200000_row_results_export_completes_as_a_job(aws, call_api):
    # Given 100 approved reports of 2,000 candidates each: 200,000 result rows over four cities
    _seed_reports(REPORTS, PER_REPORT)
    # When the province asks for the results export
    status, job = call_api("GET", "/api/exports/results", query={"format": "csv"}, claims=province_claims(),
                           headers={"accept": "application/json"})  # fmt: skip
    # Then it is too big for one request: 202, a job queued with its estimate, no link yet
    assert status == 202, job
    assert (job["status"], job["estimate"], job["url"]) == ("queued", REPORTS * PER_REPORT, None)
    # When the export function takes the queue
    assert _run_queued_jobs() == 1
    # Then the job is done with every row counted and a link to the file
    status, done = call_api("GET", f"/api/exports/jobs/{job['id']}", claims=province_claims())
    assert status == 200, done
    assert (done["status"], done["rows"]) == ("done", REPORTS * PER_REPORT)
    assert done["url"]
    assert done["filename"].endswith(".csv")
    # And the file holds a header and all 200,000 candidates, each once
    rows = _csv_rows(job)
    assert len(rows) == 1 + REPORTS * PER_REPORT
    names = {row[rows[0].index("姓名")] for row in rows[1:]}
    assert len(names) == REPORTS * PER_REPORT


def test_an_export_job_is_its_owners_alone(aws, call_api, monkeypatch):
    # Given a city reviewer's export big enough for a job (its city only, whatever it asks)
    monkeypatch.setattr("functions.services.exports.SYNC_ROWS", 5000)
    _seed_reports(12, 2000)
    status, job = call_api("GET", "/api/exports/results", query={"format": "csv"}, claims=city_claims("440100"),
                           headers={"accept": "application/json"})  # fmt: skip
    assert status == 202, job
    assert job["city"] == "440100"
    assert job["estimate"] == 3 * 2000
    # When another reviewer asks for it
    status, _ = call_api("GET", f"/api/exports/jobs/{job['id']}", claims=province_claims())
    # Then it is not theirs to see
    assert status == 404


def test_a_small_export_still_answers_at_once(aws, call_api):
    _seed_reports(2, 10)
    status, answer = call_api("GET", "/api/exports/results", query={"format": "csv"}, claims=province_claims(),
                              headers={"accept": "application/json"})  # fmt: skip
    assert status == 200, answer
    assert answer["rows"] == 2 * 10
    assert answer["url"]

"""`/api/health` answers without touching AWS; `/api/health/ready` checks the table and buckets and names what
is missing in a 503."""

from __future__ import annotations

import os


def test_health_is_ok_without_any_resource(call_api):
    # Given no AWS at all (no moto, no resources): the liveness answer is still ok
    assert call_api("GET", "/api/health") == (200, {"status": "ok"})


def test_ready_when_table_and_buckets_exist(aws, call_api):
    status, answer = call_api("GET", "/api/health/ready")
    assert status == 200, answer
    assert answer["status"] == "ready"
    assert os.environ["TABLE_NAME"] in answer["checked"]


def test_not_ready_names_what_is_missing(aws, call_api):
    # Given the exports bucket and the idempotency table are gone
    from functions.dal.aws import client

    client("s3").delete_bucket(Bucket=os.environ["EXPORTS_BUCKET"])
    client("dynamodb").delete_table(TableName=os.environ["IDEMPOTENCY_TABLE_NAME"])
    # Then readiness is a 503 in the error shape naming both, with a request id
    status, answer = call_api("GET", "/api/health/ready")
    assert status == 503
    missing = {f["path"] for f in answer["error"]["fields"]}
    assert missing == {f"bucket:{os.environ['EXPORTS_BUCKET']}", f"table:{os.environ['IDEMPOTENCY_TABLE_NAME']}"}
    assert os.environ["EXPORTS_BUCKET"] in answer["error"]["message"]
    assert answer["error"]["request_id"]
    # While liveness stays ok
    assert call_api("GET", "/api/health")[0] == 200

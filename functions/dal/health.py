"""What the functions need to exist: the tables and buckets, each checked with one cheap call."""

from __future__ import annotations

from botocore.exceptions import BotoCoreError, ClientError

from functions.dal.aws import client, settings


def missing_resources() -> list[str]:
    """Names of the resources that cannot be reached (`table:gdskills`, `bucket:gdskills-materials`)."""
    config = settings()
    missing: list[str] = []
    ddb, s3 = client("dynamodb"), client("s3")
    for table in (config.table, config.idempotency_table):
        try:
            ddb.describe_table(TableName=table)
        except (ClientError, BotoCoreError):
            missing.append(f"table:{table}")
    for bucket in (config.materials_bucket, config.exports_bucket):
        try:
            s3.head_bucket(Bucket=bucket)
        except (ClientError, BotoCoreError):
            missing.append(f"bucket:{bucket}")
    return missing

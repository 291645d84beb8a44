"""The resources the template creates, created in moto for `make serve` and the tests (same names and keys)."""

from __future__ import annotations

import os
from typing import Any

from functions.dal.aws import client, settings

TABLE_KEYS = [("pk", "HASH"), ("sk", "RANGE")]
INDEXES = ("gsi1", "gsi2")


def table_definition(name: str) -> dict[str, Any]:
    attributes = ["pk", "sk"] + [f"{i}{k}" for i in INDEXES for k in ("pk", "sk")]
    return {
        "TableName": name,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": a, "AttributeType": "S"} for a in attributes],
        "KeySchema": [{"AttributeName": a, "KeyType": t} for a, t in TABLE_KEYS],
        "GlobalSecondaryIndexes": [
            {
                "IndexName": index,
                "KeySchema": [
                    {"AttributeName": f"{index}pk", "KeyType": "HASH"},
                    {"AttributeName": f"{index}sk", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
            for index in INDEXES
        ],
    }


def create_local_resources() -> None:
    """Create what is missing (a restarted local server finds its stored tables and buckets in place)."""
    config = settings()
    ddb = client("dynamodb")
    tables = set(ddb.list_tables()["TableNames"])
    if config.table not in tables:
        ddb.create_table(**table_definition(config.table))
        ttl = {"Enabled": True, "AttributeName": "ttl"}
        ddb.update_time_to_live(TableName=config.table, TimeToLiveSpecification=ttl)
    if config.idempotency_table not in tables:
        ddb.create_table(
            TableName=config.idempotency_table,
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        )
        ttl = {"Enabled": True, "AttributeName": "expiration"}
        ddb.update_time_to_live(TableName=config.idempotency_table, TimeToLiveSpecification=ttl)
    s3 = client("s3")
    buckets = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
    if config.materials_bucket not in buckets:
        s3.create_bucket(Bucket=config.materials_bucket, ObjectLockEnabledForBucket=True)
    if config.exports_bucket not in buckets:
        s3.create_bucket(Bucket=config.exports_bucket)
    sqs = client("sqs")
    dlq = sqs.create_queue(QueueName="gdskills-notify-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    queue = sqs.create_queue(
        QueueName="gdskills-notify",
        Attributes={"RedrivePolicy": f'{{"deadLetterTargetArn":"{dlq_arn}","maxReceiveCount":"5"}}'},
    )["QueueUrl"]
    os.environ["NOTIFY_QUEUE_URL"] = queue
    export_dlq = sqs.create_queue(QueueName="gdskills-export-dlq")["QueueUrl"]
    export_dlq_arn = sqs.get_queue_attributes(QueueUrl=export_dlq, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    os.environ["EXPORT_QUEUE_URL"] = sqs.create_queue(
        QueueName="gdskills-export",
        Attributes={
            "RedrivePolicy": f'{{"deadLetterTargetArn":"{export_dlq_arn}","maxReceiveCount":"3"}}',
            "VisibilityTimeout": "5400",
        },
    )["QueueUrl"]
    client("ses").verify_email_identity(EmailAddress=config.mail_from)
    create_local_user_pool()


USER_POOL_NAME = "gdskills-local"
GROUPS = ("enterprise", "city_reviewer", "province_reviewer", "admin")


def create_local_user_pool() -> str:
    """The template's user pool in moto (email usernames, the tenant attributes, the four groups); its id goes
    to USER_POOL_ID as the template hands it to the function. Found again rather than made twice."""
    cognito = client("cognito-idp")
    pools = cognito.list_user_pools(MaxResults=60)["UserPools"]
    pool = next((p["Id"] for p in pools if p["Name"] == USER_POOL_NAME), None)
    if pool is None:
        pool = cognito.create_user_pool(
            PoolName=USER_POOL_NAME,
            UsernameAttributes=["email"],
            AutoVerifiedAttributes=["email"],
            AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
            Schema=[
                {"Name": "uscc", "AttributeDataType": "String", "Mutable": True},
                {"Name": "city", "AttributeDataType": "String", "Mutable": True},
            ],
        )["UserPool"]["Id"]
        for group in GROUPS:
            cognito.create_group(UserPoolId=pool, GroupName=group)
    os.environ["USER_POOL_ID"] = pool
    return str(pool)

"""The export queue, processed in-process for `make serve`: what Lambda's SQS poller does for the export function.

A daemon thread receives a batch, invokes `functions.jobs.handler` with the same event Lambda builds, deletes what
succeeded and releases the rest (which, after the queue's maxReceiveCount, moves to the dead-letter queue).
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

log = logging.getLogger("gdskills.local")
REGION_ACCOUNT = "us-east-1:123456789012"  # moto's default account


class _Context:
    function_name = "gdskills-local-export"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:gdskills-local-export"
    aws_request_id = "local-export"

    def get_remaining_time_in_millis(self) -> int:
        return 900_000


def sqs_record(message: dict[str, Any], queue_url: str) -> dict[str, Any]:
    return {
        "messageId": message["MessageId"],
        "receiptHandle": message["ReceiptHandle"],
        "body": message["Body"],
        "attributes": message["Attributes"],
        "messageAttributes": {},
        "md5OfBody": message["MD5OfBody"],
        "eventSource": "aws:sqs",
        "eventSourceARN": f"arn:aws:sqs:{REGION_ACCOUNT}:{queue_url.rsplit('/', 1)[-1]}",
        "awsRegion": "us-east-1",
    }


def deliver_once(queue_url: str, wait_seconds: int = 0) -> int:
    """Receive one batch from the export queue and run it; the number of messages received."""
    from functions.dal.aws import client
    from functions.jobs.handler import lambda_handler

    sqs = client("sqs")
    answer = sqs.receive_message(
        QueueUrl=queue_url, MaxNumberOfMessages=10, AttributeNames=["All"], WaitTimeSeconds=wait_seconds
    )
    messages = answer.get("Messages", [])
    if not messages:
        return 0
    result = lambda_handler({"Records": [sqs_record(m, queue_url) for m in messages]}, _Context())
    failed = {item["itemIdentifier"] for item in result["batchItemFailures"]}
    for message in messages:
        if message["MessageId"] in failed:
            sqs.change_message_visibility(
                QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
            )
        else:
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
    return len(messages)


def start() -> threading.Thread | None:
    """Poll the export queue for as long as the process lives (a daemon thread)."""
    queue_url = os.environ.get("EXPORT_QUEUE_URL")
    if not queue_url:
        return None

    def poll() -> None:
        while True:
            try:
                deliver_once(queue_url, wait_seconds=1)
            except Exception:  # a broken batch must not stop the worker; the queue retries it
                log.exception("导出任务处理失败，将由队列重试")

    thread = threading.Thread(target=poll, name="export-jobs", daemon=True)
    thread.start()
    return thread

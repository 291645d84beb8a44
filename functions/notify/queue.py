"""Queue a status-change notification for the mail function, without ever failing the decision that caused it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from botocore.exceptions import BotoCoreError, ClientError

from functions.observability import logger
from schemas.notifications import Notification

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient


def enqueue_notification(sqs_client: SQSClient, queue_url: str, message: Notification) -> str | None:
    """Send `message` to the notification queue; the SQS message id, or None when the queue could not be reached.

    Called after the decision is stored: a queue outage is logged (and alarmed on) but never undoes or
    blocks the decision, so nothing here raises.
    """
    try:
        answer = sqs_client.send_message(QueueUrl=queue_url, MessageBody=message.model_dump_json())
    except (ClientError, BotoCoreError):
        logger.exception(
            "notification not queued",
            extra={"record_kind": message.record_kind, "record_id": message.record_id, "status": message.status},
        )
        return None
    return answer["MessageId"]

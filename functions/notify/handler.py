"""The mail function: SQS batches of notifications, each sent through SES on its own.

Powertools' BatchProcessor reports only the failed messages back to SQS (ReportBatchItemFailures), so one
bad address is retried alone and, after the queue's maxReceiveCount, lands in the dead-letter queue.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any

import boto3
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.parser.models import SqsRecordModel
from aws_lambda_powertools.utilities.typing import LambdaContext
from botocore.exceptions import ClientError
from pydantic import Json

from functions.observability import logger, mask_id_numbers, with_invocation_keys
from schemas.notifications import Notification, notification_email

if TYPE_CHECKING:
    from mypy_boto3_ses import SESClient

CHARSET = "UTF-8"


class NotificationRecord(SqsRecordModel):
    body: Json[Notification]  # the SQS body, parsed and validated as our message


# Even a batch that fails whole answers item by item: SQS counts each receive and the DLQ alarm does the rest.
processor = BatchProcessor(event_type=EventType.SQS, model=NotificationRecord, raise_on_entire_batch_failure=False)


@cache
def ses_client() -> SESClient:
    """One client per container, made on first use (so tests can build it inside moto)."""
    return boto3.client("ses")


def send_notification(record: NotificationRecord) -> str:
    message = record.body
    email = notification_email(message)
    try:
        answer = ses_client().send_email(
            Source=os.environ["MAIL_FROM"],
            Destination={"ToAddresses": [message.contact_email]},
            Message={
                "Subject": {"Data": email.subject, "Charset": CHARSET},
                # A reviewer's comment may quote an ID number; mail is no place for one.
                "Body": {"Text": {"Data": mask_id_numbers(email.body), "Charset": CHARSET}},
            },
        )
    except ClientError as exc:
        logger.warning(
            "notification not sent; SQS will retry it",
            extra={"record_id": message.record_id, "error": exc.response.get("Error", {}).get("Code")},
        )
        raise
    logger.info(
        "notification sent",
        extra={"record_kind": message.record_kind, "record_id": message.record_id, "status": message.status},
    )
    return answer["MessageId"]


@with_invocation_keys  # per call, never left on the shared logger
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=send_notification, processor=processor, context=context)

"""The export function: SQS batches of export jobs, each streamed from DynamoDB into a file in S3.

Powertools' BatchProcessor reports only the failed jobs back to SQS (ReportBatchItemFailures): a failed job is
retried alone and, after the queue's maxReceiveCount, lands in the dead-letter queue (alarmed).
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.parser.models import SqsRecordModel
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel, Field, Json

from functions.observability import logger, with_invocation_keys


class ExportJobMessage(BaseModel):
    job_id: str = Field(min_length=1, max_length=64)


class ExportJobRecord(SqsRecordModel):
    body: Json[ExportJobMessage]  # the SQS body, parsed and validated as our message


processor = BatchProcessor(event_type=EventType.SQS, model=ExportJobRecord, raise_on_entire_batch_failure=False)


def run_job(record: ExportJobRecord) -> int:
    from functions.api.deps import stores
    from functions.services.export_jobs import run_job as run

    rows = run(stores(), record.body.job_id)
    logger.info("export job done", extra={"job_id": record.body.job_id, "rows": rows})
    return rows


# Not Powertools' inject_lambda_context: its keys outlive the call, and locally one process runs every function.
@with_invocation_keys
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=run_job, processor=processor, context=context)

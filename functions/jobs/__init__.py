"""The export function: SQS messages naming export jobs, each written to S3 by `handler`."""

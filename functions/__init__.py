"""The Lambda code: `api` (HTTP handlers) → `services` (workflow) → `dal` (DynamoDB/S3/SQS); `notify` (mail)."""

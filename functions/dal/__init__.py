"""Data access: DynamoDB, S3 and SQS behind small interfaces. Nothing above this layer imports boto3."""

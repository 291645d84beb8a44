"""Creates with an `Idempotency-Key`: the same key and body answer the first result and create nothing new;
the same key with another body is a conflict. Powertools' idempotency utility, kept in DynamoDB."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from functions.errors import BadRequest, Conflict

if TYPE_CHECKING:
    from aws_lambda_powertools.utilities.typing import LambdaContext

KEY_MAX = 200
KEEP_SECONDS = 24 * 3600


def once(
    key: str | None,
    scope: str,
    body: Any,
    create: Callable[[], dict[str, Any]],
    context: LambdaContext | None = None,
) -> dict[str, Any]:
    """Run `create` once per (`scope`, `key`); `scope` names the caller and the route, `body` (JSON text or
    data) is what the same key must be sent with again. With the Lambda
    `context`, a create cut short by a timeout frees its key when the invocation would have ended, not in 24 h."""
    if key is None:
        return create()
    key = key.strip()
    if not key or len(key) > KEY_MAX:
        raise BadRequest(f"Idempotency-Key 应为 1 至 {KEY_MAX} 个字符")

    from aws_lambda_powertools.utilities.idempotency import (
        DynamoDBPersistenceLayer,
        IdempotencyConfig,
        idempotent_function,
    )
    from aws_lambda_powertools.utilities.idempotency.exceptions import (
        IdempotencyAlreadyInProgressError,
        IdempotencyValidationError,
    )

    from functions.dal.aws import client, settings

    persistence = DynamoDBPersistenceLayer(table_name=settings().idempotency_table, boto3_client=client("dynamodb"))
    config = IdempotencyConfig(
        event_key_jmespath="key", payload_validation_jmespath="body", expires_after_seconds=KEEP_SECONDS
    )
    if context is not None:
        config.register_lambda_context(context)

    @idempotent_function(data_keyword_argument="request", persistence_store=persistence, config=config)
    def run(request: dict[str, Any]) -> dict[str, Any]:
        return create()

    try:
        result: dict[str, Any] = run(request={"key": f"{scope}|{key}", "body": body})
    except IdempotencyValidationError as exc:
        raise Conflict("该 Idempotency-Key 已用于另一份不同的内容，请换一个新的 Idempotency-Key") from exc
    except IdempotencyAlreadyInProgressError as exc:
        raise Conflict("相同 Idempotency-Key 的请求正在处理中，请稍后查看结果") from exc
    return result

"""Enterprise drafts in the single DynamoDB table, beside the records they become.

Keys: `DRAFT#<uscc>` / `<draft id>`; the body is gzip'd JSON (`items.pack`), never validated. `ttl` (epoch
seconds) is the table's TimeToLive attribute: DynamoDB removes an expired draft within days, so reads also
filter on it.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from functions.dal.aws import client, settings
from functions.dal.items import from_item, pack, to_item, unpack
from functions.errors import ServiceUnavailable

LIST_MAX = 100


def draft_pk(uscc: str) -> str:
    return f"DRAFT#{uscc}"


class DraftStore:
    def __init__(self, ddb: Any = None, table: str | None = None) -> None:
        self.ddb = ddb or client("dynamodb")
        self.table = table or settings().table

    def put(self, uscc: str, draft_id: str, fields: dict[str, Any], body: bytes) -> None:
        item = {**fields, "pk": draft_pk(uscc), "sk": draft_id, "id": draft_id, "body": body}
        self._call("put_item", TableName=self.table, Item=to_item(item))

    def get(self, uscc: str, draft_id: str) -> dict[str, Any] | None:
        answer = self._call(
            "get_item", TableName=self.table, Key=to_item({"pk": draft_pk(uscc), "sk": draft_id}), ConsistentRead=True
        )
        item = answer.get("Item")
        if not item:
            return None
        draft = from_item(item)
        draft["body"] = unpack(draft["body"])
        return draft

    def list(self, uscc: str) -> list[dict[str, Any]]:
        """The enterprise's drafts without their bodies (at most LIST_MAX, which creation keeps it under)."""
        answer = self._call(
            "query",
            TableName=self.table,
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues={":pk": {"S": draft_pk(uscc)}},
            ProjectionExpression="id, kind, title, created_at, updated_at, #ttl, #size",
            ExpressionAttributeNames={"#ttl": "ttl", "#size": "size"},
            ConsistentRead=True,
            Limit=LIST_MAX,
        )
        return [from_item(i) for i in answer.get("Items", [])]

    def delete(self, uscc: str, draft_id: str) -> None:
        self._call("delete_item", TableName=self.table, Key=to_item({"pk": draft_pk(uscc), "sk": draft_id}))

    def _call(self, operation: str, **request: Any) -> Any:
        try:
            return getattr(self.ddb, operation)(**request)
        except ClientError as exc:
            raise ServiceUnavailable() from exc


__all__ = ["DraftStore", "draft_pk", "pack"]

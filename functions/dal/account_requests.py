"""Enterprises' requests for an account, in the single table.

- request: `ACCTREQ#<id>` / `HEAD`; gsi1 `ACCTREQ#CITY#<city>` / `<created>#<id>` (a city's list, newest first);
- pending guard: `ACCTREQ#USCC#<uscc>` / `PENDING` holds the id of the one pending request of an enterprise,
  written with the request and deleted with its decision, so a USCC has at most one request waiting.

A decision is one transaction conditional on the request still pending: two reviewers never both decide.
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from functions.dal.items import to_item, value
from functions.dal.records import RecordStore
from functions.errors import Conflict, ServiceUnavailable


def head_pk(request_id: str) -> str:
    return f"ACCTREQ#{request_id}"


def guard_pk(uscc: str) -> str:
    return f"ACCTREQ#USCC#{uscc}"


class AccountRequestStore:
    def __init__(self, records: RecordStore) -> None:
        self.records = records

    def create(self, item: dict[str, Any]) -> None:
        head = {
            **item,
            "pk": head_pk(item["id"]),
            "sk": "HEAD",
            "gsi1pk": f"ACCTREQ#CITY#{item['city']}",
            "gsi1sk": f"{item['created_at']}#{item['id']}",
        }
        guard = {"pk": guard_pk(item["uscc"]), "sk": "PENDING", "request_id": item["id"]}
        table = self.records.table
        absent = "attribute_not_exists(pk)"
        try:
            self.records.ddb.transact_write_items(
                TransactItems=[
                    {"Put": {"TableName": table, "Item": to_item(head), "ConditionExpression": absent}},
                    {"Put": {"TableName": table, "Item": to_item(guard), "ConditionExpression": absent}},
                ]
            )
        except ClientError as exc:
            if exc.response["Error"]["Code"] in ("TransactionCanceledException", "ConditionalCheckFailedException"):
                raise Conflict("该企业已有待处理的账号申请，请等待所在地市审核") from exc
            raise ServiceUnavailable() from exc

    def pending_for(self, uscc: str) -> dict[str, Any] | None:
        guard = self.records.get(guard_pk(uscc), "PENDING")
        return self.find(guard["request_id"]) if guard else None

    def find(self, request_id: str) -> dict[str, Any] | None:
        return self.records.get(head_pk(request_id), "HEAD")

    def of_city(self, city: str, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
        return self.records.query(f"ACCTREQ#CITY#{city}", limit=limit, cursor=cursor, index="gsi1", consistent=False)

    def decide(self, item: dict[str, Any], fields: dict[str, Any], audit: dict[str, Any]) -> None:
        table = self.records.table
        names = {f"#{k}": k for k in fields} | {"#status": "status"}
        values = {f":{k}": value(v) for k, v in fields.items()} | {":pending": value("pending")}
        update = "SET " + ", ".join(f"#{k} = :{k}" for k in fields)
        self.records._transact(
            [
                {
                    "Update": {
                        "TableName": table,
                        "Key": to_item({"pk": head_pk(item["id"]), "sk": "HEAD"}),
                        "UpdateExpression": update,
                        "ConditionExpression": "#status = :pending",
                        "ExpressionAttributeNames": names,
                        "ExpressionAttributeValues": values,
                    }
                },
                {"Delete": {"TableName": table, "Key": to_item({"pk": guard_pk(item["uscc"]), "sk": "PENDING"})}},
                {"Put": {"TableName": table, "Item": to_item(audit)}},
            ]
        )

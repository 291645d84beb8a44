"""Plain dicts ⇄ DynamoDB attribute maps, and the compressed record bodies."""

from __future__ import annotations

import gzip
import json
from typing import Any

from boto3.dynamodb.types import Binary, TypeDeserializer, TypeSerializer

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


def to_item(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _serializer.serialize(v) for k, v in data.items() if v is not None}


def from_item(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(_deserializer.deserialize(v)) for k, v in item.items()}


def _plain(data: Any) -> Any:
    """DynamoDB numbers come back as Decimal: whole ones become int, at any depth."""
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items()}
    if isinstance(data, list | set):
        return [_plain(v) for v in data]
    return int(data) if _is_whole(data) else data


def value(data: Any) -> dict[str, Any]:
    serialized: dict[str, Any] = dict(_serializer.serialize(data))
    return serialized


def _is_whole(v: Any) -> bool:
    from decimal import Decimal

    return isinstance(v, Decimal) and v == v.to_integral_value()


def pack(body: dict[str, Any] | str) -> bytes:
    """A submitted body as stored: gzip'd JSON (a 2,000-person roster stays far below DynamoDB's 400 KB).
    `body` is data, or JSON text already written compactly (pydantic's `model_dump_json()`, the same bytes)."""
    text = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode(), compresslevel=6)


def unpack(raw: Any) -> dict[str, Any]:
    data = raw.value if isinstance(raw, Binary) else raw  # type: ignore[attr-defined]  # untyped in the stubs
    result: dict[str, Any] = json.loads(gzip.decompress(bytes(data)))
    return result

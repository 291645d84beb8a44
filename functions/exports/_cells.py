"""One cell's value for its column kind: rows may come straight from DynamoDB (Decimal, ISO date strings)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from schemas.exports import Column

# A text cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_number(value: Any, column: Column) -> int | float | None:
    if value is None or value == "":
        return None
    if column.kind == "integer":
        return int(value)
    return float(value) if isinstance(value, Decimal | str) else value


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(str(item) for item in value)
    return str(value)


def defused(text: str) -> str:
    """Text a spreadsheet will show as text: a leading formula character gets an apostrophe (OWASP)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text

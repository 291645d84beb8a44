"""CSV in UTF-8 with a BOM, so Excel opens the Chinese headers and names correctly."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from functions.exports._cells import as_date, as_number, as_text, defused
from schemas.exports import Column

ENCODING = "utf-8-sig"  # writes the BOM first


def write_csv(
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    fileobj_or_path: str | Path | IO[bytes],
    title: str = "",
) -> int:
    """Write a header row of Chinese headers then one line per row; dates as YYYY-MM-DD. Returns row count."""
    if isinstance(fileobj_or_path, str | Path):
        with open(fileobj_or_path, "w", encoding=ENCODING, newline="") as handle:
            return _write(columns, rows, handle)
    text = io.TextIOWrapper(fileobj_or_path, encoding=ENCODING, newline="")
    try:
        return _write(columns, rows, text)
    finally:
        text.flush()
        text.detach()  # leave the caller's binary file open


def _write(columns: Sequence[Column], rows: Iterable[Mapping[str, Any]], handle: IO[str]) -> int:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([column.header for column in columns])
    count = 0
    for row in rows:
        writer.writerow([_cell(column, row.get(column.key)) for column in columns])
        count += 1
    return count


def _cell(column: Column, value: Any) -> str:
    if value is None or value == "":
        return ""
    if column.kind == "date":
        day = as_date(value)
        return day.isoformat() if day else ""
    if column.kind in ("number", "integer"):
        return str(as_number(value, column))
    return defused(as_text(value))

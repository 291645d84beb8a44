"""XLSX written row by row with xlsxwriter's constant_memory mode: memory stays flat however many rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import xlsxwriter

from functions.exports._cells import as_date, as_number, as_text
from schemas.exports import Column

DATE_FORMAT = "yyyy-mm-dd"
_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def write_xlsx(
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    fileobj_or_path: str | Path | IO[bytes],
    title: str,
) -> int:
    """Write a one-sheet workbook named `title`: bold frozen Chinese header, widths, real dates. Returns row count."""
    target = str(fileobj_or_path) if isinstance(fileobj_or_path, Path) else fileobj_or_path
    workbook = xlsxwriter.Workbook(target, {"constant_memory": True, "strings_to_formulas": False})
    try:
        sheet = workbook.add_worksheet(title.translate(_SHEET_NAME_FORBIDDEN)[:31])
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
        day = workbook.add_format({"num_format": DATE_FORMAT})
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column.width, day if column.kind == "date" else None)
            sheet.write_string(0, index, column.header, header)
        sheet.freeze_panes(1, 0)
        count = 0
        for count, row in enumerate(rows, start=1):
            for index, column in enumerate(columns):
                _write_cell(sheet, count, index, column, row.get(column.key), day)
        sheet.autofilter(0, 0, count, len(columns) - 1)
    finally:
        workbook.close()
    return count


def _write_cell(sheet: Any, row: int, col: int, column: Column, value: Any, day: Any) -> None:
    if value is None or value == "":
        return
    if column.kind == "date":
        sheet.write_datetime(row, col, as_date(value), day)
    elif column.kind in ("number", "integer"):
        sheet.write_number(row, col, as_number(value, column))
    else:
        # write_string, never write(): an ID number stays text and "=…" stays text
        sheet.write_string(row, col, as_text(value))

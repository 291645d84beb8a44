"""XLSX written row by row with xlsxwriter's constant_memory mode: memory stays flat however many rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
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
        # Each column's writer chosen once, not per cell: 1.4 million cells for 100,000 rows.
        cells = [(index, column.key, _cell_writer(sheet, column, day)) for index, column in enumerate(columns)]
        count = 0
        for count, row in enumerate(rows, start=1):
            for index, key, write in cells:
                value = row.get(key)
                if value is not None and value != "":
                    write(count, index, value)
        sheet.autofilter(0, 0, count, len(columns) - 1)
    finally:
        workbook.close()
    return count


def _cell_writer(sheet: Any, column: Column, day: Any) -> Callable[[int, int, Any], object]:
    if column.kind == "date":
        return lambda row, col, value: sheet.write_datetime(row, col, as_date(value), day)
    if column.kind in ("number", "integer"):
        return lambda row, col, value: sheet.write_number(row, col, as_number(value, column))
    # write_string, never write(): an ID number stays text and "=…" stays text
    write_string = sheet.write_string
    return lambda row, col, value: write_string(row, col, value if type(value) is str else as_text(value))

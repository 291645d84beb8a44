"""XLSX written row by row with xlsxwriter's constant_memory mode: memory stays flat however many rows.

The data rows go through `StreamingWorksheet.write_row_xml` (one piece of XML per row, each column's cell
writer chosen once): 100,000 results rows in about 2.4 s here instead of 13 (issue 13).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

import xlsxwriter

from functions.exports._sheet import StreamingWorksheet
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
        sheet: StreamingWorksheet = workbook.add_worksheet(
            title.translate(_SHEET_NAME_FORBIDDEN)[:31], worksheet_class=StreamingWorksheet
        )
        header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
        day = workbook.add_format({"num_format": DATE_FORMAT})
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column.width, day if column.kind == "date" else None)
            sheet.write_string(0, index, column.header, header)
        sheet.freeze_panes(1, 0)
        sheet.flush_rows()
        # Each column's cell writer chosen once, not per cell: 1.4 million cells for 100,000 rows.
        cells = [(column.key, sheet.cell_xml(column, index, day)) for index, column in enumerate(columns)]
        last_col = len(columns) - 1
        count = 0
        for count, row in enumerate(rows, start=1):
            number = str(count + 1)  # the row as Excel numbers it
            get = row.get
            xml = "".join(
                [write(number, value) for key, write in cells if (value := get(key)) is not None and value != ""]
            )
            if xml:
                sheet.write_row_xml(count, xml, last_col)
        sheet.autofilter(0, 0, count, last_col)
    finally:
        workbook.close()
    return count

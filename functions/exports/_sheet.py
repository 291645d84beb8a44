"""xlsxwriter's worksheet, streaming: each data row goes to the sheet as one piece of XML, built per column.

In constant_memory mode xlsxwriter already writes one row at a time, but every cell passes its argument
decorator, a dimension check, a cell tuple in a per-row table, then attribute lists and three regular
expressions on the way out: about 7 µs a cell, 10 s of CPU for the 1.4 million cells of a 100,000-row results
export (issue 13). Here each column's cell writer is chosen once and writes the `<c>` element xlsxwriter itself
writes for that cell (`tests/functional/test_export_xlsx_rows.py` compares the two byte for byte), so the rest of
the file — styles, widths, frozen header, autofilter, the zip — stays xlsxwriter's.

One difference on purpose: xlsxwriter writes a text cell that starts with `<r>` and ends with `</r>` as raw rich
text XML in this mode; here every text cell is escaped, so such a name is shown as typed and cannot break the file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from functions.exports._cells import as_date, as_number, as_text
from schemas.exports import Column

# A cell writer: the row's number as Excel shows it ("2") and the value -> the cell's XML.
CellXml = Callable[[str, Any], str]

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 once Excel's phantom 1900-02-29 is counted
TEXT_LIMIT = 32767  # Excel's longest cell text, in UTF-16 units
# Text that needs more than its characters: XML specials, control characters and the non-characters Excel
# escapes as _xHHHH_, a literal _xHHHH_ (escaped in turn), or leading/trailing whitespace (xml:space).
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")
_LEADING_OR_TRAILING_SPACE = re.compile(r"^\s|\s$")


class StreamingWorksheet(Worksheet):  # type: ignore[misc]  # xlsxwriter ships no type hints for mypy here
    """A constant_memory worksheet with `write_row_xml`: a whole row of cells at once, after `flush_rows()`."""

    previous_row: int  # xlsxwriter's: the row held in its table, the next one it will write

    def flush_rows(self) -> None:
        """Write out the row written the ordinary way (the header): its formats are numbered before any cell's."""
        if not self.constant_memory:
            raise RuntimeError("StreamingWorksheet needs the workbook's constant_memory option")
        if self.table:
            self._write_single_row(self.previous_row + 1)

    def write_row_xml(self, row: int, cells: str, last_col: int) -> None:
        """Write the cells' XML (from `cell_xml`) as row `row` (zero-based), rows in ascending order."""
        if self.table:
            raise RuntimeError("a row written the ordinary way is still held: flush_rows() first")
        if row < self.previous_row:
            raise ValueError(f"row {row} comes before rows already written")
        self._check_dimensions(row, last_col)
        self.previous_row = row + 1
        self.fh.write(f'<row r="{row + 1}">{cells}</row>')

    def cell_xml(self, column: Column, col: int, day_format: Any) -> CellXml:
        """The writer of one column's cells, as xlsxwriter's write_string/number/datetime would write them."""
        letters = xl_col_to_name(col)
        if column.kind == "date":
            style = day_format._get_xf_index()
            return lambda row, value: f'<c r="{letters}{row}" s="{style}"><v>{_serial(as_date(value)):.16G}</v></c>'
        if column.kind in ("number", "integer"):
            return lambda row, value: f'<c r="{letters}{row}"><v>{_finite(as_number(value, column)):.16G}</v></c>'

        def text(row: str, value: Any) -> str:
            string = value if type(value) is str else as_text(value)
            if _SPECIAL.search(string) is None and len(string) <= TEXT_LIMIT // 2:
                return f'<c r="{letters}{row}" t="inlineStr"><is><t>{string}</t></is></c>'
            return f'<c r="{letters}{row}" t="inlineStr"><is>{self._text_element(string)}</is></c>'

        return text

    def _text_element(self, string: str) -> str:
        """The `<t>` of a text cell that needs escaping, truncating or xml:space, by xlsxwriter's own rules."""
        if len(string) > TEXT_LIMIT // 2 and len(string.encode("utf-16-le", "surrogatepass")) // 2 > TEXT_LIMIT:
            string = _utf16_truncate(string)
        string = self._escape_control_characters(string)
        preserve = ' xml:space="preserve"' if _LEADING_OR_TRAILING_SPACE.search(string) else ""
        return f"<t{preserve}>{self._escape_data(string)}</t>"


@lru_cache(maxsize=4096)  # an export has few distinct days
def _serial(day: date | None) -> int:
    if day is None:
        raise ValueError("日期列的值不是日期")
    serial = (day - EXCEL_EPOCH).days
    return serial if serial > 60 else serial - 1  # before 1900-03-01 Excel's phantom leap day is not counted


def _finite(number: int | float | None) -> int | float:
    if number is None or (isinstance(number, float) and not math.isfinite(number)):
        raise TypeError("NAN/INF not supported in write_number()")
    return number


def _utf16_truncate(string: str) -> str:
    from xlsxwriter.utility import _utf16_truncate as truncate  # the same cut as write_string's

    result: str = truncate(string, TEXT_LIMIT)
    return result

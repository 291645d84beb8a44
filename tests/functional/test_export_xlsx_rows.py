"""The streaming XLSX rows (issue 13) are the XML xlsxwriter's own per-cell writes make, byte for byte.

The reference below is the writer as it was before: xlsxwriter's write_string / write_number / write_datetime per
cell in constant_memory mode. Both write the same rows; every part of the two files but the creation time must match.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from functions.exports import write_xlsx
from functions.exports._cells import as_date, as_number, as_text
from functions.exports._xlsx import _SHEET_NAME_FORBIDDEN, DATE_FORMAT
from schemas.exports import EXPORTS, Column
from tests.factories import person_id


def _reference_xlsx(columns: Sequence[Column], rows: Iterable[Mapping[str, Any]], title: str) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False})
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
            value = row.get(column.key)
            if value is None or value == "":
                continue
            if column.kind == "date":
                sheet.write_datetime(count, index, as_date(value), day)
            elif column.kind in ("number", "integer"):
                sheet.write_number(count, index, as_number(value, column))
            else:
                sheet.write_string(count, index, as_text(value))
    sheet.autofilter(0, 0, count, len(columns) - 1)
    workbook.close()
    return buffer.getvalue()


def _parts(xlsx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def _awkward_rows() -> list[dict[str, Any]]:
    """Results rows with every kind of value the writers treat differently."""
    base = {
        "campaign": "2024",
        "city_name": "广州市",
        "uscc": "91440101MA59CDX462",
        "report_id": "RPT-2024-000017",
        "occupation_code": "6-18-01-01",
        "occupation_name": "车工",
        "level": "特级技师",
        "status": "已通过",
    }
    texts = [
        "广州数控设备有限公司",
        "A&B <精密> 机械",  # XML specials
        "  前后有空格  ",  # kept with xml:space="preserve"
        "第一行\n第二行",
        "控制\x01字符\x1f",  # _x0001_ escapes
        "已是_x0041_的文字",  # a literal escape, escaped in turn
        "非字符\ufffe",
        "=1+1",  # stays text: strings_to_formulas is off and the cell is written as a string
        "长" * 40_000,  # over Excel's 32,767: truncated as write_string truncates
    ]
    days: list[Any] = ["2024-06-18", date(2024, 6, 3), datetime(2025, 1, 2, 9, 30), date(1900, 2, 28), date(1900, 3, 1)]
    scores: list[Any] = [Decimal("92.5"), 88, 0.1 + 0.2, "75.5", None, Decimal("100")]
    rows = []
    for n, text in enumerate(texts * 2):
        rows.append(
            base
            | {
                "phase": Decimal(1 + n % 2),
                "enterprise_name": text,
                "name": ["陈志强", "李明"] if n == 3 else f"候选人{n:03d}",  # a list is joined with 、
                "id_number": person_id(n),
                "score": scores[n % len(scores)],
                "review_date": days[n % len(days)],
            }
        )
    rows.append({"name": "只有姓名"})  # the other cells empty
    rows.append(dict.fromkeys(base, ""))  # a row with nothing in it: no <row> at all, as before
    return rows


def test_streamed_rows_are_the_xml_xlsxwriter_writes_cell_by_cell() -> None:
    # Given the results export and rows with escapes, whitespace, long text, numbers, dates and empty cells
    export = EXPORTS["results"]
    rows = _awkward_rows()
    # When written by the streaming writer and by xlsxwriter's per-cell methods
    streamed = io.BytesIO()
    count = write_xlsx(export.columns, rows, streamed, export.title)
    reference = _reference_xlsx(export.columns, rows, export.title)
    # Then every part of the two files is the same, the sheet's XML byte for byte
    assert count == len(rows)
    assert _parts(streamed.getvalue()) == _parts(reference)


def test_id_numbers_stay_text_and_dates_numbers_keep_their_kinds() -> None:
    export = EXPORTS["results"]
    rows = _awkward_rows()
    buffer = io.BytesIO()
    write_xlsx(export.columns, rows, buffer, export.title)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    headers = [cell.value for cell in sheet[1]]
    ids = sheet.cell(row=2, column=headers.index("身份证号码") + 1)
    assert (ids.data_type, ids.value) == ("s", rows[0]["id_number"])
    review = sheet.cell(row=3, column=headers.index("评审日期") + 1)
    assert (review.value, review.number_format) == (datetime(2024, 6, 3), "yyyy-mm-dd")
    assert sheet.cell(row=2, column=headers.index("评审成绩") + 1).value == 92.5
    assert sheet.cell(row=2, column=headers.index("期次") + 1).value == 1
    assert sheet.cell(row=5, column=headers.index("姓名") + 1).value == "陈志强、李明"
    assert len(sheet.cell(row=10, column=headers.index("企业名称") + 1).value) == 32_767


def test_text_that_looks_like_rich_text_xml_is_shown_as_typed() -> None:
    # Given a name that xlsxwriter's constant_memory mode would copy into the sheet as raw rich-text XML
    export = EXPORTS["results"]
    name = "<r><t>张三</t></r>"
    buffer = io.BytesIO()
    # When written
    write_xlsx(export.columns, [{"name": name, "enterprise_name": "<r>&</r>"}], buffer, export.title)
    # Then the file opens and the cells hold the text as typed
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=headers.index("姓名") + 1).value == name
    assert sheet.cell(row=2, column=headers.index("企业名称") + 1).value == "<r>&</r>"


def test_a_score_that_is_not_a_number_is_refused_as_xlsxwriter_refuses_it() -> None:
    export = EXPORTS["results"]
    with pytest.raises(TypeError):
        write_xlsx(export.columns, [{"name": "王五", "score": float("nan")}], io.BytesIO(), export.title)

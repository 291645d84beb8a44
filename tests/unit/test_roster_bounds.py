"""Small uploads that would keep the parser busy are refused before it starts: rows thousands of cells wide, a
flood of shared strings, cells written with a namespace prefix; a filled template is never refused."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl.utils import get_column_letter

from schemas.roster import COLUMNS, LAST_ROW, RosterFileError, parse_roster, roster_template
from tests.unit.test_roster import believable, fill

SHEET_PART = "xl/worksheets/sheet1.xml"
STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _rewritten(parts: dict[str, bytes], changes: dict[str, bytes], extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in {**parts, **changes, **(extra or {})}.items():
            target.writestr(name, body)
    return out.getvalue()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return {name: source.read(name) for name in source.namelist()}


def _wide_rows(rows: int, prefix: str = "") -> bytes:
    """The template with `rows` rows of one-digit cells in every column past the template's, to Excel's last."""
    parts = _parts(roster_template())
    tag = f"{prefix}:" if prefix else ""
    cells = lambda r: "".join(  # noqa: E731
        f'<{tag}c r="{get_column_letter(c)}{r}"><{tag}v>1</{tag}v></{tag}c>' for c in range(len(COLUMNS) + 1, 16385)
    )
    added = "".join(f'<{tag}row r="{r}">{cells(r)}</{tag}row>' for r in range(2, 2 + rows)).encode()
    sheet = parts[SHEET_PART]
    if prefix:  # the same cells, written with a prefix bound to the spreadsheet namespace
        sheet = sheet.replace(b"<worksheet ", f'<worksheet xmlns:{prefix}="{_namespace(sheet)}" '.encode(), 1)
    return _rewritten(parts, {SHEET_PART: sheet.replace(b"</sheetData>", added + b"</sheetData>", 1)})


def _namespace(sheet: bytes) -> str:
    found = re.search(rb'<worksheet[^>]* xmlns="([^"]+)"', sheet)
    assert found
    return found.group(1).decode()


def test_rows_of_sixteen_thousand_cells_are_refused_before_parsing() -> None:
    # Given a 650 KB upload: 15 rows, each with a value in every column to Excel's last (it took 11 s to parse)
    data = _wide_rows(15)
    assert len(data) < 1024 * 1024
    # Then it is refused as too large, naming the sheet and what a roster can need
    with pytest.raises(RosterFileError) as caught:
        parse_roster(data)
    assert caught.value.type == "roster_too_large"
    assert SHEET_PART in str(caught.value)
    assert f"{(LAST_ROW + 1) * len(COLUMNS):,}" in str(caught.value)


def test_cells_written_with_a_namespace_prefix_are_counted_too() -> None:
    with pytest.raises(RosterFileError) as caught:
        parse_roster(_wide_rows(15, prefix="x"))
    assert caught.value.type == "roster_too_large"


def test_a_flood_of_shared_strings_is_refused_before_parsing() -> None:
    # Given a 30 KB upload whose shared strings are 450,000 one-letter entries, within the part size (took 20 s)
    parts = _parts(roster_template())
    n = 450_000
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        f' count="{n}" uniqueCount="{n}">' + "<si><t>a</t></si>" * n + "</sst>"
    ).encode()
    rels = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdS" Type="{STRINGS_TYPE}" Target="sharedStrings.xml"/>'.encode() + b"</Relationships>",
    )
    types = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    data = _rewritten(
        parts, {"xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types}, {"xl/sharedStrings.xml": strings}
    )
    assert len(data) < 64 * 1024
    # Then it is refused, naming the part
    with pytest.raises(RosterFileError) as caught:
        parse_roster(data)
    assert caught.value.type == "roster_too_large"
    assert "xl/sharedStrings.xml" in str(caught.value)


def test_the_largest_roster_is_within_the_bounds() -> None:
    assert len(parse_roster(fill([believable(n) for n in range(2000)])).candidates) == 2000

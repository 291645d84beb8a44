"""The roster parser on hostile and large uploads: a small XLSX declaring 20,000,000 rows (with and without its
<dimension> element), 20 MB workbooks (a picture beside 2,000 rows; a sheet of random rows past the limit),
and the largest accepted roster (2,000 filled rows). Each must be answered, parsed or refused, in under 1 s."""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable

from bench.registry import Row, benchmark
from bench.timing import best_of

LIMIT_SECONDS = 1.0
DECLARED_ROWS = 20_000_000
TWENTY_MB = 20 * 1024 * 1024


def _wide_rows(rows: int) -> bytes:
    from tests.unit.test_roster_bounds import _wide_rows as wide

    return wide(rows)


def _declaring(rows: int, keep_dimension: bool = True) -> bytes:
    from schemas.roster import roster_template
    from tests.unit.test_roster import _with_cell_at

    return _with_cell_at(roster_template(), rows, keep_dimension)


def _rewrite(data: bytes, part: str, change: Callable[[bytes], bytes], extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info.filename, change(body) if info.filename == part else body)
        for name, body in (extra or {}).items():
            target.writestr(name, body, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def _without_dimension(sheet_xml: bytes) -> bytes:
    return re.sub(rb"<dimension [^>]*/>", b"", sheet_xml)


def _filled(count: int) -> bytes:
    from tests.unit.test_roster import believable, fill

    return fill([believable(n) for n in range(count)])


def _random_rows_past_the_limit(roster: bytes) -> bytes:
    """The 2,000-row roster with random text rows appended after it until the file is ~20 MB."""
    rows = []
    size, row = 0, 2002
    while size < TWENTY_MB * 2.1:  # random hex text deflates to about half
        text = os.urandom(600).hex()
        rows.append(f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{text}</t></is></c></row>'.encode())
        size += len(rows[-1])
        row += 1
    tail = b"".join(rows)

    def append(sheet_xml: bytes) -> bytes:
        return _without_dimension(sheet_xml).replace(b"</sheetData>", tail + b"</sheetData>")

    return _rewrite(roster, "xl/worksheets/sheet1.xml", append)


def _parse_or_refuse(data: bytes) -> str:
    from schemas.roster import RosterFileError, parse_roster

    try:
        result = parse_roster(data)
    except RosterFileError as exc:
        return f"refused ({exc.type})"
    return f"{len(result.candidates)} parsed, {len(result.problems)} problems"


@benchmark("roster-bounds")
def run() -> list[Row]:
    declared = _declaring(DECLARED_ROWS)
    roster = _filled(2000)
    cases = {
        f"{DECLARED_ROWS:,} rows declared ({len(declared) / 1024:.1f} KB)": declared,
        f"{DECLARED_ROWS:,} rows, no <dimension>": _declaring(DECLARED_ROWS, keep_dimension=False),
        "2,000 filled rows": roster,
        "20 MB: 2,000 rows + a 20 MB picture": _rewrite(
            roster, "", bytes, {"xl/media/image1.png": os.urandom(TWENTY_MB - len(roster) - 4096)}
        ),
        "20 MB: random rows past the limit, no <dimension>": _random_rows_past_the_limit(roster),
        "15 rows of 16,384 cells": _wide_rows(15),
        "4 rows of 16,384 cells (within the cell count)": _wide_rows(4),
    }
    rows = []
    for name, data in cases.items():
        outcome = _parse_or_refuse(data)
        seconds = best_of(lambda data=data: _parse_or_refuse(data), repeat=3)
        note = f"{len(data) / 1024 / 1024:.1f} MB: {outcome}"
        rows.append(Row(f"parse roster: {name}", seconds, "s", LIMIT_SECONDS, note=note))
    return rows

"""How much a workbook may hold before the roster parser reads it: counted in the XML, before openpyxl parses.

The size of a part bounds its bytes, not the work in it: openpyxl spends its time per element, and the
smallest elements cost the most per byte. A 650 KB upload with 15 rows of 16,384 one-digit cells took 11 s to
parse (cells past the template's columns are parsed, then dropped), and a 28 KB upload whose shared strings
were 450,000 one-letter entries 20 s, each within the part sizes. So each part openpyxl parses in full is also
held to a count of its elements, from what a filled template can need: every cell of rows 1..LAST_ROW + 1
in the template's columns, one shared string for each, and the styles Excel itself allows.
"""

from __future__ import annotations

import re
import zipfile

# Elements are found with or without a namespace prefix (`<c `, `<x:c>`, `<c/>`), as the XML parser finds them.
ELEMENT = {
    "xl/worksheets/": re.compile(rb"<(?:[\w.-]+:)?c[\s/>]"),
    "xl/sharedStrings.xml": re.compile(rb"<(?:[\w.-]+:)?si[\s/>]"),
    "xl/styles.xml": re.compile(rb"<(?:[\w.-]+:)?(?:xf|font|fill|border|numFmt|dxf)[\s/>]"),
}
NAMES = {"xl/worksheets/": "单元格", "xl/sharedStrings.xml": "文本", "xl/styles.xml": "格式"}
MAX_STYLE_ELEMENTS = 70_000  # Excel's own limit is about 64,000 cell formats


def limits(cells: int) -> dict[str, int]:
    return {"xl/worksheets/": cells, "xl/sharedStrings.xml": cells, "xl/styles.xml": MAX_STYLE_ELEMENTS}


def overfull(archive: zipfile.ZipFile, cells: int) -> tuple[str, str, int, int] | None:
    """The first part holding more elements than a filled template can: (part, what, count, limit), else None.
    Parts are read only after their declared sizes were checked (zipfile never inflates past them)."""
    bounds = limits(cells)
    for part in archive.infolist():
        for prefix, pattern in ELEMENT.items():
            if part.filename.startswith(prefix):
                count = len(pattern.findall(archive.read(part)))
                if count > bounds[prefix]:
                    return part.filename, NAMES[prefix], count, bounds[prefix]
    return None

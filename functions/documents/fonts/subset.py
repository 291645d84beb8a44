"""Build `NotoSansSC-subset.ttf` (dev time only; never imported at run time).

Source: Noto Sans CJK SC Regular from Debian's `fonts-noto-cjk` (SIL Open Font License 1.1). The subset holds
ASCII, every character of GB 2312 (its 6,763 hanzi cover the 3,500 common characters and almost all names),
the characters of the occupation catalogue and city list, and every Chinese character in the code's own
strings (labels of the documents). Run: `uv run python -m functions.documents.fonts.subset`.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import Any

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FAMILY = "Noto Sans CJK SC"
ROOT = Path(__file__).resolve().parents[3]
TARGET = Path(__file__).with_name("NotoSansSC-subset.ttf")


def gb2312() -> set[str]:
    chars: set[str] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted() -> set[str]:
    chars = (
        {chr(c) for c in range(0x20, 0x7F)}
        | gb2312()
        | set("　、。〈〉《》「」『』【】〔〕〖〗・…—～（）：；，！？％＋－．／")
    )
    for path in [*(ROOT / "schemas" / "data").glob("*.csv"), *(ROOT / "schemas").rglob("*.py")]:
        chars |= set(path.read_text(encoding="utf-8"))
    chars |= {c for p in (ROOT / "functions").rglob("*.py") for c in p.read_text(encoding="utf-8")}
    return {c for c in chars if unicodedata.category(c)[0] != "C"}  # no control or private-use points


def to_truetype(font: Any) -> None:
    """CFF outlines → quadratic `glyf` outlines (fontTools' otf2ttf recipe): PDF writers embed TrueType best."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["head"].glyphDataFormat = 0
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):  # fmt: skip
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.maxPoints = maxp.maxContours = maxp.maxCompositePoints = maxp.maxCompositeContours = 0
    maxp.maxComponentDepth = 0
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0  # no glyph names: the cmap is all a PDF writer needs
    font.sfntVersion = "\x00\x01\x00\x00"


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(SOURCE))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FAMILY)
    options = subset.Options()
    options.layout_features = []  # no shaping is needed for horizontal Chinese and Latin text
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in wanted()])
    subsetter.subset(font)
    to_truetype(font)
    font.save(str(TARGET))
    print(TARGET, TARGET.stat().st_size, "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

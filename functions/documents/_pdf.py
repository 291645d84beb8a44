"""What every PDF of the package shares: A4, the shipped CJK font (a subset, package data), a QR drawer.

Text is real text: fpdf2 embeds a subset of the TrueType font with a ToUnicode map, so a reader can search and
copy it. No system font and no network are ever used.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = Path(__file__).parent / "fonts" / "NotoSansSC-subset.ttf"
FAMILY = "NotoSansSC"
A4_WIDTH, A4_HEIGHT = 210.0, 297.0  # millimetres


def new_pdf(title: str) -> FPDF:
    """An A4 portrait document with the CJK font registered and selected, metadata set, compression on."""
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_font(FAMILY, fname=str(FONT))
    pdf.set_font(FAMILY, size=11)
    pdf.set_title(title)
    pdf.set_creator("广东省特级技师、首席技师评聘系统")
    pdf.set_lang("zh-CN")
    return pdf


def draw_qr(pdf: FPDF, payload: str, x: float, y: float, size: float) -> None:
    """A QR code (error correction M, quiet zone of 4 modules) drawn as vector squares, linked to `payload`."""
    import segno

    # A fixed mask pattern (any of the 8 is valid): choosing the "best" one costs ~40 ms per code.
    code = segno.make_qr(payload, error="m", mask=2, boost_error=False)
    matrix = code.matrix
    quiet = 4
    modules = len(matrix) + 2 * quiet
    step = size / modules
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x, y, size, size, style="F")
    # One path of rectangles (a horizontal run of dark modules each) filled once: ~100x faster than rect().
    k, top = pdf.k, pdf.h
    runs = []
    for row, line in enumerate(matrix):
        start = None
        for col, dark in enumerate([*line, 0]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                left, upper = x + (start + quiet) * step, y + (row + quiet) * step
                runs.append(f"{left * k:.3f} {(top - upper) * k:.3f} {(col - start) * step * k:.3f} {-step * k:.3f} re")
                start = None
    pdf._out("q 0 g " + " ".join(runs) + " f Q")  # raw operators: fpdf2's documented low-level output
    pdf.link(x, y, size, size, payload)


def output(pdf: FPDF) -> bytes:
    return bytes(pdf.output())

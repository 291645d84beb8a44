"""The certificate (§五(一)5, 附件6): one A4 page per certified person, with a QR code to the public check.

Layout only: the data arrive as `CertificateData`; the services decide who may have which certificate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from functions.documents._pdf import A4_WIDTH, draw_qr, new_pdf, output

if TYPE_CHECKING:
    from fpdf import FPDF

TITLE = "职业技能等级证书"
ISSUER_NOTE = "本证书由用人单位依据《广东省特级技师、首席技师评聘工作方案》评价颁发，可在技能人才评价工作网查询。"


VALUE_WIDTH = 105.0
URL_LINE = 60


@dataclass(frozen=True, slots=True)
class CertificateData:
    number: str
    name: str
    masked_id: str  # never the full ID number
    occupation: str
    level: str  # 特级技师 / 首席技师
    enterprise: str
    issued_on: date
    verify_url: str


def certificates_pdf(certificates: Iterable[CertificateData]) -> bytes:
    """One page per certificate, in the order given."""
    pdf = new_pdf(TITLE)
    pdf.set_auto_page_break(auto=False)
    for certificate in certificates:
        _page(pdf, certificate)
    if pdf.page == 0:
        raise ValueError("no certificate to print")
    return output(pdf)


def _page(pdf: FPDF, c: CertificateData) -> None:
    pdf.add_page()
    pdf.set_draw_color(150, 30, 30)
    pdf.set_line_width(1.2)
    pdf.rect(12, 12, A4_WIDTH - 24, 273)
    pdf.set_line_width(0.3)
    pdf.rect(15, 15, A4_WIDTH - 30, 267)
    pdf.set_text_color(150, 30, 30)
    pdf.set_font_size(30)
    pdf.set_xy(15, 42)
    pdf.cell(A4_WIDTH - 30, 16, TITLE, align="C")
    pdf.set_font_size(14)
    pdf.set_xy(15, 60)
    pdf.cell(A4_WIDTH - 30, 10, c.level, align="C")
    pdf.set_text_color(0, 0, 0)
    rows = [
        ("姓　　名", c.name),
        ("证件号码", c.masked_id),
        ("职业（工种）", c.occupation),
        ("职业技能等级", c.level),
        ("证书编号", c.number),
        ("评价机构", c.enterprise),
        ("发证日期", f"{c.issued_on.year}年{c.issued_on.month}月{c.issued_on.day}日"),
    ]
    y = 90.0
    for label, value in rows:
        pdf.set_font_size(13)
        pdf.set_xy(35, y)
        pdf.cell(42, 11, label)
        _fitted(pdf, 77, y, VALUE_WIDTH, value, 14)
        y += 13
    draw_qr(pdf, c.verify_url, x=35, y=200, size=42)
    pdf.set_font_size(10)
    pdf.set_xy(82, 206)
    pdf.cell(95, 6, "扫描二维码或访问以下网址查验本证书：")
    pdf.set_font_size(8)
    for i in range(0, len(c.verify_url), URL_LINE):  # ASCII only: a fixed count per line, no line breaker needed
        pdf.set_xy(82, 214 + 4.5 * (i // URL_LINE))
        pdf.cell(95, 4.5, c.verify_url[i : i + URL_LINE], link=c.verify_url)
    pdf.set_font_size(9)
    pdf.set_text_color(90, 90, 90)
    pdf.set_xy(25, 258)
    pdf.multi_cell(A4_WIDTH - 50, 5.5, ISSUER_NOTE, align="C")
    pdf.set_text_color(0, 0, 0)


def _fitted(pdf: FPDF, x: float, y: float, width: float, text: str, size: float) -> None:
    """One line of text, its font made smaller when needed so that a long name still fits the width."""
    pdf.set_font_size(size)
    while size > 7 and pdf.get_string_width(text) > width:
        size -= 0.5
        pdf.set_font_size(size)
    pdf.set_xy(x, y)
    pdf.cell(width, 11, text)

"""The enterprise's internal public notice (公示, §五(一)3): the proposed list posted to all staff for at least
5 working days. DOCX (to edit and sign) and PDF (to post). Name, occupation and level only: never an ID number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from functions.documents._pdf import new_pdf, output


@dataclass(frozen=True, slots=True)
class NoticePerson:
    name: str
    occupation: str
    level: str


@dataclass(frozen=True, slots=True)
class StaffNoticeData:
    enterprise: str
    campaign: str
    people: list[NoticePerson]
    start: date
    end: date
    workdays: int
    contact: str  # who takes objections, e.g. "人力资源部 张三 020-12345678"


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def title(n: StaffNoticeData) -> str:
    return f"关于{n.enterprise}{n.campaign}年度特级技师、首席技师拟认定人员名单的公示"


def paragraphs(n: StaffNoticeData) -> list[str]:
    return [
        f"根据《广东省特级技师、首席技师评聘工作方案》，经本单位评审，现将{n.campaign}年度特级技师、首席技师"
        f"拟认定人员名单（共 {len(n.people)} 人）予以公示。",
        f"公示时间：{_day(n.start)}至{_day(n.end)}（{n.workdays} 个工作日）。",
        "公示期间，如对公示人员有异议，请以书面形式实名反映，并提供必要的证明材料。",
        f"受理部门及联系方式：{n.contact}",
    ]


HEADERS = ("序号", "姓名", "职业（工种）", "等级")


def staff_notice_docx(n: StaffNoticeData) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    heading = doc.add_heading(title(n), level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in paragraphs(n):
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = text
    for i, p in enumerate(n.people, start=1):
        for cell, text in zip(table.add_row().cells, (str(i), p.name, p.occupation, p.level), strict=True):
            cell.text = text
    signature = doc.add_paragraph(f"\n{n.enterprise}\n{_day(n.start)}")
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def staff_notice_pdf(n: StaffNoticeData) -> bytes:
    pdf = new_pdf(title(n))
    pdf.add_page()
    pdf.set_font_size(15)
    pdf.multi_cell(0, 9, title(n), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font_size(11)
    for text in paragraphs(n):
        pdf.multi_cell(0, 7, "　　" + text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    from fpdf.fonts import FontFace

    headings = FontFace(emphasis="", fill_color=(235, 235, 235))  # one weight shipped: no bold headings
    with pdf.table(col_widths=(12, 40, 88, 30), text_align="CENTER", line_height=7, headings_style=headings) as table:
        table.row(HEADERS)
        for i, p in enumerate(n.people, start=1):
            table.row((str(i), p.name, p.occupation, p.level))
    pdf.ln(8)
    pdf.cell(0, 7, n.enterprise, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, _day(n.start), align="R", new_x="LMARGIN", new_y="NEXT")
    return output(pdf)

"""The receipt (受理回执) of one submitted version of a filing, plan or report.

Layout only: the services gather `ReceiptData` from the stored version; the body's SHA-256 lets anyone check
later that what the province holds is what was submitted.
"""

from __future__ import annotations

from dataclasses import dataclass

from functions.documents._pdf import new_pdf, output

TITLE = "受理回执"


@dataclass(frozen=True, slots=True)
class ReceiptData:
    record_id: str
    kind: str  # 备案 / 评价计划 / 评价结果报备
    version: int
    submitted_at: str  # Beijing time, as stored
    enterprise: str
    uscc: str
    summary: list[tuple[str, str]]  # label, value: counts, levels, occupations
    files: list[str]
    sha256: str
    printed_at: str


def receipt_pdf(r: ReceiptData) -> bytes:
    pdf = new_pdf(f"{TITLE} {r.record_id}")
    pdf.add_page()
    pdf.set_font_size(20)
    pdf.cell(0, 14, TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(10)
    pdf.cell(0, 7, "广东省特级技师、首席技师评聘系统", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    rows = [
        ("记录编号", r.record_id),
        ("类型", r.kind),
        ("版本", f"第 {r.version} 版"),
        ("提交时间", r.submitted_at.replace("T", " ")[:19] + "（北京时间）"),
        ("企业名称", r.enterprise),
        ("统一社会信用代码", r.uscc),
        *r.summary,
        ("上传文件", "；".join(r.files) if r.files else "无"),
        ("内容摘要（SHA-256）", r.sha256),
    ]
    for label, value in rows:
        pdf.set_font_size(10)
        y = pdf.get_y()
        pdf.set_xy(20, y)
        pdf.multi_cell(42, 7, label, border=0)
        pdf.set_xy(62, y)
        pdf.multi_cell(128, 7, value)
        pdf.set_y(max(pdf.get_y(), y + 7) + 1.5)
    pdf.ln(6)
    pdf.set_font_size(9)
    pdf.set_text_color(80, 80, 80)
    pdf.multi_cell(
        0,
        5.5,
        "以上内容已由系统受理并存档（电子材料保存不少于 5 年）。SHA-256 为所存提交内容（UTF-8 JSON）的摘要，"
        f"可用于核对存档内容未被改动。打印时间：{r.printed_at.replace('T', ' ')[:19]}。",
    )
    return output(pdf)

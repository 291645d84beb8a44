"""Documents read back as a reader would: PDF text (pypdf), the QR code decoded from the rendered page, DOCX."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from functions.documents import (
    CertificateData,
    NoticePerson,
    ReceiptData,
    StaffNoticeData,
    WorkPlanData,
    certificates_pdf,
    receipt_pdf,
    staff_notice_docx,
    staff_notice_pdf,
    work_plan_docx,
)
from functions.documents.work_plan import SECTIONS
from tests.factories import FACTORY_USCC, make_id

NUMBER = "Y00004400001725T000042"
URL = f"https://jineng.example.gd.cn/verify/?number={NUMBER}&name=%E6%AC%A7%E9%98%B3%E6%99%93%E7%87%95"
ID = make_id("440106", "19800512", "123")


def _certificate(number: str = NUMBER, name: str = "欧阳晓燕") -> CertificateData:
    return CertificateData(
        number=number,
        name=name,
        masked_id=f"{ID[:6]}{'*' * 11}{ID[-1]}",
        occupation="焊工",
        level="特级技师",
        enterprise="广州精工机械制造有限公司",
        issued_on=date(2025, 6, 20),
        verify_url=URL,
    )


def _text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def test_certificate_pdf_is_a4_with_searchable_chinese_text_and_no_id_number() -> None:
    # Given an issued certificate / When it is printed
    pdf = certificates_pdf([_certificate()])
    # Then one A4 page whose text (not an image) holds the number, the name and the Chinese labels
    reader = PdfReader(BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = _text(pdf)[0]
    for expected in (NUMBER, "欧阳晓燕", "职业技能等级证书", "证书编号", "特级技师", "焊工", "广州精工机械制造有限公司",
                     "2025年6月20日", "440106***********"):  # fmt: skip
        assert expected in text
    assert ID not in text
    assert ID[6:14] not in text


def test_certificate_font_is_embedded_from_the_shipped_subset() -> None:
    pdf = certificates_pdf([_certificate()])
    fonts = PdfReader(BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    font = next(iter(fonts.values())).get_object()
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
    assert "NotoSans" in str(font["/BaseFont"])
    assert "/FontFile2" in descriptor
    assert "/ToUnicode" in font  # so text can be copied and searched


def test_certificate_qr_code_decodes_to_the_public_check_link() -> None:
    pypdfium2 = pytest.importorskip("pypdfium2")
    zxingcpp = pytest.importorskip("zxingcpp")
    pdf = certificates_pdf([_certificate()])
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=2).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [(c.format.name, c.text) for c in codes] == [("QRCode", URL)]
    # and the code area is a link to the same address
    annotations = [a.get_object() for a in PdfReader(BytesIO(pdf)).pages[0]["/Annots"]]
    assert URL in {a["/A"]["/URI"] for a in annotations}


def test_many_certificates_one_page_each_in_order() -> None:
    numbers = [f"Y00004400001725T{n:06d}" for n in range(1, 6)]
    pages = _text(certificates_pdf([_certificate(n) for n in numbers]))
    assert [next(n for n in numbers if n in page) for page in pages] == numbers


def test_receipt_pdf_holds_record_summary_files_and_digest() -> None:
    digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
    pdf = receipt_pdf(
        ReceiptData(
            record_id="RPT-0123456789abcdef",
            kind="评价结果报备",
            version=2,
            submitted_at="2025-06-20T10:15:30.123456+08:00",
            enterprise="广州精工机械制造有限公司",
            uscc=FACTORY_USCC,
            summary=[("人数", "3 人"), ("级别", "特级技师"), ("职业（工种）", "车工、铣工")],
            files=["评审结果公示.pdf", "专家评审意见.pdf"],
            sha256=digest,
            printed_at="2025-06-21T09:00:00+08:00",
        )
    )
    text = _text(pdf)[0].replace("\n", "")
    for expected in ("受理回执", "RPT-0123456789abcdef", "第 2 版", "2025-06-20 10:15:30", FACTORY_USCC, "车工、铣工",
                     "评审结果公示.pdf", digest, "SHA-256"):  # fmt: skip
        assert expected in text


def _notice() -> StaffNoticeData:
    return StaffNoticeData(
        enterprise="广州精工机械制造有限公司",
        campaign="2025",
        people=[NoticePerson("欧阳晓燕", "焊工", "特级技师"), NoticePerson("李建国", "车工", "特级技师")],
        start=date(2025, 4, 29),
        end=date(2025, 5, 9),
        workdays=5,
        contact="人力资源部 陈晓燕 020-82345678",
    )


def test_staff_notice_docx_lists_people_and_window_without_id_numbers() -> None:
    doc = Document(BytesIO(staff_notice_docx(_notice())))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "2025年4月29日至2025年5月9日（5 个工作日）" in text
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows == [["序号", "姓名", "职业（工种）", "等级"], ["1", "欧阳晓燕", "焊工", "特级技师"],
                    ["2", "李建国", "车工", "特级技师"]]  # fmt: skip


def test_staff_notice_pdf_reads_back() -> None:
    text = _text(staff_notice_pdf(_notice()))[0]
    assert "欧阳晓燕" in text
    assert "李建国" in text
    assert "公示" in text
    assert "5 个工作日" in text


def test_work_plan_docx_has_every_part_the_notice_requires() -> None:
    data = WorkPlanData(
        enterprise="广州精工机械制造有限公司",
        campaign="2025",
        level="特级技师",
        occupations=[("6-18-01-01", "车工"), ("6-18-01-02", "铣工")],
        planned_count=12,
        conditions=["取得与参评职业（工种）相应的高级技师职业资格证书后，累计从事本职业或相关职业工作满 1 年。"],
        method="专家评审结合业绩评定",
        phase="第1期 2025-04-01 至 2025-06-30",
        review_date="2025-05-20",
        notice_days=5,
    )
    doc = Document(BytesIO(work_plan_docx(data)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading 2")]
    assert [h.split("、", 1)[1] for h in headings] == list(SECTIONS)
    text = "\n".join(p.text for p in doc.paragraphs)
    for expected in ("6-18-01-01　车工", "专家评审结合业绩评定", "2025-05-20", "高级技师", "聘任协议", "12 人"):
        assert expected in text


def test_a_long_enterprise_name_still_prints_whole() -> None:
    name = "广东省广州市黄埔区科学城某某某某某某重型装备精密机械制造集团股份有限公司第二分公司"
    text = _text(certificates_pdf([replace(_certificate(), enterprise=name)]))[0]
    assert name in text.replace("\n", "")

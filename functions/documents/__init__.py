"""Documents people hold or post: certificate PDFs, receipts, the staff notice (DOCX/PDF), the work plan draft.

One module per document; each takes a small dataclass of what it shows (layout separate from data) and
returns bytes. The CJK font ships in `fonts/` (a subset, SIL OFL); nothing is read from the system or network.
fpdf2, segno and python-docx are imported inside the functions, so routes that never print never load them.
"""

from functions.documents.certificate import CertificateData, certificates_pdf
from functions.documents.receipt import ReceiptData, receipt_pdf
from functions.documents.staff_notice import NoticePerson, StaffNoticeData, staff_notice_docx, staff_notice_pdf
from functions.documents.work_plan import WorkPlanData, work_plan_docx

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

__all__ = [
    "DOCX",
    "PDF",
    "CertificateData",
    "NoticePerson",
    "ReceiptData",
    "StaffNoticeData",
    "WorkPlanData",
    "certificates_pdf",
    "receipt_pdf",
    "staff_notice_docx",
    "staff_notice_pdf",
    "work_plan_docx",
]

"""The guide slip of an assisted online submission (issue 16 §4): an online-only procedure is
submitted on the national portal with the clerk's help; no paper receipt number is taken, and
the citizen leaves with the portal's dossier code and how to follow it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy, numbered

__all__ = ["AssistedData", "build_assisted"]

TITLE = "PHIẾU HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN"
CHANNEL = "Trực tuyến (hỗ trợ tại quầy)"


@dataclass(frozen=True)
class AssistedData:
    office_name: str
    portal_code: str               # the national portal's dossier code
    applicant_name: str
    procedure_name: str
    documents: tuple[str, ...]
    submitted_at: datetime
    appointment_at: datetime
    clerk_name: str
    portal_url: str = "https://dichvucong.gov.vn"


def build_assisted(data: AssistedData) -> Document:
    doc = Document()
    doc.center(data.office_name.upper(), bold=True)
    doc.center(TITLE, bold=True)
    doc.rule()
    doc.kv("Mã hồ sơ trên Cổng DVC", data.portal_code)
    doc.kv("Ông/Bà", data.applicant_name)
    doc.kv("Thủ tục", data.procedure_name)
    doc.kv("Hình thức nộp", CHANNEL)
    doc.kv("Nộp lúc", hm_dmy(data.submitted_at))
    doc.kv("Dự kiến có kết quả", hm_dmy(data.appointment_at))
    if data.documents:
        doc.text("Giấy tờ đã tải lên:")
        numbered(doc, data.documents)
    doc.text(f"Theo dõi hồ sơ tại {data.portal_url} (đăng nhập bằng VNeID) với mã hồ sơ trên.")
    doc.kv("Người hỗ trợ", data.clerk_name)
    if data.portal_code.isascii():
        doc.barcode(data.portal_code)
    doc.qr(data.portal_url, size=4)
    doc.cut()
    return doc

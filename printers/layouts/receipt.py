"""Form 01: GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (thermal version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy, numbered, official_header

__all__ = ["ReceiptData", "build_receipt"]

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"


@dataclass(frozen=True)
class ReceiptData:
    office_name: str
    number: str                    # "Số" of the receipt
    dossier_code: str              # e.g. 000.17.22.H56-210531-0001
    applicant_name: str
    applicant_address: str
    applicant_phone: str
    procedure_name: str
    documents: tuple[str, ...]
    sets: int
    time_limit_text: str           # "05 ngày làm việc"
    received_at: datetime
    appointment_at: datetime
    collect_at: str                # where to collect the result
    clerk_name: str
    status_url: str | None = None  # status-lookup URL; the QR carries the code without it


def build_receipt(data: ReceiptData) -> Document:
    doc = Document()
    official_header(doc, data.office_name, TITLE, data.number)
    doc.center(f"Mã hồ sơ: {data.dossier_code}", bold=True)
    doc.rule()
    doc.kv("Ông/Bà", data.applicant_name)
    doc.kv("Địa chỉ", data.applicant_address)
    doc.kv("Điện thoại", data.applicant_phone)
    doc.kv("Nội dung yêu cầu", data.procedure_name)
    doc.text("Thành phần hồ sơ:")
    numbered(doc, data.documents)
    doc.kv("Số lượng hồ sơ", f"{data.sets:02d} bộ")
    doc.kv("Thời hạn giải quyết", data.time_limit_text)
    doc.kv("Nhận hồ sơ lúc", hm_dmy(data.received_at))
    doc.kv("Hẹn trả kết quả", hm_dmy(data.appointment_at))
    doc.kv("Nhận kết quả tại", data.collect_at)
    doc.kv("Người tiếp nhận", data.clerk_name)
    doc.barcode(data.dossier_code)
    doc.qr(data.status_url or data.dossier_code, size=5)
    if data.status_url:
        doc.center("Quét mã để tra cứu hồ sơ")
    doc.cut()
    return doc

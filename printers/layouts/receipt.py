"""Form 01: GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ (thermal version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy, numbered, official_header

__all__ = ["ReceiptData", "build_receipt", "fee_block", "money"]

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
    fee_qr: str | None = None      # VietQR payload for the fee due (issue 17), if any
    fee_amount: int = 0            # đồng, what the VietQR asks


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
    if data.fee_qr:
        fee_block(doc, data.fee_qr, data.fee_amount)
    doc.cut()
    return doc


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đồng"


def fee_block(doc: Document, payload: str, amount: int) -> None:
    """The fee's VietQR: any banking app pays the exact amount, the message naming the code."""
    doc.rule()
    doc.center(f"Lệ phí: {money(amount)}", bold=True)
    doc.center("Quét mã VietQR bằng ứng dụng ngân hàng để nộp")
    doc.qr(payload, size=5)

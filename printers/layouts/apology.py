"""Form 04 as a short thermal slip: apology and the new appointment date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy

__all__ = ["ApologyData", "build_apology"]

TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"


@dataclass(frozen=True)
class ApologyData:
    office_name: str
    dossier_code: str
    applicant_name: str
    old_appointment: datetime
    new_appointment: datetime
    reason: str
    late: bool = False             # letter sent after the deadline had passed


def build_apology(data: ApologyData) -> Document:
    doc = Document()
    doc.center(data.office_name.upper(), bold=True)
    doc.center(TITLE, bold=True)
    doc.rule()
    doc.kv("Mã hồ sơ", data.dossier_code)
    doc.kv("Kính gửi Ông/Bà", data.applicant_name)
    doc.kv("Hẹn trả cũ", hm_dmy(data.old_appointment))
    doc.kv("Hẹn trả mới", hm_dmy(data.new_appointment))
    doc.kv("Lý do", data.reason)
    if data.late:
        doc.text("(Thông báo gửi sau thời hạn giải quyết)")
    doc.text("Cơ quan chân thành xin lỗi Ông/Bà vì sự chậm trễ này.")
    doc.barcode(data.dossier_code)
    doc.cut()
    return doc

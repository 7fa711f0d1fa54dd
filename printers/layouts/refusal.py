"""Form 03: PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ (thermal version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy, numbered, official_header, signature

__all__ = ["RefusalData", "build_refusal"]

TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"


@dataclass(frozen=True)
class RefusalData:
    office_name: str
    number: str
    applicant_name: str
    procedure_name: str
    reasons: tuple[str, ...]
    clerk_name: str
    issued_at: datetime
    dossier_code: str = ""         # empty when the dossier was never registered


def build_refusal(data: RefusalData) -> Document:
    doc = Document()
    official_header(doc, data.office_name, TITLE, data.number)
    if data.dossier_code:
        doc.kv("Mã hồ sơ", data.dossier_code)
    doc.kv("Ông/Bà", data.applicant_name)
    doc.kv("Thủ tục", data.procedure_name)
    doc.text("Hồ sơ không được tiếp nhận giải quyết vì các lý do sau:")
    numbered(doc, data.reasons)
    doc.text("Xin thông báo để Ông/Bà biết và thực hiện.")
    doc.kv("Ngày lập", hm_dmy(data.issued_at))
    signature(doc, "Người tiếp nhận", data.clerk_name)
    doc.cut()
    return doc

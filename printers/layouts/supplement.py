"""Form 02: PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ (thermal version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy, numbered, official_header, signature

__all__ = ["SupplementData", "build_supplement"]

TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"


@dataclass(frozen=True)
class SupplementData:
    office_name: str
    number: str
    dossier_code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    requests: tuple[str, ...]      # what to add or correct, each with its reason
    clerk_name: str
    issued_at: datetime
    contact: str = ""              # phone/where to ask


def build_supplement(data: SupplementData) -> Document:
    doc = Document()
    official_header(doc, data.office_name, TITLE, data.number)
    doc.kv("Mã hồ sơ", data.dossier_code)
    doc.kv("Ông/Bà", data.applicant_name)
    doc.kv("Thủ tục", data.procedure_name)
    doc.kv("Nhận hồ sơ lúc", hm_dmy(data.received_at))
    doc.text("Đề nghị bổ sung, hoàn thiện các nội dung sau:")
    numbered(doc, data.requests)
    doc.text("Lý do: hồ sơ chưa đầy đủ, chưa hợp lệ theo quy định.")
    if data.contact:
        doc.kv("Liên hệ", data.contact)
    doc.kv("Ngày lập", hm_dmy(data.issued_at))
    signature(doc, "Người hướng dẫn", data.clerk_name)
    doc.barcode(data.dossier_code)
    doc.cut()
    return doc

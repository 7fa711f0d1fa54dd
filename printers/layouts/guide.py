"""Procedure guide slip: what to bring, fee, time limit, QR to the public page."""

from __future__ import annotations

from dataclasses import dataclass

from printers.document import Document
from printers.layouts._common import numbered

__all__ = ["GuideData", "build_guide"]


@dataclass(frozen=True)
class GuideData:
    office_name: str
    procedure_name: str
    documents: tuple[str, ...]
    fee: str                       # "Miễn phí" or "50.000 đồng"
    time_limit_text: str
    where: str = ""
    public_url: str | None = None


def build_guide(data: GuideData) -> Document:
    doc = Document()
    doc.center(data.office_name.upper(), bold=True)
    doc.center("HƯỚNG DẪN THỦ TỤC", bold=True)
    doc.rule()
    doc.text(data.procedure_name, bold=True)
    doc.text("Giấy tờ cần mang theo:")
    numbered(doc, data.documents)
    doc.kv("Lệ phí", data.fee)
    doc.kv("Thời hạn giải quyết", data.time_limit_text)
    if data.where:
        doc.kv("Nộp hồ sơ tại", data.where)
    if data.public_url:
        doc.qr(data.public_url, size=4)
        doc.center("Quét mã để xem chi tiết thủ tục")
    doc.cut()
    return doc

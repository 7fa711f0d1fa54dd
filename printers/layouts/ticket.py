"""Queue ticket: office, service, the number very large, priority, time, people ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy

__all__ = ["TicketData", "build_ticket"]


@dataclass(frozen=True)
class TicketData:
    office_name: str
    service_name: str
    number: str                   # "A015"
    issued_at: datetime
    people_ahead: int
    priority_reason: str | None = None  # "Người cao tuổi" → printed as a priority mark
    status_url: str | None = None  # the phone page of the ticket, printed as a QR
    wait_minutes: int | None = None  # the estimate told at issue time


def build_ticket(data: TicketData) -> Document:
    doc = Document()
    doc.center(data.office_name.upper(), bold=True)
    doc.center(data.service_name)
    doc.rule()
    doc.center("SỐ THỨ TỰ")
    # As large as the paper allows: 4 cells x 8 = 32 columns for "A015" on 58 mm.
    mag = max(1, min(8, 32 // max(1, len(data.number))))
    doc.center(data.number, bold=True, width=mag, height=mag)
    if data.priority_reason:
        doc.center(f"*** ƯU TIÊN: {data.priority_reason} ***", bold=True)
    doc.center(f"Số người đang chờ trước: {data.people_ahead}")
    if data.wait_minutes is not None:
        doc.center(f"Thời gian chờ dự kiến: khoảng {data.wait_minutes} phút")
    doc.center(f"Giờ lấy số: {hm_dmy(data.issued_at)}")
    doc.rule()
    doc.center("Vui lòng chờ gọi số trên màn hình")
    if data.status_url:
        doc.qr(data.status_url)
        doc.center("Quét mã để theo dõi lượt của bạn")
    doc.cut()
    return doc

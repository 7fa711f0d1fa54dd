"""Shared pieces of the thermal layouts."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from printers.document import Document

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
UNIT = "Bộ phận Tiếp nhận và Trả kết quả"


def hm_dmy(moment: datetime) -> str:
    """'14:05 31/05/2021'."""
    return moment.strftime("%H:%M %d/%m/%Y")


def dmy(day: date) -> str:
    """'31/05/2021'."""
    return day.strftime("%d/%m/%Y")


def official_header(doc: Document, office_name: str, title: str, number: str = "",
                    motto: bool = True) -> None:
    """Office and unit, the national motto, then the bold title and its number."""
    doc.center(office_name.upper(), bold=True)
    doc.center(UNIT)
    if motto:
        doc.center(NATION, bold=True)
        doc.center(MOTTO)
    doc.rule()
    doc.center(title, bold=True)
    if number:
        doc.center(f"Số: {number}")


def numbered(doc: Document, items: Iterable[str]) -> None:
    for i, item in enumerate(items, 1):
        doc.bullet(item, f"{i}.")


def signature(doc: Document, role: str, name: str) -> None:
    doc.feed(1)
    doc.center(role, bold=True)
    doc.center(name)

"""Form 05: PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ (thermal version)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from printers.document import Document
from printers.layouts._common import hm_dmy, official_header

__all__ = ["ControlData", "ControlStep", "build_control"]

TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"


@dataclass(frozen=True)
class ControlStep:
    """One hand-over: who gave the dossier to whom, when, and the result."""

    giver: str
    receiver: str
    handed_at: datetime
    result: str = ""               # "Đúng hạn", "Trễ hạn", note


@dataclass(frozen=True)
class ControlData:
    office_name: str
    dossier_code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    appointment_at: datetime
    steps: tuple[ControlStep, ...]


def build_control(data: ControlData) -> Document:
    doc = Document()
    official_header(doc, data.office_name, TITLE, motto=False)
    doc.kv("Mã hồ sơ", data.dossier_code)
    doc.kv("Ông/Bà", data.applicant_name)
    doc.kv("Thủ tục", data.procedure_name)
    doc.kv("Nhận lúc", hm_dmy(data.received_at))
    doc.kv("Hẹn trả", hm_dmy(data.appointment_at))
    doc.rule()
    for i, step in enumerate(data.steps, 1):
        doc.text(f"{i}. {step.giver} -> {step.receiver}", bold=True)
        doc.columns(hm_dmy(step.handed_at), step.result, weights=(2, 1),
                    aligns=("left", "right"))
    doc.rule()
    doc.barcode(data.dossier_code)
    doc.cut()
    return doc

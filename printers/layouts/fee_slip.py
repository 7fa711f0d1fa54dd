"""PHIẾU NỘP LỆ PHÍ (thermal): the fee due on a dossier and its VietQR (issue 17), for a
citizen who pays by banking app after the receipt was printed, or pays for someone else."""

from __future__ import annotations

from dataclasses import dataclass

from printers.document import Document
from printers.layouts._common import official_header
from printers.layouts.receipt import fee_block

__all__ = ["FeeSlipData", "build_fee_slip"]

TITLE = "PHIẾU NỘP LỆ PHÍ"


@dataclass(frozen=True)
class FeeSlipData:
    office_name: str
    dossier_code: str
    applicant_name: str
    procedure_name: str
    amount: int
    payload: str  # the VietQR
    purpose: str  # the transfer message the QR fills in
    bank_name: str  # the account's name as the bank shows it
    account: str


def build_fee_slip(data: FeeSlipData) -> Document:
    doc = Document()
    official_header(doc, data.office_name, TITLE)
    doc.center(f"Mã hồ sơ: {data.dossier_code}", bold=True)
    doc.rule()
    doc.kv("Ông/Bà", data.applicant_name)
    doc.kv("Nội dung yêu cầu", data.procedure_name)
    doc.kv("Tài khoản nhận", f"{data.account} — {data.bank_name}" if data.bank_name
           else data.account)
    doc.kv("Nội dung chuyển khoản", data.purpose)
    fee_block(doc, data.payload, data.amount)
    doc.cut()
    return doc

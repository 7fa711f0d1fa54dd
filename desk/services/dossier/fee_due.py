"""The VietQR of a dossier's fee due, from its folded fee status: one rule for the receipt of
the full stack (fee_qr.fee_qr) and of the CLI's quick `print form … --pdf` (no database
stack there)."""

from __future__ import annotations

from typing import Any

from desk.domain.statement import compact
from desk.domain.vietqr import PURPOSE_MAX, build_payload
from desk.services.dossier.shapes import FeeQrOut

PREFIX = "HS "  # "hồ sơ", when it fits


def fee_purpose(code: str) -> str:
    """"HS H41-261204-0007" when it fits in 25 characters, else the code's letters and
    digits ("00000H41-261204-0007" → "00000H412612040007"), cut from the left if needed."""
    if len(PREFIX + code) <= PURPOSE_MAX:
        return PREFIX + code
    if len(code) <= PURPOSE_MAX:
        return code
    return compact(code)[-PURPOSE_MAX:]


def due_qr(bank_bin: str, account: str, code: str, fee: dict[str, Any]) -> FeeQrOut | None:
    """`{payload, amount, purpose}` paying the fee due on dossier `code` (`fee`:
    fact_fold.fee_status), or None when nothing is due (free, paid or exempt)."""
    if fee["status"] != "unpaid" or fee["due"] <= 0:
        return None
    purpose = fee_purpose(code)
    return {"payload": build_payload(bank_bin, account, fee["due"], purpose),
            "amount": fee["due"], "purpose": purpose}

"""Fees paid by bank transfer: the VietQR a receipt carries, and the statement reconciliation.

The QR pays the dossier's fee due to the office's account ([bank] in desk.toml) with a purpose
that names the dossier code, so the transfer's message says which dossier it is for. Banks
keep letters and digits of a message but often drop dots and dashes, and an office id can make
a code longer than the 25 characters a purpose may have; `fee_purpose` keeps the code's
letters and digits, from the end (the date and daily number) when it must cut, and the
reconciliation compares letters and digits only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from desk.domain.errors import DomainError
from desk.domain.statement import Credit, compact, parse_statement
from desk.domain.vietqr import build_payload
from desk.services.context import DeskContext
from desk.services.dossier.fact_fold import default_amount, fee_status
from desk.services.dossier.fact_log import record_fact
from desk.services.dossier.fee_due import due_qr, fee_purpose
from desk.services.dossier.fees import _check_open_and_single
from desk.services.dossier.projection import load_events
from desk.services.dossier.shapes import (
    CreditOut,
    DossierView,
    FeeQrOut,
    ReconcileOut,
    VietQrOut,
)
from desk.services.dossier.views import get_dossier
from desk.services.printing import spooler as printing
from desk.services.trust.actor import SYSTEM, Actor
from printers.document import Document
from printers.layouts.fee_slip import FeeSlipData, build_fee_slip
from storage.engine import read_session
from storage.tables import Dossier, Procedure


def _bank(ctx: DeskContext) -> Any:
    bank = ctx.settings.bank
    if not bank.bin or not bank.account:
        raise DomainError("feeqr.no_bank")
    return bank


def vietqr(bank_bin: str, account: str, amount: int | None = None, purpose: str = "",
           ) -> VietQrOut:
    """`desk fee vietqr`: a bare payload for checking."""
    return {"payload": build_payload(bank_bin, account, amount, purpose), "amount": amount,
            "purpose": purpose}


def fee_qr(ctx: DeskContext, code: str) -> FeeQrOut:
    """`{payload, amount, purpose}` for the fee due on dossier `code`. DomainError
    "feeqr.no_bank", "dossier.not_found", "feeqr.nothing_due" (free, paid or exempt)."""
    bank = _bank(ctx)
    with read_session(ctx.engine) as s:
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        fee = fee_status(load_events(s, d.id), s.get(Procedure, d.procedure_code), d.sets)
        real_code = d.code
    qr = due_qr(bank.bin, bank.account, real_code, fee)
    if qr is None:
        raise DomainError("feeqr.nothing_due", code=real_code, status=fee["status"])
    return qr


def receipt_qr(ctx: DeskContext, code: str) -> FeeQrOut | None:
    """The fee QR for a receipt, or None (no bank configured, nothing due)."""
    try:
        return fee_qr(ctx, code)
    except DomainError:
        return None


def fee_slip(ctx: DeskContext, code: str) -> Document:
    """The thermal PHIẾU NỘP LỆ PHÍ of dossier `code` (same errors as `fee_qr`)."""
    data = fee_qr(ctx, code)
    bank = _bank(ctx)
    with read_session(ctx.engine) as s:
        d = get_dossier(s, code)
        proc = s.get(Procedure, d.procedure_code) if d is not None else None
        name, real = (d.applicant_name, d.code) if d is not None else ("", code)
    return build_fee_slip(FeeSlipData(
        office_name=ctx.settings.office.name, dossier_code=real, applicant_name=name,
        procedure_name=proc.name if proc else "", amount=data["amount"],
        payload=data["payload"], purpose=data["purpose"], bank_name=bank.name,
        account=bank.account))


def print_fee_slip(ctx: DeskContext, code: str, printer: str = "receipt") -> str:
    """Queue the fee slip; the print job's id."""
    return str(printing.submit(ctx, fee_slip(ctx, code), printer=printer, kind="form",
                               ref=code))


# -- reconciliation ----------------------------------------------------------------------------


@dataclass
class Reconciled:
    matched: list[CreditOut] = field(default_factory=list)
    already: list[CreditOut] = field(default_factory=list)  # recorded by an earlier run
    unmatched: list[CreditOut] = field(default_factory=list)

    def as_dict(self) -> ReconcileOut:
        return {"matched": self.matched, "already": self.already, "unmatched": self.unmatched}


def _credit_dict(c: Credit, reason: str = "", code: str | None = None,
                 detail: dict[str, Any] | None = None) -> CreditOut:
    out: CreditOut = {"line": c.line, "date": c.on.isoformat(), "amount": c.amount,
                           "reference": c.reference, "description": c.description}
    if reason:
        out["reason"] = reason
        out["detail"] = detail or {}
    if code:
        out["code"] = code
    return out


def read_statement(path: Path) -> list[Credit]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1258", "cp1252"):
        try:
            return parse_statement(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise DomainError("statement.encoding", file=str(path))


def _candidates(ctx: DeskContext) -> dict[str, str]:
    """compact(code) and compact(purpose) → code, for dossiers still open."""
    with read_session(ctx.engine) as s:
        codes = list(s.exec(select(Dossier.code).where(col(Dossier.status).not_in(
            ("RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")))))
    out: dict[str, str] = {}
    for code in codes:
        out[compact(code)] = code
        out[compact(fee_purpose(code))] = code
    return out


def _find_code(description: str, candidates: dict[str, str]) -> str | None:
    text = compact(description)
    hits = {code for key, code in candidates.items() if key and key in text}
    return hits.pop() if len(hits) == 1 else None


def reconcile(ctx: DeskContext, path: Path, actor: Actor = SYSTEM) -> Reconciled:
    """Match the statement's credits to dossiers by code and amount; record each match as
    the fee paid by transfer with the bank's reference. Running it again changes nothing:
    a dossier whose fee already names this reference is reported as `already`."""
    credits = read_statement(path)
    candidates = _candidates(ctx)
    out = Reconciled()
    for c in credits:
        code = _find_code(c.description, candidates)
        if code is None:
            out.unmatched.append(_credit_dict(c, "feeqr.no_code"))
            continue
        try:
            view = _record_transfer(ctx, code, c, actor)
        except DomainError as e:
            if e.key == "feeqr.same_reference":
                out.already.append(_credit_dict(c, code=code))
            else:
                out.unmatched.append(_credit_dict(c, e.key, code, e.params))
            continue
        out.matched.append({**_credit_dict(c, code=code), "fee": view["fee"]["status"]})
    return out


def _record_transfer(ctx: DeskContext, code: str, credit: Credit, actor: Actor
                     ) -> DossierView:
    def build(s: Any, d: Any, events: list[Any]) -> dict[str, Any]:
        for e in events:
            if str(e.kind) == "fee_paid" and (e.payload or {}).get("bank_ref") == \
                    credit.reference:
                raise DomainError("feeqr.same_reference", code=d.code)
        due = default_amount(s.get(Procedure, d.procedure_code), d.sets)
        if credit.amount != due:
            raise DomainError("feeqr.amount_differs", code=d.code, paid=credit.amount, due=due)
        _check_open_and_single(ctx, actor, d, events, None)
        return {"amount": credit.amount, "method": "transfer", "receipt": "",
                "bank_ref": credit.reference, "bank_date": credit.on.isoformat(),
                "catalog_amount": due, "sets": d.sets}

    return record_fact(ctx, code, "fee_paid", actor, build)

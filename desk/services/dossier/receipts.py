"""A dossier (with its citizen, procedure, field and receiving clerk) → the plain dataclasses
of the printer layouts: the thermal receipt and the A4 Forms 01–05."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.fee_qr import receipt_qr
from desk.services.dossier.paper_view import (
    DossierView,
    control_steps,
    lookup_url,
    paper_number,
    receipt_values,
)
from printers.layouts.apology import ApologyData
from printers.layouts.control import ControlData
from printers.layouts.receipt import ReceiptData, build_receipt
from printers.layouts.refusal import RefusalData
from printers.layouts.supplement import SupplementData
from printers.pdf import Letterhead
from storage.engine import read_session
from storage.tables import Citizen, Clerk, Dossier, DossierEvent, Field, Procedure

if TYPE_CHECKING:
    from printers.document import Document
    from printers.pdf import FormData

__all__ = ["DossierView", "form_data", "letterhead", "load_dossier", "lookup_url",
           "receipt_data", "receipt_document", "view_in"]

def load_dossier(ctx: DeskContext, code: str) -> DossierView:
    with read_session(ctx.engine) as s:
        d = s.exec(select(Dossier).where(Dossier.code == code.strip())).first()
        if d is None:
            raise DomainError("print.no_dossier", code=code)
        proc = s.get(Procedure, d.procedure_code)
        events = list(s.exec(select(DossierEvent).where(DossierEvent.dossier_id == d.id)
                             .order_by(col(DossierEvent.at))).all())
        return view_in(s, d, proc, s.get(Citizen, d.citizen_id) if d.citizen_id else None,
                       events)


def view_in(s: Session, d: Dossier, proc: Procedure | None, citizen: Citizen | None,
            events: list[Any]) -> DossierView:
    """The paper view of `d` from what the caller holds (intake: the rows it just wrote)."""
    field = s.get(Field, d.field_code or (proc.field_code if proc else ""))
    clerk = s.get(Clerk, d.receiving_clerk_id) if d.receiving_clerk_id else None
    return DossierView(d, citizen, proc, field, clerk, events)


def letterhead(ctx: DeskContext) -> Letterhead:
    o = ctx.settings.office
    return Letterhead(office_name=o.name, place=o.province, form_set=o.form_set,
                      signer_title=o.signer_title, signer_name=o.signer_name)


def _local(ctx: DeskContext, at: datetime) -> datetime:
    return at.astimezone(ctx.tz)


def receipt_data(ctx: DeskContext, code: str, view: DossierView | None = None) -> ReceiptData:
    v = view or load_dossier(ctx, code)
    # the fee's VietQR when a bank is set and a fee is due
    return receipt_values(ctx, v, receipt_qr(ctx, v.dossier.code))


def receipt_document(ctx: DeskContext, code: str, view: DossierView | None = None) -> Document:
    """The thermal Form 01 slip of dossier `code` (what intake queues for printing)."""
    return build_receipt(receipt_data(ctx, code, view))


def _payload_items(v: DossierView, kinds: tuple[str, ...], keys: tuple[str, ...]) -> tuple[
        tuple[str, ...], Any]:
    """The list (or single text) under the first of `keys` in the latest event of `kinds`."""
    for e in reversed(v.events):
        if str(e.kind) in kinds:
            for k in keys:
                val = e.payload.get(k)
                if isinstance(val, list) and val:
                    return tuple(str(x) for x in val), e
                if isinstance(val, str) and val:
                    return (val,), e
            return (), e
    return (), None


def form_data(ctx: DeskContext, form: int, code: str) -> FormData:
    """The data of Form `form` (1–5) for the dossier `code`."""
    v = load_dossier(ctx, code)
    d = v.dossier
    office = ctx.settings.office.name
    clerk = v.clerk.name if v.clerk else ""
    proc = v.procedure.name if v.procedure else d.procedure_code
    now = ctx.local_now()
    if form == 1:
        return receipt_data(ctx, code, v)
    if form == 2:
        items, ev = _payload_items(v, ("request_supplement",), ("requests", "items", "reason"))
        return SupplementData(
            office_name=office, number=paper_number(v).replace("TN", "BS"), dossier_code=d.code,
            applicant_name=d.applicant_name, procedure_name=proc,
            received_at=_local(ctx, d.received_at), requests=items or ("…",),
            clerk_name=(ev.clerk_name if ev else "") or clerk,
            issued_at=_local(ctx, ev.at) if ev else now)
    if form == 3:
        items, ev = _payload_items(v, ("refuse",), ("reasons", "reason"))
        return RefusalData(
            office_name=office, number=paper_number(v).replace("TN", "TC"),
            applicant_name=d.applicant_name, procedure_name=proc, reasons=items or ("…",),
            clerk_name=(ev.clerk_name if ev else "") or clerk,
            issued_at=_local(ctx, ev.at) if ev else now, dossier_code=d.code)
    if form == 4:
        items, _ev = _payload_items(v, ("apology", "extend"), ("reason",))
        return ApologyData(
            office_name=office, dossier_code=d.code, applicant_name=d.applicant_name,
            old_appointment=_local(ctx, d.due_at),
            new_appointment=_local(ctx, d.extended_due_at or d.due_at),
            reason=items[0] if items else "…", late=ctx.now() > d.due_at)
    if form == 5:
        steps = control_steps(ctx, v, office)
        return ControlData(
            office_name=office, dossier_code=d.code, applicant_name=d.applicant_name,
            procedure_name=proc, received_at=_local(ctx, d.received_at),
            appointment_at=_local(ctx, d.extended_due_at or d.due_at), steps=steps)
    raise DomainError("print.bad_form", form=form)

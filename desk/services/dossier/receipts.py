"""A dossier (with its citizen, procedure, field and receiving clerk) → the plain dataclasses
of the printer layouts: the thermal receipt and the A4 Forms 01–05."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.fact_fold import steps_of
from desk.services.dossier.fee_qr import receipt_qr
from printers.layouts.apology import ApologyData
from printers.layouts.control import ControlData, ControlStep
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
           "receipt_data", "receipt_document"]

UNITS = {"working_days": "ngày làm việc", "working_hours": "giờ làm việc", "days": "ngày",
         "same_day": "trong ngày làm việc"}


@dataclass(frozen=True)
class DossierView:
    """The dossier row and what it points at (any of which may be missing)."""

    dossier: Any
    citizen: Any
    procedure: Any
    field: Any
    clerk: Any
    events: list[Any]


def load_dossier(ctx: DeskContext, code: str) -> DossierView:
    with read_session(ctx.engine) as s:
        d = s.exec(select(Dossier).where(Dossier.code == code.strip())).first()
        if d is None:
            raise DomainError("print.no_dossier", code=code)
        proc = s.get(Procedure, d.procedure_code)
        field = s.get(Field, d.field_code or (proc.field_code if proc else ""))
        events = list(s.exec(select(DossierEvent).where(DossierEvent.dossier_id == d.id)
                             .order_by(col(DossierEvent.at))).all())
        return DossierView(d, s.get(Citizen, d.citizen_id) if d.citizen_id else None, proc,
                           field, s.get(Clerk, d.receiving_clerk_id)
                           if d.receiving_clerk_id else None, events)


def letterhead(ctx: DeskContext) -> Letterhead:
    o = ctx.settings.office
    return Letterhead(office_name=o.name, place=o.province, form_set=o.form_set,
                      signer_title=o.signer_title, signer_name=o.signer_name)


def _local(ctx: DeskContext, at: datetime) -> datetime:
    return at.astimezone(ctx.tz)


def _limit_text(value: int, unit: str) -> str:
    if unit == "same_day" or value == 0:
        return UNITS["same_day"].capitalize()
    return f"{value:02d} {UNITS.get(unit, unit)}"


def _number(v: DossierView) -> str:
    return v.dossier.code.rsplit("-", 1)[-1] + "/TN"


def receipt_data(ctx: DeskContext, code: str, view: DossierView | None = None) -> ReceiptData:
    v = view or load_dossier(ctx, code)
    d, c, p = v.dossier, v.citizen, v.procedure
    status_url = ctx.settings.office.status_url
    fee = receipt_qr(ctx, d.code)  # the fee's VietQR when a bank is set and a fee is due
    return ReceiptData(
        office_name=ctx.settings.office.name, number=_number(v), dossier_code=d.code,
        applicant_name=d.applicant_name, applicant_address=c.address if c else "",
        applicant_phone=(c.phone or "") if c else "",
        procedure_name=p.name if p else d.procedure_code,
        documents=tuple(p.documents) if p else (), sets=d.sets,
        time_limit_text=_limit_text(d.time_limit_value, d.time_limit_unit),
        received_at=_local(ctx, d.received_at),
        appointment_at=_local(ctx, d.extended_due_at or d.due_at),
        collect_at=f"{ctx.settings.office.name}"
                   + (f" — lĩnh vực {v.field.name}" if v.field else ""),
        clerk_name=v.clerk.name if v.clerk else _receiver(v.events),
        status_url=lookup_url(status_url, d.code),
        fee_qr=fee["payload"] if fee else None, fee_amount=fee["amount"] if fee else 0)


def lookup_url(template: str, code: str) -> str | None:
    """The status-lookup address of a dossier: `{code}` in the configured address is filled
    in ("https://…/tra-cuu?ma={code}", as desk.toml documents it); an address without the
    placeholder gets the code appended. None when no address is configured."""
    template = template.strip()
    if not template:
        return None
    if "{code}" in template:
        return template.replace("{code}", code)
    return template + code


def receipt_document(ctx: DeskContext, code: str) -> Document:
    """The thermal Form 01 slip of dossier `code` (what intake queues for printing)."""
    return build_receipt(receipt_data(ctx, code))


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
            office_name=office, number=_number(v).replace("TN", "BS"), dossier_code=d.code,
            applicant_name=d.applicant_name, procedure_name=proc,
            received_at=_local(ctx, d.received_at), requests=items or ("…",),
            clerk_name=(ev.clerk_name if ev else "") or clerk,
            issued_at=_local(ctx, ev.at) if ev else now)
    if form == 3:
        items, ev = _payload_items(v, ("refuse",), ("reasons", "reason"))
        return RefusalData(
            office_name=office, number=_number(v).replace("TN", "TC"),
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
        steps = _control_steps(ctx, v, office)
        return ControlData(
            office_name=office, dossier_code=d.code, applicant_name=d.applicant_name,
            procedure_name=proc, received_at=_local(ctx, d.received_at),
            appointment_at=_local(ctx, d.extended_due_at or d.due_at), steps=steps)
    raise DomainError("print.bad_form", form=form)


STEP_RESULTS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Trễ hạn"}


def _control_steps(ctx: DeskContext, v: DossierView, office: str) -> tuple[Any, ...]:
    """Form 05's rows: one per liên thông hand-over ("handover" / "step_result" events)."""
    rows = []
    for st in steps_of(v.events):
        receiver = st["to_agency"]
        if st["receiver"]:
            receiver = f"{st['receiver']} ({receiver})"
        result = STEP_RESULTS.get(st["result"] or "", "")
        if st["result_note"]:
            result = f"{result}: {st['result_note']}" if result else st["result_note"]
        rows.append(ControlStep(giver=st["giver"] or st["clerk"] or office, receiver=receiver,
                                handed_at=_local(ctx, st["handed_at"]), result=result))
    return tuple(rows)


def _receiver(events: list[Any]) -> str:
    """Who received the dossier, as its first event recorded it (also for script intakes)."""
    first = next((e for e in events if e.kind == "receive"), None)
    return first.clerk_name if first is not None else ""

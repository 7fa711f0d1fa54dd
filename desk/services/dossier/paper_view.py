"""A dossier with what it points at, and what its papers read from it: the receipt's values
(Form 01) and the control slip's rows. Pure: the full stack loads the view with SQLModel
(desk.services.dossier.receipts), the CLI's quick `print form … --pdf` with `sqlite3`
(desk.services.quick.papers); both fill the same papers from here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk.services.context import DeskContext
from desk.services.dossier.fact_fold import steps_of
from desk.services.dossier.shapes import FeeQrOut
from printers.layouts.control import ControlStep
from printers.layouts.receipt import ReceiptData

__all__ = ["STEP_RESULTS", "UNITS", "DossierView", "control_steps", "limit_text", "lookup_url",
           "paper_number", "receipt_values", "receiver"]

UNITS = {"working_days": "ngày làm việc", "working_hours": "giờ làm việc", "days": "ngày",
         "same_day": "trong ngày làm việc"}
STEP_RESULTS = {"early": "Trước hạn", "on_time": "Đúng hạn", "late": "Trễ hạn"}


@dataclass(frozen=True)
class DossierView:
    """The dossier row and what it points at (any of which may be missing)."""

    dossier: Any
    citizen: Any
    procedure: Any
    field: Any
    clerk: Any
    events: list[Any]


def _local(ctx: DeskContext, at: datetime) -> datetime:
    return at.astimezone(ctx.tz)


def limit_text(value: int, unit: str) -> str:
    if unit == "same_day" or value == 0:
        return UNITS["same_day"].capitalize()
    return f"{value:02d} {UNITS.get(unit, unit)}"


def paper_number(v: DossierView) -> str:
    return str(v.dossier.code).rsplit("-", 1)[-1] + "/TN"


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


def receipt_values(ctx: DeskContext, v: DossierView, fee: FeeQrOut | None) -> ReceiptData:
    """The receipt of `v`; `fee`: the VietQR of the fee due (fee_due.due_qr) or None."""
    d, c, p = v.dossier, v.citizen, v.procedure
    return ReceiptData(
        office_name=ctx.settings.office.name, number=paper_number(v), dossier_code=d.code,
        applicant_name=d.applicant_name, applicant_address=c.address if c else "",
        applicant_phone=(c.phone or "") if c else "",
        procedure_name=p.name if p else d.procedure_code,
        documents=tuple(p.documents) if p else (), sets=d.sets,
        time_limit_text=limit_text(d.time_limit_value, d.time_limit_unit),
        received_at=_local(ctx, d.received_at),
        appointment_at=_local(ctx, d.extended_due_at or d.due_at),
        collect_at=f"{ctx.settings.office.name}"
                   + (f" — lĩnh vực {v.field.name}" if v.field else ""),
        clerk_name=v.clerk.name if v.clerk else receiver(v.events),
        status_url=lookup_url(ctx.settings.office.status_url, d.code),
        fee_qr=fee["payload"] if fee else None, fee_amount=fee["amount"] if fee else 0)


def control_steps(ctx: DeskContext, v: DossierView, office: str) -> tuple[Any, ...]:
    """Form 05's rows: one per liên thông hand-over ("handover" / "step_result" events)."""
    rows = []
    for st in steps_of(v.events):
        receiver_ = st["to_agency"]
        if st["receiver"]:
            receiver_ = f"{st['receiver']} ({receiver_})"
        result = STEP_RESULTS.get(st["result"] or "", "")
        if st["result_note"]:
            result = f"{result}: {st['result_note']}" if result else st["result_note"]
        rows.append(ControlStep(giver=st["giver"] or st["clerk"] or office, receiver=receiver_,
                                handed_at=_local(ctx, st["handed_at"]), result=result))
    return tuple(rows)


def receiver(events: list[Any]) -> str:
    """Who received the dossier, as its first event recorded it (also for script intakes)."""
    first = next((e for e in events if e.kind == "receive"), None)
    return first.clerk_name if first is not None else ""

"""The dossier book (Form 06, Sổ theo dõi hồ sơ) of a period: one row per dossier received in
it, in the order of receipt, with the columns of the form. The signature column stays blank
(the applicant signs the printed book on collection).

Dates in the book are office-local. The transfer date is the first "transfer" event; the lead
agency is the agency named on the transfer (`handling_agency`). Notes carry the dossier's notes,
an apology's new date, and the closing status of a refused, withdrawn or stopped dossier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from desk.i18n import t
from desk.services.context import DeskContext
from desk.services.dossier.note_text import readable_notes
from desk.services.reports.period import bounds
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from storage.engine import read_session
from storage.tables import Citizen, Dossier, DossierEvent, Procedure

__all__ = ["BookRow", "book_head", "book_rows"]


@dataclass(frozen=True)
class BookRow:
    no: int
    code: str
    procedure: str
    sets: int
    applicant: str
    contact: str  # address and phone
    agency: str
    received_at: datetime
    due_at: datetime
    transferred_at: datetime | None
    result_at: datetime | None
    returned_at: datetime | None
    method: str  # collection method, in words ("" while not returned)
    notes: str
    signature: str = ""


def book_rows(ctx: DeskContext, first: date, last: date,
              actor: Actor = SYSTEM) -> list[BookRow]:
    """Form 06 rows for the dossiers received first..last (a supervisor's right)."""
    require(ctx, actor, "report.view")

    start, end = bounds(ctx, first, last)
    transferred = (select(func.min(DossierEvent.at))
                   .where(col(DossierEvent.dossier_id) == Dossier.id,
                          col(DossierEvent.kind) == "transfer")
                   .scalar_subquery())
    q = (select(Dossier, col(Procedure.name), col(Citizen.address), col(Citizen.phone),
                transferred.label("transferred_at"))
         .join(Procedure, col(Procedure.code) == Dossier.procedure_code, isouter=True)
         .join(Citizen, col(Citizen.id) == Dossier.citizen_id, isouter=True)
         .where(col(Dossier.received_at) >= start, col(Dossier.received_at) < end)
         .order_by(col(Dossier.received_at), col(Dossier.code)))
    tz = ctx.tz
    out: list[BookRow] = []
    with read_session(ctx.engine) as s:
        for n, (d, proc_name, address, phone, trans) in enumerate(s.execute(q), 1):
            out.append(BookRow(
                no=n, code=d.code, procedure=proc_name or d.procedure_code, sets=d.sets,
                applicant=d.applicant_name,
                contact=", ".join(x for x in (address or "", phone or "") if x),
                agency=d.handling_agency, received_at=d.received_at.astimezone(tz),
                due_at=d.due_at.astimezone(tz),
                transferred_at=_local(trans, tz), result_at=_local(d.result_at, tz),
                returned_at=_local(d.returned_at, tz),
                method=t(f"book.method.{d.return_method}") if d.return_method else "",
                notes=_notes(d, tz),
            ))
    return out


def _local(dt: datetime | str | None, tz: tzinfo) -> datetime | None:
    if dt is None:
        return None
    if isinstance(dt, str):  # a raw value from the scalar subquery
        dt = datetime.fromisoformat(dt)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(tz)


def _notes(d: Any, tz: Any) -> str:
    parts = []
    if d.status in ("REFUSED", "WITHDRAWN", "STOPPED", "SUPPLEMENT_REQUESTED"):
        parts.append(t(f"book.status.{d.status}"))
    if d.extended_due_at is not None:
        parts.append(t("book.extended",
                       date=f"{d.extended_due_at.astimezone(tz):%d/%m/%Y %H:%M}"))
    if d.notes:  # the demo's situation key in words: no raw key on paper
        parts.append(readable_notes(d.notes))
    return "; ".join(parts)


def book_head(ctx: DeskContext, first: date, last: date) -> dict[str, str]:
    """The strings above the book's table."""
    return {"office": ctx.settings.office.name, "title": t("book.title"),
            "period": t("report.period", first=f"{first:%d/%m/%Y}", last=f"{last:%d/%m/%Y}")}

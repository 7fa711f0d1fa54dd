"""Liên thông steps: a dossier handed from agency to agency, each hand-over a step.

"handover" {to_agency, giver, receiver, deadline, days, note} opens a step; its deadline is
N working days on the office calendar from the hand-over (by default the dossier's own
deadline). "step_result" {agency, result, deadline, note} closes it, the result classified
early | on_time | late against the step's deadline (by local date, as for dossiers). One step
is open at a time: the agency holding the dossier reports its result before passing it on.
The process control slip (Form 05) is built from these steps.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from desk.domain.errors import DomainError
from desk.domain.text import fold
from desk.services.context import DeskContext
from desk.services.dossier.citizens import clean_text
from desk.services.dossier.fact_fold import open_step
from desk.services.dossier.fact_log import is_closed, record_fact
from desk.services.dossier.shapes import DossierView
from desk.services.trust.actor import SYSTEM, Actor
from storage.tables import Dossier

STEP_KINDS = ("handover", "step_result")
MAX_DAYS = 365


def handover(ctx: DeskContext, code: str, to_agency: str, actor: Actor = SYSTEM, *,
             days: int | None = None, deadline: datetime | None = None,
             giver: str | None = None, receiver: str | None = None, note: str = "",
             at: datetime | None = None) -> DossierView:
    """Hand dossier `code` over to `to_agency` (a step of a liên thông procedure).

    The step's deadline: `deadline` if given, else `days` working days from the hand-over on
    the office calendar, else the dossier's (extended) deadline. `giver` defaults to the
    acting clerk. Refused on a closed dossier and while another step is still open.
    """
    agency = clean_text(to_agency, 200)
    if not agency:
        raise DomainError("steps.agency_required")
    if days is not None and (isinstance(days, bool) or not 0 < days <= MAX_DAYS):
        raise DomainError("steps.bad_days", days=days, max=MAX_DAYS)
    giver_name = clean_text(giver, 200) or actor.name
    receiver_name = clean_text(receiver, 200)
    note_text = clean_text(note, 1000)
    when = at or ctx.now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)

    def build(s: Session, d: Dossier, events: list[Any]) -> dict[str, Any]:
        if is_closed(d):
            raise DomainError("steps.closed", code=d.code, status=d.status)
        current = open_step(events)
        if current is not None:
            raise DomainError("steps.step_open", agency=current["to_agency"], code=d.code)
        if deadline is not None:
            due = deadline if deadline.tzinfo else deadline.replace(tzinfo=ctx.tz)
        elif days is not None:
            due = ctx.calendar.add_working_days(when, days)
        else:
            due = d.extended_due_at or d.due_at
        if due < when:
            raise DomainError("steps.deadline_past")
        return {"to_agency": agency, "giver": giver_name, "receiver": receiver_name,
                "deadline": due.astimezone(ctx.tz).isoformat(), "days": days,
                "note": note_text}

    return record_fact(ctx, code, "handover", actor, build, at=at)


def step_result(ctx: DeskContext, code: str, actor: Actor = SYSTEM, *,
                agency: str | None = None, note: str = "",
                at: datetime | None = None) -> DossierView:
    """Close the open step of dossier `code` (the one handed to `agency`, when given); the
    result is classified early / on_time / late against the step's deadline."""
    wanted = clean_text(agency, 200)
    note_text = clean_text(note, 1000)
    when = at or ctx.now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)

    def build(s: Session, d: Dossier, events: list[Any]) -> dict[str, Any]:
        current = open_step(events)
        if current is None:
            raise DomainError("steps.none_open", code=d.code)
        if wanted and fold(wanted) != fold(current["to_agency"]):
            raise DomainError("steps.other_agency", agency=wanted, open=current["to_agency"])
        if when < current["handed_at"]:
            raise DomainError("lifecycle.bad_time")
        due = current["deadline"]
        result = ctx.calendar.classify(when, due) if due else "on_time"
        return {"agency": current["to_agency"], "result": result,
                "deadline": due.astimezone(ctx.tz).isoformat() if due else None,
                "note": note_text}

    return record_fact(ctx, code, "step_result", actor, build, at=at)

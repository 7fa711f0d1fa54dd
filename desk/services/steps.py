"""Liên thông steps: a dossier handed from agency to agency, each hand-over a step.

"handover" {to_agency, giver, receiver, deadline, days, note} opens a step; its deadline is
N working days on the office calendar from the hand-over (by default the dossier's own
deadline). "step_result" {agency, result, deadline, note} closes it, the result classified
early | on_time | late against the step's deadline (by local date, as for dossiers). One step
is open at a time: the agency holding the dossier reports its result before passing it on.
The process control slip (Form 05) is built from these steps.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from desk.domain.errors import DomainError
from desk.services.actor import SYSTEM, Actor
from desk.services.citizens import clean_text
from desk.services.context import DeskContext

STEP_KINDS = ("handover", "step_result")
MAX_DAYS = 365


def _fold(text: str) -> str:
    from desk.domain.text import fold

    return fold(text)


def steps_of(events: Iterable[Any]) -> list[dict[str, Any]]:
    """The steps in a dossier's events, in order (datetimes as they are stored):
    {to_agency, giver, receiver, handed_at, deadline, days, note, clerk, result, result_at,
    result_note}; result is None while the step is open."""
    steps: list[dict[str, Any]] = []
    for e in events:
        p = e.payload or {}
        if e.kind == "handover":
            steps.append({"to_agency": p.get("to_agency", ""), "giver": p.get("giver", ""),
                          "receiver": p.get("receiver", ""), "handed_at": e.at,
                          "deadline": datetime.fromisoformat(p["deadline"])
                          if p.get("deadline") else None,
                          "days": p.get("days"), "note": p.get("note", ""),
                          "clerk": e.clerk_name, "result": None, "result_at": None,
                          "result_note": ""})
        elif e.kind == "step_result":
            step = next((s for s in reversed(steps) if s["result"] is None), None)
            if step is not None:
                step.update(result=p.get("result"), result_at=e.at,
                            result_note=p.get("note", ""))
    return steps


def steps_view(events: Iterable[Any], tz: Any) -> list[dict[str, Any]]:
    """`steps_of` with ISO local times, for the dossier view and `--json`."""
    def iso(dt: datetime | None) -> str | None:
        return dt.astimezone(tz).isoformat(timespec="minutes") if dt else None

    return [{**s, "handed_at": iso(s["handed_at"]), "deadline": iso(s["deadline"]),
             "result_at": iso(s["result_at"])} for s in steps_of(events)]


def open_step(events: Iterable[Any]) -> dict[str, Any] | None:
    return next((s for s in reversed(steps_of(events)) if s["result"] is None), None)


def handover(ctx: DeskContext, code: str, to_agency: str, actor: Actor = SYSTEM, *,
             days: int | None = None, deadline: datetime | None = None,
             giver: str | None = None, receiver: str | None = None, note: str = "",
             at: datetime | None = None) -> dict[str, Any]:
    """Hand dossier `code` over to `to_agency` (a step of a liên thông procedure).

    The step's deadline: `deadline` if given, else `days` working days from the hand-over on
    the office calendar, else the dossier's (extended) deadline. `giver` defaults to the
    acting clerk. Refused on a closed dossier and while another step is still open.
    """
    from desk.services.fees import is_closed, record_fact

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

    def build(s: Any, d: Any, events: list[Any]) -> dict[str, Any]:
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
                at: datetime | None = None) -> dict[str, Any]:
    """Close the open step of dossier `code` (the one handed to `agency`, when given); the
    result is classified early / on_time / late against the step's deadline."""
    from desk.services.fees import record_fact

    wanted = clean_text(agency, 200)
    note_text = clean_text(note, 1000)
    when = at or ctx.now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)

    def build(s: Any, d: Any, events: list[Any]) -> dict[str, Any]:
        current = open_step(events)
        if current is None:
            raise DomainError("steps.none_open", code=d.code)
        if wanted and _fold(wanted) != _fold(current["to_agency"]):
            raise DomainError("steps.other_agency", agency=wanted, open=current["to_agency"])
        if when < current["handed_at"]:
            raise DomainError("lifecycle.bad_time")
        due = current["deadline"]
        result = ctx.calendar.classify(when, due) if due else "on_time"
        return {"agency": current["to_agency"], "result": result,
                "deadline": due.astimezone(ctx.tz).isoformat() if due else None,
                "note": note_text}

    return record_fact(ctx, code, "step_result", actor, build, at=at)

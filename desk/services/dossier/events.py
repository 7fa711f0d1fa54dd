"""Recording a dossier event: the one place every change of a dossier goes through.

The sync outbox (issue 7) hooks in here, so that an event and its outbox row are written in
the same transaction. Facts that are not about a dossier (a queue ticket's `ticket_event`, a
satisfaction `rating`) go through `fact`, for the same reason.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from desk.services.trust.actor import Actor
from storage.tables import Dossier, DossierEvent

_hooks: list[Any] = []
_fact_hooks: list[Any] = []
# The ids of events that opened their dossier's history in this session (see `record`).
_FIRST = "first_events"


def on_record(hook: Any) -> None:
    """Register `hook(session, dossier, event)`, called inside the event's transaction."""
    if hook not in _hooks:
        _hooks.append(hook)


def record(session: Session, dossier: Dossier, kind: str, at: datetime, actor: Actor, *,
           payload: dict[str, Any] | None = None, backdated: bool = False,
           first: bool = False) -> Any:
    """`first`: the dossier was created in this transaction and has no history yet, so
    nothing is read to place the event (an intake saves two queries: issue 20)."""
    event = DossierEvent(dossier_id=dossier.id, kind=kind, at=at, clerk_id=actor.id,
                         clerk_name=actor.name, backdated=backdated, payload=payload or {})
    if first:
        session.info.setdefault(_FIRST, set()).add(event.id)
    else:
        event.recorded_at = after_last(session, dossier, event.recorded_at)
    session.add(event)
    session.flush()
    for hook in _hooks:
        hook(session, dossier, event)
    return event


def after_last(session: Session, dossier: Dossier, stamp: datetime) -> datetime:
    """A new event's place in the dossier's history: its record time, or just after the last
    event already recorded when the clock says otherwise. The timeline is ordered by record
    time; a clock pinned (DESK_NOW), frozen, or set back (a dead CMOS battery) must never put
    a new fact before one recorded earlier, such as a district decision placed by a pull."""
    last = session.exec(select(func.max(DossierEvent.recorded_at))
                        .where(DossierEvent.dossier_id == dossier.id)).one()
    if last is None:
        return stamp
    last = last if last.tzinfo else last.replace(tzinfo=UTC)  # SQLite returns it naive
    return max(stamp, last + timedelta(microseconds=1))


def opens_history(session: Session, event: DossierEvent) -> bool:
    """Whether `event` is the first of a dossier created in `session` (nothing before it)."""
    return event.id in session.info.get(_FIRST, ())


def on_fact(hook: Any) -> None:
    """Register `hook(session, entity_type, row)`, called inside the fact's transaction."""
    if hook not in _fact_hooks:
        _fact_hooks.append(hook)


def fact(session: Session, entity_type: str, row: Any) -> None:
    """A fact was written (`row` is in `session`): let the hooks (the sync outbox) follow it."""
    session.flush()  # the row's id and seq exist before a hook reads them
    for hook in _fact_hooks:
        hook(session, entity_type, row)

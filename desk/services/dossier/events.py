"""Recording a dossier event: the one place every change of a dossier goes through.

The sync outbox (issue 7) hooks in here, so that an event and its outbox row are written in
the same transaction. Facts that are not about a dossier (a queue ticket's `ticket_event`, a
satisfaction `rating`) go through `fact`, for the same reason.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from desk.services.trust.actor import Actor
from storage.tables import Dossier, DossierEvent

_hooks: list[Any] = []
_fact_hooks: list[Any] = []


def on_record(hook: Any) -> None:
    """Register `hook(session, dossier, event)`, called inside the event's transaction."""
    if hook not in _hooks:
        _hooks.append(hook)


def record(session: Session, dossier: Dossier, kind: str, at: datetime, actor: Actor, *,
           payload: dict[str, Any] | None = None, backdated: bool = False) -> Any:
    event = DossierEvent(dossier_id=dossier.id, kind=kind, at=at, clerk_id=actor.id,
                         clerk_name=actor.name, backdated=backdated, payload=payload or {})
    session.add(event)
    session.flush()
    for hook in _hooks:
        hook(session, dossier, event)
    return event


def on_fact(hook: Any) -> None:
    """Register `hook(session, entity_type, row)`, called inside the fact's transaction."""
    if hook not in _fact_hooks:
        _fact_hooks.append(hook)


def fact(session: Session, entity_type: str, row: Any) -> None:
    """A fact was written (`row` is in `session`): let the hooks (the sync outbox) follow it."""
    session.flush()  # the row's id and seq exist before a hook reads them
    for hook in _fact_hooks:
        hook(session, entity_type, row)

"""A local event the district's history makes illegal is kept but neutralised: its kind
becomes ``superseded.<kind>`` (the projection ignores kinds that are not actions) and a
`sync_conflict` row holds both versions. Shared by the pull (apply.py) and the recovery of a
reused code (recover.py)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from desk.domain.calendar import WorkingCalendar
from desk.domain.errors import DomainError
from desk.domain.states import Action, Event, apply
from desk.services.dossier.projection import load_events, rebuild
from desk.services.dossier.view_model import SUPERSEDED
from storage.tables import Dossier
from storage.tables.sync import OutboxEvent, SyncConflict

PREFIX = SUPERSEDED  # the timeline names such an event by it (view_model.event_label)


def conflict(s: Session, row: Any, reason: str, server: dict[str, Any]) -> None:
    exists = s.exec(select(SyncConflict).where(SyncConflict.event_id == row.event_id,
                                               SyncConflict.reason == reason)).first()
    if exists is None:
        s.add(SyncConflict(event_id=row.event_id, entity_id=row.entity_id, reason=reason,
                           local={"type": row.type, "seq": row.seq, "event": row.payload},
                           server=server))


def refold(s: Session, cal: WorkingCalendar, dossier: Dossier) -> None:
    """Rebuild the projection; a local event made illegal by a district decision is
    neutralised (kept, with a conflict row) until the district says otherwise."""
    for _ in range(50):
        try:
            rebuild(s, dossier, cal)
            break
        except DomainError as e:
            if not e.key.startswith("dossier."):
                raise
            state = None
            culprit = None
            events = load_events(s, dossier.id)
            for i, ev in enumerate(events):
                try:
                    state = apply(state, Event(ev.kind, ev.at, ev.payload))
                except DomainError:
                    culprit = _local_before(s, events, i)
                    break
            if culprit is None:
                raise
            row = s.get(OutboxEvent, culprit.id)
            culprit.kind = PREFIX + culprit.kind
            s.add(culprit)
            if row is not None:
                conflict(s, row, "local_after_district", {"status": dossier.status})
            s.flush()
    s.add(dossier)


def _local_before(s: Session, events: list[Any], i: int) -> Any:
    """The event to neutralise when event i cannot be folded: i itself if it is ours, else the
    latest of ours before it that changed the state."""
    actions = {a.value for a in Action}
    for ev in [events[i], *reversed(events[:i])]:
        if ev.kind in actions and ev.kind != "receive" and s.get(OutboxEvent, ev.id) is not None:
            return ev
    return None

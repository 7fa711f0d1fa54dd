"""The outbox: every dossier event (and every queue ticket event and rating, see
desk/sync/facts.py) gets its outbox row in the same SQLite transaction.

`outbox_hook` is registered on `desk.services.dossier.events.record` by `enable_outbox()`.
The row holds the event exactly as it will travel (frozen: a resend is byte-identical).
Events applied from a district pull are not queued (they came from there). `backfill` queues
any event that was
recorded while the hook was not registered (an older release, a process that never imported
desk.sync), so nothing is ever left behind.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from desk.domain.states import Action
from desk.services.dossier.events import on_fact, on_record, opens_history
from desk.sync.facts import backfill_facts, fact_hook
from desk.sync.outbox_row import APPLYING, append
from storage.tables import Dossier, DossierEvent
from storage.tables.sync import AppliedChange, OutboxEvent


def enable_outbox() -> None:
    on_record(outbox_hook)
    on_fact(fact_hook)  # queue tickets and ratings (desk/sync/facts.py)


def _actions() -> frozenset[str]:
    return frozenset(a.value for a in Action)


def base_version(session: Session, dossier_id: Any, before: Any) -> int:
    """How many state changes this desk had seen on the dossier before `before` (an event)."""
    if opens_history(session, before):  # a new dossier's first event: none, nothing to count
        return 0
    q = select(func.count()).select_from(DossierEvent).where(
        col(DossierEvent.dossier_id) == dossier_id, col(DossierEvent.kind).in_(_actions()),
        col(DossierEvent.id) != before.id,
        (col(DossierEvent.recorded_at) < before.recorded_at)
        | ((col(DossierEvent.recorded_at) == before.recorded_at)
           & (col(DossierEvent.id) < before.id)))
    with session.no_autoflush:
        return int(session.exec(q).one())


def outbox_hook(session: Session, dossier: Dossier, event: DossierEvent) -> None:
    if session.info.get(APPLYING):
        return
    enqueue(session, dossier, event)


def enqueue(session: Session, dossier: Dossier, event: DossierEvent) -> Any:
    payload = dict(event.payload or {})
    if event.kind == "receive":
        payload["name"] = dossier.applicant_name
    if event.clerk_name:
        payload["by"] = event.clerk_name
    return append(session, event_id=event.id, office_id=dossier.office_id, kind=event.kind,
                  entity_type="dossier", entity_id=dossier.code, at=event.at,
                  base_version=base_version(session, dossier.id, event), payload=payload)


def backfill(session: Session) -> int:
    """Queue events that have no outbox row and did not come from the district."""
    queued = select(OutboxEvent.event_id)
    pulled = select(AppliedChange.local_event_id).where(
        col(AppliedChange.local_event_id).is_not(None))
    rows = session.exec(select(DossierEvent).where(
        col(DossierEvent.id).not_in(queued), col(DossierEvent.id).not_in(pulled)
    ).order_by(col(DossierEvent.recorded_at), col(DossierEvent.id))).all()
    for ev in rows:
        enqueue(session, session.get_one(Dossier, ev.dossier_id), ev)
    return len(rows) + backfill_facts(session)

"""The outbox: every dossier event (and every queue ticket event and rating, see
desk/sync/facts.py) gets its outbox row in the same SQLite transaction.

`outbox_hook` is registered on `desk.services.events.record` by `enable_outbox()`. The row holds
the event exactly as it will travel (frozen: a resend is byte-identical). Events applied from a
district pull are not queued (they came from there). `backfill` queues any event that was
recorded while the hook was not registered (an older release, a process that never imported
desk.sync), so nothing is ever left behind.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from desk.sync import protocol as P
from desk.sync.hlc import HLC, tick

APPLYING = "desk.sync.applying"  # session.info flag: events written by the sync itself
ENV_SCHEMA = "DESK_SYNC_SCHEMA_V"  # to run as an older client (tests of scenario 14)


def enable_outbox() -> None:
    from desk.services.events import on_fact, on_record
    from desk.sync.facts import fact_hook

    on_record(outbox_hook)
    on_fact(fact_hook)  # queue tickets and ratings (desk/sync/facts.py)


def sync_state(session: Session) -> Any:
    from storage.tables.sync import SyncState

    with session.no_autoflush:
        st = session.get(SyncState, 1)
    if st is None:
        st = SyncState(id=1, device_id=uuid.uuid4().hex)
        session.add(st)
        session.flush()
    return st


def _actions() -> frozenset[str]:
    from desk.domain.states import Action

    return frozenset(a.value for a in Action)


def base_version(session: Session, dossier_id: Any, before: Any) -> int:
    """How many state changes this desk had seen on the dossier before `before` (an event)."""
    from storage.tables import DossierEvent

    q = select(func.count()).select_from(DossierEvent).where(
        DossierEvent.dossier_id == dossier_id, DossierEvent.kind.in_(_actions()),  # type: ignore[attr-defined]
        DossierEvent.id != before.id,
        (DossierEvent.recorded_at < before.recorded_at)
        | ((DossierEvent.recorded_at == before.recorded_at) & (DossierEvent.id < before.id)))
    with session.no_autoflush:
        return int(session.exec(q).one())


def outbox_hook(session: Session, dossier: Any, event: Any) -> None:
    if session.info.get(APPLYING):
        return
    enqueue(session, dossier, event)


def enqueue(session: Session, dossier: Any, event: Any) -> Any:
    payload = dict(event.payload or {})
    if event.kind == "receive":
        payload["name"] = dossier.applicant_name
    if event.clerk_name:
        payload["by"] = event.clerk_name
    return append(session, event_id=event.id, office_id=dossier.office_id, kind=event.kind,
                  entity_type="dossier", entity_id=dossier.code, at=event.at,
                  base_version=base_version(session, dossier.id, event), payload=payload)


def append(session: Session, *, event_id: uuid.UUID, office_id: str, kind: str,
           entity_type: str, entity_id: str, at: datetime, payload: dict[str, Any],
           base_version: int = 0) -> Any:
    """The outbox row of one event (a dossier's, or a fact of desk/sync/facts.py): this
    device's next seq and HLC tick, and the wire form, frozen."""
    from storage.tables.sync import OutboxEvent

    st = sync_state(session)
    last = HLC.decode(st.hlc_last) if st.hlc_last else HLC(0, 0, st.device_id[:8])
    clock = tick(last, int(time.time() * 1000), node=st.device_id[:8])
    st.hlc_last = clock.encode()
    st.last_seq += 1
    schema_v = int(os.environ.get(ENV_SCHEMA, P.SCHEMA_V))
    wire = P.wire_event(event_id=event_id.hex, seq=st.last_seq, hlc=clock.wire(), kind=kind,
                        entity=entity_id, at=at, base_version=base_version, payload=payload,
                        schema_v=schema_v)
    row = OutboxEvent(event_id=event_id, office_id=office_id, device_epoch=st.device_epoch,
                      seq=st.last_seq, hlc=clock.encode(), type=kind, entity_type=entity_type,
                      entity_id=entity_id, base_version=base_version, schema_v=schema_v,
                      payload=wire, payload_sha256=P.event_digest(wire))
    session.add(st)
    session.add(row)
    session.flush()
    return row


def backfill(session: Session) -> int:
    """Queue events that have no outbox row and did not come from the district."""
    from storage.tables import Dossier, DossierEvent
    from storage.tables.sync import AppliedChange, OutboxEvent

    queued = select(OutboxEvent.event_id)
    pulled = select(AppliedChange.local_event_id).where(
        AppliedChange.local_event_id.is_not(None))  # type: ignore[union-attr]
    rows = session.exec(select(DossierEvent).where(
        DossierEvent.id.not_in(queued), DossierEvent.id.not_in(pulled)  # type: ignore[attr-defined]
    ).order_by(DossierEvent.recorded_at, DossierEvent.id)).all()
    for ev in rows:
        enqueue(session, session.get(Dossier, ev.dossier_id), ev)
    from desk.sync.facts import backfill_facts

    return len(rows) + backfill_facts(session)

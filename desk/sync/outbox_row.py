"""One outbox row: this device's next seq and HLC tick, and the event's wire form, frozen.

Shared by the dossier events' hook (desk/sync/outbox.py) and the queue facts' hook
(desk/sync/facts.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session

from desk import environment
from desk.sync.outbox_wire import outbox_entry
from storage.tables.sync import OutboxEvent, SyncState

APPLYING = "desk.sync.applying"  # session.info flag: events written by the sync itself
ENV_SCHEMA = environment.SYNC_SCHEMA_V  # to run as an older client (tests of scenario 14)


def sync_state(session: Session) -> Any:
    with session.no_autoflush:
        st = session.get(SyncState, 1)
    if st is None:
        st = SyncState(id=1, device_id=uuid.uuid4().hex)
        session.add(st)
        session.flush()
    return st


def append(session: Session, *, event_id: uuid.UUID, office_id: str, kind: str,
           entity_type: str, entity_id: str, at: datetime, payload: dict[str, Any],
           base_version: int = 0) -> Any:
    """The outbox row of one event (a dossier's, or a fact of desk/sync/facts.py): this
    device's next seq and HLC tick, and the wire form, frozen. The tick's physical time is
    the event's own instant, read from the desk's injected clock (never the machine's).
    The content is outbox_wire's, shared with the quick writer."""
    st = sync_state(session)
    entry = outbox_entry(device_id=st.device_id, device_epoch=st.device_epoch,
                         last_seq=st.last_seq, hlc_last=st.hlc_last, event_id=event_id,
                         office_id=office_id, kind=kind, entity_type=entity_type,
                         entity_id=entity_id, at=at, payload=payload,
                         base_version=base_version)
    st.hlc_last, st.last_seq = entry.hlc_last, entry.last_seq
    row = OutboxEvent(**entry.row)
    session.add(st)
    session.add(row)
    session.flush()
    return row

"""An outbox row's content, pure: this device's next seq and HLC tick and the event's frozen
wire form (`outbox_entry`), and a queue ticket event's wire payload (`ticket_payload`).

Shared by the SQLModel writers (desk/sync/outbox_row.py, desk/sync/facts.py) and the quick
`sqlite3` writer of `desk queue issue|call` (desk/services/quick/queue_write.py), so an event
travels the same whoever wrote it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk import environment
from desk.sync import protocol as P
from desk.sync.hlc import HLC, tick

TICKET = "ticket"  # the entity type of a queue ticket's events
TICKET_PREFIX = "ticket."  # their wire kinds: ticket.issue, ticket.call…
# payload keys of a ticket event → their short wire names
TICKET_EXTRA = {"to_counter": "tc", "to_service": "ts", "new_leg": "nl", "out_of_order": "oo"}


@dataclass(frozen=True)
class OutboxEntry:
    hlc_last: str  # the device's clock after this event (sync_state.hlc_last)
    last_seq: int  # the device's seq after this event (sync_state.last_seq)
    row: dict[str, Any]  # the outbox_event's columns (the others keep their defaults)


def outbox_entry(*, device_id: str, device_epoch: int, last_seq: int, hlc_last: str,
                 event_id: uuid.UUID, office_id: str, kind: str, entity_type: str,
                 entity_id: str, at: datetime, payload: dict[str, Any],
                 base_version: int = 0) -> OutboxEntry:
    """The outbox row of one event after the device's state (`sync_state`): the next seq and
    HLC tick, whose physical time is the event's own instant (the desk's injected clock, never
    the machine's), and the wire form, frozen."""
    last = HLC.decode(hlc_last) if hlc_last else HLC(0, 0, device_id[:8])
    clock = tick(last, int(at.timestamp() * 1000), node=device_id[:8])
    seq = last_seq + 1
    schema_v = environment.sync_schema_v(P.SCHEMA_V)
    wire = P.wire_event(event_id=event_id.hex, seq=seq, hlc=clock.wire(), kind=kind,
                        entity=entity_id, at=at, base_version=base_version, payload=payload,
                        schema_v=schema_v)
    row = {"event_id": event_id, "office_id": office_id, "device_epoch": device_epoch,
           "seq": seq, "hlc": clock.encode(), "type": kind, "entity_type": entity_type,
           "entity_id": entity_id, "base_version": base_version, "schema_v": schema_v,
           "payload": wire, "payload_sha256": P.event_digest(wire)}
    return OutboxEntry(clock.encode(), seq, row)


def ticket_payload(ev: Any, number: int | None, leg: int | None) -> dict[str, Any]:
    """The wire payload of ticket event `ev` (desk/sync/facts.py names the keys); `number`
    and `leg` are its ticket's (None for a counter's pause or resume)."""
    p: dict[str, Any] = {"d": ev.day.isoformat()}
    if ev.service_code:
        p["sv"] = ev.service_code
    if number is not None:
        p["n"], p["l"] = number, leg
    if ev.counter is not None:
        p["c"] = ev.counter
    if ev.clerk:
        p["by"] = ev.clerk
    if ev.priority:
        p["pr"] = 1
    for key, short in TICKET_EXTRA.items():
        value = (ev.payload or {}).get(key)
        if value is not None:
            p[short] = int(value) if isinstance(value, bool) else value
    return p

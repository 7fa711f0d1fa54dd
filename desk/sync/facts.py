"""Facts that are not about a dossier — queue ticket events and satisfaction ratings — get
their outbox row in the transaction that writes them, like dossier events (issue #7 point 2).

They go through the same `outbox_row.append` (this device's seq and HLC, UUIDv7 ids, the frozen
wire form), so the client batches them with everything else. On the district they are facts
(sync.md §4.4): always appended, never judged against a state (desk/district/facts.py).

Wire form (kept small and free of personal data):

- ticket: ``t`` = ``ticket.<kind>`` (issue, call, recall, start, finish, no_show, hold,
  transfer, pause, resume), ``e`` = the label ("A015", empty for a counter's pause/resume),
  ``p`` = {d: local business day, sv: service code, n: number, l: leg, c: counter, by: clerk,
  pr: 1 if priority, tc/ts/nl: transfer target counter/service and new leg, oo: 1 if called out
  of order}. The priority *reason* (elderly, pregnant, disability…) and the dossier code a
  ticket ended in are not sent: the district needs counts and times, not who the citizen was.
- rating: ``t`` = ``rating``, ``e`` = "", ``p`` = {lv: level, sc: score 3 best … 1, c: counter,
  by: clerk}. Anonymous: neither the ticket label nor the dossier code it was linked to.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, func
from sqlmodel import Session, col, select

from desk.sync.outbox_row import APPLYING, append
from desk.sync.outbox_wire import TICKET, TICKET_PREFIX
from desk.sync.outbox_wire import ticket_payload as wire_payload
from storage.tables import Clerk
from storage.tables.device import DeviceState
from storage.tables.queue import Ticket, TicketEvent
from storage.tables.rating import Rating
from storage.tables.sync import OutboxEvent

RATING = "rating"
SCORE = {"rat_hai_long": 3, "hai_long": 2, "khong_hai_long": 1}
BACKFILL_MARK = "sync_facts_ticket_seq"  # device_state: ticket_event seqs already looked at


def fact_hook(session: Session, entity_type: str, row: Any) -> None:
    """Registered on `desk.services.dossier.events.fact` by `enable_outbox()`."""
    if session.info.get(APPLYING):
        return
    if entity_type == TICKET:
        enqueue_ticket(session, row)
    elif entity_type == RATING:
        enqueue_rating(session, row)


def ticket_payload(session: Session, ev: Any) -> dict[str, Any]:
    t = session.get(Ticket, ev.ticket_id) if ev.ticket_id else None  # in the session already
    return wire_payload(ev, t.number if t else None, t.leg if t else None)


def enqueue_ticket(session: Session, ev: Any) -> Any:
    return append(session, event_id=ev.id, office_id="", kind=TICKET_PREFIX + ev.kind.lower(),
                  entity_type=TICKET, entity_id=ev.label or "", at=ev.at,
                  payload=ticket_payload(session, ev))


def enqueue_rating(session: Session, r: Any) -> Any:
    p: dict[str, Any] = {"lv": r.level, "sc": SCORE.get(r.level, 0)}
    if r.counter_number is not None:
        p["c"] = r.counter_number
    clerk = session.get(Clerk, r.clerk_id) if r.clerk_id else None
    if clerk is not None:
        p["by"] = clerk.name
    return append(session, event_id=r.id, office_id="", kind=RATING, entity_type=RATING,
                  entity_id="", at=r.at, payload=p)


def backfill_facts(session: Session) -> int:
    """Queue ticket events and ratings written without the hook (before this release, or by a
    process that never imported desk.sync). Ticket events are looked at once each (a mark on
    their integer seq, stable across VACUUM); ratings are few, so all are checked."""
    mark = session.get(DeviceState, BACKFILL_MARK) or DeviceState(key=BACKFILL_MARK, value="0")
    after = int(mark.value or 0)
    top = session.exec(select(func.max(TicketEvent.seq))).one() or 0
    n = 0
    if top > after:
        for ev in session.exec(select(TicketEvent).where(
                col(TicketEvent.seq) > after,
                ~exists().where(col(OutboxEvent.event_id) == TicketEvent.id)
        ).order_by(col(TicketEvent.seq))).all():
            enqueue_ticket(session, ev)
            n += 1
        mark.value = str(top)
        session.add(mark)
    for r in session.exec(select(Rating).where(
            ~exists().where(col(OutboxEvent.event_id) == Rating.id)
    ).order_by(col(Rating.at), col(Rating.id))).all():
        enqueue_rating(session, r)
        n += 1
    return n

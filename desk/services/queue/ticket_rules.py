"""The queue's write rules, once, for both writers: `tickets.py` (SQLModel) and the quick
`sqlite3` path (desk/services/quick/queue_write.py, for `desk queue issue|call` scripted in
loops). Pure: settings and plain values in, plain values out; no database.

- which service, which counter, which local day (`find_service`, `counter_services`,
  `business_day`), a typed number's label (`normalize_label`);
- the daily number (`next_number`) and a new ticket's columns (`new_ticket`);
- a state change on a ticket (`apply`: any object with the ticket's attributes, an ORM row
  or the quick path's namespace) and the event it records (`event_row`, `issue_payload`);
- the next ticket a counter calls (`pick_next`: priorities, appointments, the starvation bound
  of desk.domain.queue.choose_next over the waiting rows and the counter's recent calls).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desk.domain import queue as rules
from desk.domain.errors import DomainError

if TYPE_CHECKING:
    from desk.config import ServiceConfig
    from desk.services.context import DeskContext

NO_SHOW_AFTER_RECALLS = 1  # a citizen is called at least twice before being marked absent

# The columns of a ticket an action may change (the quick writer updates exactly these).
CHANGED_BY_ACTIONS = ("state", "counter", "called_at", "last_called_at", "recalls",
                      "served_at", "done_at", "dossier_code", "clerk")


def business_day(ctx: DeskContext, at: datetime | None = None) -> date:
    """The office's LOCAL date (bcgov #626: a UTC date flips at 07:00 in Vietnam)."""
    return (at or ctx.now()).astimezone(ctx.tz).date()


def find_service(ctx: DeskContext, service: str) -> ServiceConfig:
    """A service by code or by its ticket prefix, case-insensitive."""
    key = service.strip().upper()
    for s in ctx.settings.queue.services:
        if s.code.upper() == key or s.prefix == key:
            return s
    codes = ", ".join(f"{s.code} ({s.prefix})" for s in ctx.settings.queue.services)
    raise DomainError("queue.unknown_service", service=service, services=codes)


def counter_services(ctx: DeskContext, counter: int) -> tuple[str, ...]:
    q = ctx.settings.queue
    if counter not in {c.number for c in q.counters}:
        known = ", ".join(str(c.number) for c in q.counters)
        raise DomainError("queue.unknown_counter", counter=counter, counters=known)
    return tuple(s.code for s in q.services if counter in s.counters)


def normalize_label(label: str) -> str:
    """"a15", " A015 " → "A015"."""
    m = re.fullmatch(r"\s*([A-Za-z]+)\s*0*(\d+)\s*", label)
    if not m:
        raise DomainError("queue.bad_label", label=label)
    return rules.make_label(m.group(1).upper(), int(m.group(2)))


def issue_reason(priority_reason: str | None, appointment: bool) -> str | None:
    """The ticket's priority reason: a checked-in booking's, or a checked one (or None)."""
    return rules.APPOINTMENT_REASON if appointment else rules.check_reason(priority_reason)


def next_number(last: int | None) -> int:
    """Today's next number of a service, after `last` (None: the day's first)."""
    return (last or 0) + 1


def new_ticket(day: date, svc: ServiceConfig, number: int, reason: str | None, now: datetime,
               clerk: str) -> dict[str, Any]:
    """The columns of a freshly issued ticket (the others keep their defaults)."""
    return {"day": day, "service_code": svc.code, "number": number,
            "label": rules.make_label(svc.prefix, number), "priority": reason is not None,
            "priority_reason": reason, "issued_at": now, "waiting_since": now, "clerk": clerk}


def issue_payload(reason: str | None, wait: float | None) -> dict[str, Any]:
    """The ISSUE event's payload: the priority reason, the estimate told to the citizen."""
    return {**({"reason": reason} if reason else {}),
            **({"estimate_s": round(wait)} if wait is not None else {})}


def event_row(t: Any | None, kind: str, at: datetime, *, day: date, counter: int | None = None,
              clerk: str = "", payload: dict[str, Any] | None = None) -> dict[str, Any]:
    """A `ticket_event`'s columns (without its ids and record stamp) for ticket `t`, or for a
    counter (t None: a pause or resume)."""
    return {"day": day, "ticket_id": t.id if t else None, "label": t.label if t else "",
            "service_code": t.service_code if t else "", "priority": t.priority if t else False,
            "kind": kind, "at": at, "counter": counter, "clerk": clerk,
            "payload": dict(payload or {})}


def apply(t: Any, action: str, *, counter: int | None, now: datetime, clerk: str,
          min_recalls: int = 0, **payload: Any) -> dict[str, Any]:
    """Change ticket `t` by `action` (the state machine of desk.domain.queue) and answer the
    event that records it (`event_row`'s columns)."""
    t.state = rules.next_state(t.state, action, recalls=t.recalls, min_recalls=min_recalls)
    if action == "call":
        t.counter = counter
        t.called_at = t.called_at or now
        t.last_called_at = now
    elif action == "recall":
        t.recalls += 1
        t.last_called_at = now
    elif action == "start":
        t.served_at = now
    elif action in ("finish", "no_show", "transfer"):
        t.done_at = now
    if action == "finish" and payload.get("dossier_code"):
        t.dossier_code = payload["dossier_code"]
    if clerk:
        t.clerk = clerk
    return event_row(t, rules.EVENT_OF_ACTION[action], now, day=t.day,
                     counter=counter if counter is not None else t.counter, clerk=clerk,
                     payload={k: v for k, v in payload.items() if v is not None})


def candidate(t: Any) -> rules.Candidate:
    """A waiting ticket as choose_next sees it (its key is the ticket's id)."""
    return rules.Candidate(t.id, t.service_code, t.priority, t.issued_at, t.number,
                           t.target_counter,
                           appointment=t.priority_reason == rules.APPOINTMENT_REASON)


def pick_next(waiting: list[Any], counter: int, services: tuple[str, ...],
              recent: list[bool], limit: int) -> Any | None:
    """The waiting ticket `counter` calls next, or None. `recent`: the priority flags of the
    counter's last `limit + 1` calls today, oldest first (the starvation bound)."""
    by_id = {w.id: w for w in waiting}
    pick = rules.choose_next([candidate(w) for w in waiting], counter, services, recent, limit)
    return None if pick is None else by_id[pick.key]

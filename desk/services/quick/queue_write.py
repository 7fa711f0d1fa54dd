"""`desk queue issue` and `desk queue call` written through `sqlite3` (issue 19 §1: scripted in
loops, they must not load SQLAlchemy, SQLModel and pydantic for a few rows).

The same rows as desk.services.queue.tickets, from the same rules: the number, the ticket,
its state change and its event come from desk/services/queue/ticket_rules.py, the outbox row
(this device's seq and HLC tick, the frozen wire form) from desk/sync/outbox_wire.py, the wait
estimate from wait_estimates. Everything happens in one BEGIN IMMEDIATE transaction, as in
`write_session`: two processes issuing or calling at once are serialised by SQLite and never
get the same number or the same ticket. A commit moves `PRAGMA data_version`, so the waiting
room (storage/commit_watch.py) sees it as any other write. tests/queue/test_quick_write.py
and tests/cli/test_quick_write_cli.py compare both writers row for row.

The ticket's paper is queued apart (desk/services/quick/ticket_print.py: rendering's imports
only when printing); a clerk signed in by PIN (`--clerk`) is left to the regular services
(desk/commands/quick_write.py).
"""

from __future__ import annotations

import sqlite3
import uuid
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from uuid6 import uuid7

from desk.domain import queue as rules
from desk.domain.errors import DomainError
from desk.lobby.urls import status_url
from desk.services.queue import wait_estimates
from desk.services.queue.ticket_rules import (
    CHANGED_BY_ACTIONS,
    apply,
    business_day,
    counter_services,
    event_row,
    find_service,
    issue_payload,
    issue_reason,
    new_ticket,
    next_number,
    pick_next,
)
from desk.services.queue.ticket_views import Issued, TicketView
from desk.services.quick.context import QuickContext
from desk.sync.outbox_wire import TICKET, TICKET_PREFIX, outbox_entry, ticket_payload
from storage.quick import db_value, immediate, insert, utc

_COLS = ("id", "day", "service_code", "number", "label", "leg", "parent_id", "priority",
         "priority_reason", "state", "counter", "target_counter", "issued_at", "waiting_since",
         "called_at", "last_called_at", "served_at", "done_at", "recalls", "dossier_code",
         "clerk")
_SELECT = "SELECT " + ", ".join(_COLS) + " FROM ticket"
_TIMES = frozenset({"issued_at", "waiting_since", "called_at", "last_called_at", "served_at",
                    "done_at"})
_DEFAULTS = {"leg": 1, "parent_id": None, "state": rules.WAITING, "counter": None,
             "target_counter": None, "called_at": None, "last_called_at": None,
             "served_at": None, "done_at": None, "recalls": 0, "dossier_code": None,
             "clerk": ""}
_AT_COUNTER = ", ".join(f"'{s}'" for s in sorted(rules.ACTIVE_AT_COUNTER))


def _ticket(row: tuple[Any, ...]) -> SimpleNamespace:
    t = dict(zip(_COLS, row, strict=True))
    for k in _TIMES:
        t[k] = utc(t[k])
    t["id"] = uuid.UUID(t["id"])
    t["parent_id"] = uuid.UUID(t["parent_id"]) if t["parent_id"] else None
    t["day"] = date.fromisoformat(t["day"])
    t["priority"] = bool(t["priority"])
    return SimpleNamespace(**t)


def _record(q: QuickContext, row: dict[str, Any], t: Any) -> None:
    """The ticket event `row` and its sync outbox row (desk.sync.facts.enqueue_ticket)."""
    conn = q.conn
    ev = SimpleNamespace(id=uuid7(), recorded_at=q.now(), **row)
    insert(conn, "ticket_event", vars(ev))
    st = conn.execute("SELECT device_id, device_epoch, last_seq, hlc_last FROM sync_state"
                      " WHERE id = 1").fetchone()
    if st is None:  # as outbox_row.sync_state: this device's identity, made once
        st = (uuid.uuid4().hex, 1, 0, "")
        insert(conn, "sync_state", {"id": 1, "device_id": st[0], "device_epoch": 1,
                                     "last_seq": 0, "pull_cursor": "", "hlc_last": "",
                                     "last_error": ""})
    entry = outbox_entry(device_id=st[0], device_epoch=int(st[1]), last_seq=int(st[2]),
                         hlc_last=st[3], event_id=ev.id, office_id="",
                         kind=TICKET_PREFIX + ev.kind.lower(), entity_type=TICKET,
                         entity_id=ev.label or "", at=ev.at,
                         payload=ticket_payload(ev, t.number if t else None,
                                                t.leg if t else None))
    conn.execute("UPDATE sync_state SET hlc_last = ?, last_seq = ? WHERE id = 1",
                 (entry.hlc_last, entry.last_seq))
    insert(conn, "outbox_event", {**entry.row, "state": "pending", "attempts": 0,
                                   "last_error": "", "server_result": "",
                                   "created_at": q.now(), "acked_at": None})


def _estimate(q: QuickContext, day: date, now: datetime, key: str) -> float | None:
    """As tickets._estimate: the wait told at issue time, from the same rows."""
    def run(sql: str, params: tuple[Any, ...]) -> Any:
        return q.conn.execute(sql, params).fetchall()

    rows = wait_estimates.read_day(run, day)
    return wait_estimates.estimates(rows, q.ctx.settings.queue, now, [key]).get(key)


def issue(q: QuickContext, service: str, priority_reason: str | None = None, *,
          clerk: str = "") -> Issued:
    """tickets.issue without printing: the next number of `service` today (local date)."""
    ctx = q.ctx
    svc = find_service(ctx, service)
    reason = issue_reason(priority_reason, False)
    now = ctx.now()
    day = business_day(ctx, now)
    with immediate(q.conn) as conn:
        last = conn.execute("SELECT last FROM ticket_sequence WHERE day = ? AND service_code"
                            " = ?", (day.isoformat(), svc.code)).fetchone()
        number = next_number(last[0] if last else None)
        conn.execute("INSERT INTO ticket_sequence (day, service_code, last) VALUES (?, ?, ?)"
                     " ON CONFLICT (day, service_code) DO UPDATE SET last = excluded.last",
                     (day.isoformat(), svc.code, number))
        ahead = int(conn.execute(
            "SELECT count(*) FROM ticket WHERE day = ? AND state = ? AND service_code = ?"
            + (" AND priority = 1" if reason else ""),
            (day.isoformat(), rules.WAITING, svc.code)).fetchone()[0])
        t = SimpleNamespace(**{**_DEFAULTS, "id": uuid7(),
                               **new_ticket(day, svc, number, reason, now, clerk)})
        insert(conn, "ticket", {c: getattr(t, c) for c in _COLS})
        wait = _estimate(q, day, now, t.id.hex)
        _record(q, event_row(t, rules.ISSUE, now, day=day, clerk=clerk,
                             payload=issue_payload(reason, wait)), t)
    view = TicketView.of(t)
    return Issued(view, ahead, None, None, status_url(ctx.settings, view.id.hex), wait)


def _ready(conn: sqlite3.Connection, day: str, counter: int) -> None:
    """As tickets._ready: the counter is open and has nobody at the desk."""
    kind = conn.execute("SELECT kind FROM ticket_event WHERE day = ? AND counter = ? AND kind"
                        " IN (?, ?) ORDER BY seq DESC LIMIT 1",
                        (day, counter, rules.PAUSE, rules.RESUME)).fetchone()
    if kind is not None and kind[0] == rules.PAUSE:
        raise DomainError("queue.paused", counter=counter)
    busy = conn.execute(f"SELECT label FROM ticket WHERE day = ? AND counter = ? AND state IN"
                        f" ({_AT_COUNTER}) ORDER BY last_called_at DESC LIMIT 1",
                        (day, counter)).fetchone()
    if busy is not None:
        raise DomainError("queue.counter_busy", counter=counter, label=busy[0])


def call_next(q: QuickContext, counter: int, *, clerk: str = "") -> TicketView | None:
    """tickets.call_next for the command line's own actor (no PIN to check): the next ticket
    of `counter` (priority first, bounded; FIFO by issue time), or None."""
    ctx = q.ctx
    services = counter_services(ctx, counter)
    now = ctx.now()
    day = business_day(ctx, now)
    limit = ctx.settings.queue.max_priority_in_row
    with immediate(q.conn) as conn:
        _ready(conn, day.isoformat(), counter)
        waiting = [_ticket(r) for r in conn.execute(
            _SELECT + " WHERE day = ? AND state = ?", (day.isoformat(), rules.WAITING))]
        recent = [bool(r[0]) for r in reversed(conn.execute(
            "SELECT priority FROM ticket_event WHERE day = ? AND counter = ? AND kind = ?"
            " ORDER BY seq DESC LIMIT ?", (day.isoformat(), counter, rules.CALL, limit + 1)
        ).fetchall())]
        t = pick_next(waiting, counter, services, recent, limit)
        if t is None:
            return None
        row = apply(t, "call", counter=counter, now=now, clerk=clerk)
        conn.execute("UPDATE ticket SET " + ", ".join(f"{c} = ?" for c in CHANGED_BY_ACTIONS)
                     + " WHERE id = ?",
                     (*(db_value(getattr(t, c)) for c in CHANGED_BY_ACTIONS), t.id.hex))
        _record(q, row, t)
    return TicketView.of(t)

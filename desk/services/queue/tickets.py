"""Queue use cases: issue, call, act on tickets, pause counters, summaries and day statistics.

Every write runs in `write_session` (BEGIN IMMEDIATE), so two processes calling "next" at the
same instant are serialised by SQLite and never get the same ticket; daily numbers come from
`ticket_sequence` keyed by the office's LOCAL date. Every action appends a `ticket_event`.

`QueueFeed` is the cheap watcher displays use: its own sqlite3 connection, `PRAGMA
data_version` to notice other processes' commits, short timeouts so a busy database never
freezes a screen.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, func, select

from desk.domain import queue as rules
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.lobby.urls import status_url
from desk.services.clock import system_clock
from desk.services.context import DeskContext
from desk.services.dossier.events import fact
from desk.services.printing import spooler as printing
from desk.services.queue import wait_estimates
from desk.services.queue.shapes import GroupOut, QueueStatsOut, SummaryOut, WaitingOut
from desk.services.queue.ticket_paper import KIND, PRINT_FAILED, PRINTER, ticket_document
from desk.services.queue.ticket_rules import (
    NO_SHOW_AFTER_RECALLS,
    business_day,
    counter_services,
    event_row,
    find_service,
    issue_payload,
    issue_reason,
    new_ticket,
    next_number,
    normalize_label,
    pick_next,
)
from desk.services.queue.ticket_rules import apply as apply_action
from desk.services.queue.ticket_views import Issued, TicketView
from desk.services.trust.actor import Actor
from desk.services.trust.roles import require
from storage.commit_watch import CommitWatch
from storage.engine import read_session, write_session
from storage.tables.queue import Ticket, TicketEvent, TicketSequence

if TYPE_CHECKING:
    from desk.config import ServiceConfig

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- views handed to callers


@dataclass(frozen=True)
class ServiceWaiting:
    code: str
    name: str
    prefix: str
    waiting: int
    priority_waiting: int
    oldest_wait_seconds: float | None
    wait_target_minutes: int

    def as_dict(self) -> WaitingOut:
        return {"code": self.code, "name": self.name, "prefix": self.prefix,
                "waiting": self.waiting, "priority_waiting": self.priority_waiting,
                "oldest_wait_seconds": self.oldest_wait_seconds,
                "wait_target_minutes": self.wait_target_minutes}


@dataclass(frozen=True)
class CallView:
    seq: int
    label: str
    counter: int
    at: datetime
    kind: str  # CALL | RECALL


@dataclass(frozen=True)
class CounterState:
    number: int
    name: str
    services: tuple[str, ...]
    paused: bool
    current: TicketView | None
    held: list[TicketView]
    waiting_here: int  # legs this counter could call now
    served_today: int


@dataclass(frozen=True)
class DisplaySnapshot:
    last_seq: int
    calls: list[CallView]  # newest first, one per label
    waiting: dict[str, int] = field(default_factory=dict)  # service code → waiting


# ---------------------------------------------------------------- helpers


def _event(s: Session, t: Ticket | None, kind: str, at: datetime, *, day: date,
           counter: int | None = None, clerk: str = "", **payload: Any) -> None:
    _record(s, event_row(t, kind, at, day=day, counter=counter, clerk=clerk, payload=payload))


def _record(s: Session, row: dict[str, Any]) -> None:
    ev = TicketEvent(**row)
    s.add(ev)
    fact(s, "ticket", ev)  # its sync outbox row, in this transaction (issue 7)


def _active_leg(s: Session, day: date, label: str) -> Ticket:
    t = s.exec(select(Ticket).where(Ticket.day == day, Ticket.label == label)
               .order_by(col(Ticket.leg).desc()).limit(1)).first()
    if t is None:
        raise DomainError("queue.no_ticket", label=label)
    return t


def _current(s: Session, day: date, counter: int) -> Ticket | None:
    return s.exec(select(Ticket).where(
        Ticket.day == day, Ticket.counter == counter,
        col(Ticket.state).in_(rules.ACTIVE_AT_COUNTER),
    ).order_by(col(Ticket.last_called_at).desc()).limit(1)).first()


def _paused(s: Session, day: date, counter: int) -> bool:
    kind = s.exec(select(TicketEvent.kind).where(
        TicketEvent.day == day, TicketEvent.counter == counter,
        col(TicketEvent.kind).in_((rules.PAUSE, rules.RESUME)),
    ).order_by(col(TicketEvent.seq).desc()).limit(1)).first()
    return kind == rules.PAUSE


def _ready(s: Session, day: date, counter: int) -> None:
    """A counter may call only when it is open and has nobody at the desk."""
    if _paused(s, day, counter):
        raise DomainError("queue.paused", counter=counter)
    busy = _current(s, day, counter)
    if busy is not None:
        raise DomainError("queue.counter_busy", counter=counter, label=busy.label)


def _apply(s: Session, t: Ticket, action: str, *, counter: int | None, now: datetime,
           clerk: str, min_recalls: int = 0, **payload: Any) -> None:
    row = apply_action(t, action, counter=counter, now=now, clerk=clerk,
                       min_recalls=min_recalls, **payload)
    s.add(t)
    _record(s, row)


# ---------------------------------------------------------------- issuing


def issue(ctx: DeskContext, service: str, priority_reason: str | None = None, *,
          clerk: str = "", print_ticket: bool = True, appointment: bool = False,
          inside: Callable[[Session, Ticket], None] | None = None) -> Issued:
    """Take the next number of `service` for today (local date) and print the ticket.
    `appointment`: a checked-in booking's ticket (priority, first among the priority ones).
    `inside` runs in the issuing transaction, under its write lock: a booking is marked
    checked in with its ticket atomically (it raises to give no ticket at all)."""
    svc = find_service(ctx, service)
    reason = issue_reason(priority_reason, appointment)
    now = ctx.now()
    day = business_day(ctx, now)
    with write_session(ctx.engine) as s:
        seq = s.get(TicketSequence, (day, svc.code))
        if seq is None:
            seq = TicketSequence(day=day, service_code=svc.code, last=0)
        seq.last = next_number(seq.last)
        s.add(seq)
        ahead_q = select(func.count()).select_from(Ticket).where(
            Ticket.day == day, Ticket.state == rules.WAITING, Ticket.service_code == svc.code)
        if reason:
            ahead_q = ahead_q.where(Ticket.priority == True)  # noqa: E712
        ahead = int(s.exec(ahead_q).one())
        t = Ticket(**new_ticket(day, svc, seq.last, reason, now, clerk))
        s.add(t)
        s.flush()
        if inside is not None:
            inside(s, t)
        wait = _estimate(s, ctx, day, now, t.id.hex)
        _event(s, t, rules.ISSUE, now, day=day, clerk=clerk, **issue_payload(reason, wait))
        view = TicketView.of(t)
    link = status_url(ctx.settings, view.id.hex)
    job, note = _print(ctx, view, svc, ahead, link, wait) if print_ticket else (None, None)
    return Issued(view, ahead, job, note, link, wait)


def _estimate(s: Session, ctx: DeskContext, day: date, now: datetime,
              key: str) -> float | None:
    """Seconds until the leg `key` is called, as the citizen is told at issue time (kept on
    the ISSUE event: the figure of docs/waiting-room.md is computed from it)."""
    conn = s.connection()

    def run(sql: str, params: tuple[Any, ...]) -> Any:
        return conn.exec_driver_sql(sql, params).fetchall()

    rows = wait_estimates.read_day(run, day)
    return wait_estimates.estimates(rows, ctx.settings.queue, now, [key]).get(key)


def _print(ctx: DeskContext, view: TicketView, svc: ServiceConfig, ahead: int,
           link: str = "", wait: float | None = None) -> tuple[str | None, str | None]:
    """Send the ticket to the receipt printer; never raises (a kiosk must not lose a number)."""
    doc = ticket_document(ctx, view, svc, ahead, link, wait)
    try:
        job = printing.submit(ctx, doc, printer=PRINTER, kind=KIND, ref=view.label)
    except Exception:  # submit promises not to raise; guard anyway
        log.exception("printing ticket %s failed", view.label)
        return None, PRINT_FAILED
    return (str(job) if job is not None else None), None


# ---------------------------------------------------------------- calling and acting


def _who(ctx: DeskContext, actor: Actor | None, permission: str, counter: int | None,
         clerk: str) -> str:
    """The clerk name the event records. With an actor (the counter's screen, the command
    line), its role is checked first — a refusal is audited (roles.require) — and a clerk
    acts only at their own counter (issue 15: queue.call / queue.manage were never checked)."""
    if actor is None:
        return clerk
    try:
        require(ctx, actor, permission, target=counter)
    except DomainError as e:
        if e.key != "role.other_counter":
            raise
        raise DomainError("queue.other_counter", name=actor.name, own=actor.counter or "—",
                          counter=counter) from None
    return clerk or (actor.name if actor.id is not None else "")


def call_next(ctx: DeskContext, counter: int, *, clerk: str = "",
              actor: Actor | None = None) -> TicketView | None:
    """Call the next ticket for `counter` (priority first, bounded; FIFO by issue time)."""
    clerk = _who(ctx, actor, "queue.call", counter, clerk)
    services = counter_services(ctx, counter)
    now = ctx.now()
    day = business_day(ctx, now)
    limit = ctx.settings.queue.max_priority_in_row
    with write_session(ctx.engine) as s:
        _ready(s, day, counter)
        rows = s.exec(select(Ticket).where(Ticket.day == day,
                                           Ticket.state == rules.WAITING)).all()
        recent = list(reversed(s.exec(select(TicketEvent.priority).where(
            TicketEvent.day == day, TicketEvent.counter == counter,
            TicketEvent.kind == rules.CALL,
        ).order_by(col(TicketEvent.seq).desc()).limit(limit + 1)).all()))
        t = pick_next(list(rows), counter, services, recent, limit)
        if t is None:
            return None
        _apply(s, t, "call", counter=counter, now=now, clerk=clerk)
        return TicketView.of(t)


def call_number(ctx: DeskContext, counter: int, label: str, *, clerk: str = "",
                actor: Actor | None = None) -> TicketView:
    """Call a given number out of order (also brings back a ticket on hold)."""
    clerk = _who(ctx, actor, "queue.call", counter, clerk)
    counter_services(ctx, counter)
    label = normalize_label(label)
    now = ctx.now()
    day = business_day(ctx, now)
    with write_session(ctx.engine) as s:
        _ready(s, day, counter)
        t = _active_leg(s, day, label)
        _apply(s, t, "call", counter=counter, now=now, clerk=clerk, out_of_order=True)
        return TicketView.of(t)


def act(ctx: DeskContext, action: str, *, counter: int | None = None, label: str | None = None,
        clerk: str = "", dossier_code: str | None = None, to_counter: int | None = None,
        to_service: str | None = None, min_recalls: int = NO_SHOW_AFTER_RECALLS,
        actor: Actor | None = None) -> TicketView:
    """Apply `action` (recall, start, finish, no_show, hold, transfer, or call with a label) to
    the ticket `label`, or to the ticket now at `counter`. A transfer returns the new leg."""
    if action == "call":
        if counter is None or label is None:
            raise DomainError("queue.need_counter_and_label")
        return call_number(ctx, counter, label, clerk=clerk, actor=actor)
    clerk = _who(ctx, actor, "queue.call", counter, clerk)
    if action not in rules.TRANSITIONS:
        raise DomainError("queue.unknown_action", action=action,
                          actions=", ".join(rules.ACTIONS))
    if counter is not None:
        counter_services(ctx, counter)
    target_service = None
    if action == "transfer":
        if to_counter is None and to_service is None:
            raise DomainError("queue.transfer_target")
        if to_counter is not None:
            counter_services(ctx, to_counter)
        if to_service is not None:
            target_service = find_service(ctx, to_service).code
    now = ctx.now()
    day = business_day(ctx, now)
    with write_session(ctx.engine) as s:
        if label is not None:
            t = _active_leg(s, day, normalize_label(label))
        else:
            if counter is None:
                raise DomainError("queue.need_counter_or_label")
            found = _current(s, day, counter)
            if found is None:
                raise DomainError("queue.no_current", counter=counter)
            t = found
        at = counter if counter is not None else t.counter
        if action == "transfer":
            return _transfer(s, t, counter=at, now=now, clerk=clerk, to_counter=to_counter,
                             to_service=target_service)
        _apply(s, t, action, counter=at, now=now, clerk=clerk, min_recalls=min_recalls,
               dossier_code=dossier_code if action == "finish" else None)
        return TicketView.of(t)


def _transfer(s: Session, t: Ticket, *, counter: int | None, now: datetime, clerk: str,
              to_counter: int | None, to_service: str | None) -> TicketView:
    new = Ticket(day=t.day, service_code=to_service or t.service_code, number=t.number,
                 label=t.label, leg=t.leg + 1, parent_id=t.id, priority=t.priority,
                 priority_reason=t.priority_reason, state=rules.WAITING,
                 target_counter=to_counter, issued_at=t.issued_at, waiting_since=now,
                 clerk=clerk)
    _apply(s, t, "transfer", counter=counter, now=now, clerk=clerk, to_counter=to_counter,
           to_service=to_service, new_leg=new.leg)
    s.add(new)
    s.flush()
    return TicketView.of(new)


def recall(ctx: DeskContext, counter: int, *, clerk: str = "") -> TicketView:
    return act(ctx, "recall", counter=counter, clerk=clerk)


def start(ctx: DeskContext, counter: int, *, clerk: str = "") -> TicketView:
    return act(ctx, "start", counter=counter, clerk=clerk)


def finish(ctx: DeskContext, counter: int, dossier_code: str | None = None, *,
           clerk: str = "") -> TicketView:
    return act(ctx, "finish", counter=counter, clerk=clerk, dossier_code=dossier_code)


def no_show(ctx: DeskContext, counter: int, *, clerk: str = "",
            min_recalls: int = NO_SHOW_AFTER_RECALLS) -> TicketView:
    return act(ctx, "no_show", counter=counter, clerk=clerk, min_recalls=min_recalls)


def hold(ctx: DeskContext, counter: int, *, clerk: str = "") -> TicketView:
    return act(ctx, "hold", counter=counter, clerk=clerk)


def transfer(ctx: DeskContext, counter: int, *, to_counter: int | None = None,
             to_service: str | None = None, clerk: str = "",
             actor: Actor | None = None) -> TicketView:
    return act(ctx, "transfer", counter=counter, clerk=clerk, to_counter=to_counter,
               to_service=to_service, actor=actor)


def pause(ctx: DeskContext, counter: int, *, clerk: str = "",
          actor: Actor | None = None) -> bool:
    """Close the counter to new calls; False if it was already paused."""
    return _set_paused(ctx, counter, True, clerk, actor)


def resume(ctx: DeskContext, counter: int, *, clerk: str = "",
           actor: Actor | None = None) -> bool:
    return _set_paused(ctx, counter, False, clerk, actor)


def _set_paused(ctx: DeskContext, counter: int, paused: bool, clerk: str,
                actor: Actor | None = None) -> bool:
    # one's own counter is queue.call; another counter's is a supervisor's (queue.manage)
    own = actor is not None and actor.counter == counter
    clerk = _who(ctx, actor, "queue.call" if own else "queue.manage", counter, clerk)
    counter_services(ctx, counter)
    now = ctx.now()
    day = business_day(ctx, now)
    with write_session(ctx.engine) as s:
        if _paused(s, day, counter) == paused:
            return False
        _event(s, None, rules.PAUSE if paused else rules.RESUME, now, day=day,
               counter=counter, clerk=clerk)
    return True


# ---------------------------------------------------------------- reading


def waiting_summary(ctx: DeskContext) -> list[ServiceWaiting]:
    """Per configured service: how many wait, how many of them priority, the oldest wait."""
    now = ctx.now()
    day = business_day(ctx, now)
    with read_session(ctx.engine) as s:
        rows = s.exec(select(Ticket.service_code, Ticket.priority, Ticket.issued_at).where(
            Ticket.day == day, Ticket.state == rules.WAITING)).all()
    out = []
    for svc in ctx.settings.queue.services:
        mine = [r for r in rows if r[0] == svc.code]
        oldest = min((r[2] for r in mine), default=None)
        out.append(ServiceWaiting(
            svc.code, svc.name, svc.prefix, len(mine), sum(1 for r in mine if r[1]),
            (now - oldest).total_seconds() if oldest else None, svc.wait_target_minutes))
    return out


def counter_state(ctx: DeskContext, counter: int) -> CounterState:
    services = counter_services(ctx, counter)
    name = next((c.name for c in ctx.settings.queue.counters if c.number == counter), "")
    day = business_day(ctx)
    with read_session(ctx.engine) as s:
        current = _current(s, day, counter)
        held = s.exec(select(Ticket).where(Ticket.day == day, Ticket.counter == counter,
                                           Ticket.state == rules.HOLD)
                      .order_by(col(Ticket.issued_at))).all()
        waiting = s.exec(select(Ticket).where(Ticket.day == day,
                                              Ticket.state == rules.WAITING)).all()
        served = s.exec(select(func.count()).select_from(Ticket).where(
            Ticket.day == day, Ticket.counter == counter, Ticket.state == rules.DONE)).one()
        paused = _paused(s, day, counter)
    here = sum(1 for w in waiting if rules.eligible(
        rules.Candidate(w.id, w.service_code, w.priority, w.issued_at,
                        target_counter=w.target_counter), counter, services))
    return CounterState(counter, name or t("queue.counter.name", counter=counter),
                        services, paused,
                        TicketView.of(current) if current else None,
                        [TicketView.of(h) for h in held], here, int(served))


def last_calls(ctx: DeskContext, limit: int = 5) -> list[CallView]:
    day = business_day(ctx)
    with read_session(ctx.engine) as s:
        rows = s.exec(select(TicketEvent).where(
            TicketEvent.day == day, col(TicketEvent.kind).in_((rules.CALL, rules.RECALL)),
        ).order_by(col(TicketEvent.seq).desc()).limit(limit * 4)).all()
    return _distinct_calls(
        [CallView(r.seq or 0, r.label, r.counter or 0, r.at, r.kind) for r in rows], limit)


def _distinct_calls(calls: list[CallView], limit: int) -> list[CallView]:
    seen: set[str] = set()
    out = []
    for c in calls:
        if c.label not in seen:
            seen.add(c.label)
            out.append(c)
        if len(out) == limit:
            break
    return out


def day_events(ctx: DeskContext, day: date) -> list[rules.Event]:
    with read_session(ctx.engine) as s:
        rows = s.exec(select(TicketEvent).where(TicketEvent.day == day)
                      .order_by(col(TicketEvent.seq))).all()
    return [rules.Event(r.kind, r.at, r.label, r.service_code, r.counter, r.priority,
                        r.seq or 0) for r in rows]


def stats(ctx: DeskContext, day: date | None = None) -> rules.DayStats:
    """The day's KPIs (today by default, as of now; a past day as of its last event)."""
    today = business_day(ctx)
    day = day or today
    targets = {s.code: s.wait_target_minutes for s in ctx.settings.queue.services}
    return rules.day_stats(day_events(ctx, day), targets, ctx.tz, day=day,
                           now=ctx.now() if day == today else None)


def _summary(m: rules.Summary) -> SummaryOut:
    return {"count": m.count, "mean": m.mean, "median": m.median, "p90": m.p90, "max": m.max}


def _group(g: rules.GroupRow) -> GroupOut:
    return {"key": g.key, "issued": g.issued, "called": g.called, "served": g.served,
            "no_show": g.no_show, "wait": _summary(g.wait), "service": _summary(g.service),
            "within_target": g.within_target, "open_hours": g.open_hours,
            "served_per_hour": g.served_per_hour}


def stats_dict(st: rules.DayStats) -> QueueStatsOut:
    """JSON-ready statistics (seconds as numbers, times in ISO format)."""
    return {"day": st.day.isoformat() if st.day else None, "issued": st.issued,
            "called": st.called, "served": st.served, "no_show": st.no_show,
            "transferred": st.transferred, "recalls": st.recalls, "waiting": st.waiting,
            "longest_wait": st.longest_wait, "wait": _summary(st.wait),
            "service": _summary(st.service), "within_target": st.within_target,
            "no_show_rate": st.no_show_rate,
            "per_service": [_group(g) for g in st.per_service],
            "per_counter": [_group(g) for g in st.per_counter],
            "hours": [{"hour": h.hour, "arrivals": h.arrivals, "served": h.served,
                       "queue_start": h.queue_start, "queue_peak": h.queue_peak}
                      for h in st.hours],
            "peak_queue": st.peak_queue,
            "peak_at": st.peak_at.isoformat() if st.peak_at else None}


CSV_COLUMNS = ("kind", "key", "issued", "called", "served", "no_show", "wait_mean_s",
               "wait_median_s", "wait_p90_s", "service_mean_s", "within_target",
               "served_per_hour")


def stats_csv(st: rules.DayStats) -> str:
    """One row for the day, one per service and per counter, then the hourly rows."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)

    def r(v: float | None) -> str:
        return "" if v is None else f"{v:.1f}" if isinstance(v, float) else str(v)

    w.writerow(["day", st.day.isoformat() if st.day else "", st.issued, st.called, st.served,
                st.no_show, r(st.wait.mean), r(st.wait.median), r(st.wait.p90),
                r(st.service.mean), r(st.within_target), ""])
    for kind, rows in (("service", st.per_service), ("counter", st.per_counter)):
        for g in rows:
            w.writerow([kind, g.key, g.issued, g.called, g.served, g.no_show, r(g.wait.mean),
                        r(g.wait.median), r(g.wait.p90), r(g.service.mean),
                        r(g.within_target), r(g.served_per_hour)])
    w.writerow([])
    w.writerow(["hour", "arrivals", "served", "queue_start", "queue_peak"])
    for h in st.hours:
        w.writerow([h.hour, h.arrivals, h.served, h.queue_start, h.queue_peak])
    return buf.getvalue()


def export_csv(ctx: DeskContext, day: date | None = None, path: Path | None = None) -> Path:
    st = stats(ctx, day)
    if path is None:
        path = ctx.settings.exports_dir / f"queue-{st.day}.csv"  # Documents: findable
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stats_csv(st), encoding="utf-8-sig")  # Excel opens UTF-8 with a BOM
    return path


# ---------------------------------------------------------------- the watcher for displays


def _utc(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


# Labels whose active (highest) leg is waiting again or on hold.
_BACK_IN_LINE = (
    "SELECT t.label FROM ticket t WHERE t.day = ? AND t.state IN ('WAITING', 'HOLD') "
    "AND t.leg = (SELECT max(u.leg) FROM ticket u WHERE u.day = t.day AND u.label = t.label)")


class QueueFeed(CommitWatch):
    """Notices other processes' commits cheaply and reads what a display shows.

    Uses its own sqlite3 connection with a short timeout: a busy database raises
    sqlite3.OperationalError, and the caller keeps showing its last state."""

    def last_seq(self, day: date) -> int:
        row = self._conn.execute("SELECT max(seq) FROM ticket_event WHERE day = ?",
                                 (day.isoformat(),)).fetchone()
        return int(row[0] or 0)

    def snapshot(self, day: date, limit: int = 5) -> DisplaySnapshot:
        cur = self._conn.execute("BEGIN")  # one consistent view for both queries
        try:
            rows = cur.execute(
                "SELECT seq, label, counter, at, kind FROM ticket_event WHERE day = ? AND kind "
                "IN ('CALL', 'RECALL') ORDER BY seq DESC LIMIT ?",
                (day.isoformat(), limit * 4)).fetchall()
            waiting = dict(cur.execute(
                "SELECT service_code, count(*) FROM ticket WHERE day = ? AND state = 'WAITING' "
                "GROUP BY service_code", (day.isoformat(),)).fetchall())
            last = cur.execute("SELECT max(seq) FROM ticket_event WHERE day = ?",
                               (day.isoformat(),)).fetchone()[0]
            back = {r[0] for r in cur.execute(_BACK_IN_LINE, (day.isoformat(),)).fetchall()}
        finally:
            self._conn.execute("COMMIT")
        # a number transferred back to waiting, or on hold, is no longer "called" (issue 18)
        rows = [r for r in rows if r[1] not in back]
        calls = [CallView(r[0], r[1], r[2] or 0, _utc(r[3]) or system_clock(), r[4])
                 for r in rows]
        return DisplaySnapshot(int(last or 0), _distinct_calls(calls, limit), waiting)

    def calls_after(self, day: date, seq: int) -> list[CallView]:
        rows = self._conn.execute(
            "SELECT seq, label, counter, at, kind FROM ticket_event WHERE day = ? AND seq > ? "
            "AND kind IN ('CALL', 'RECALL') ORDER BY seq", (day.isoformat(), seq)).fetchall()
        return [CallView(r[0], r[1], r[2] or 0, _utc(r[3]) or system_clock(), r[4])
                for r in rows]


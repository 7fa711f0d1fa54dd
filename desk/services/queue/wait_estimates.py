"""Wait estimates per waiting ticket, from the day's rows (desk.domain.wait_estimate).

Reads through plain SQL so that the same code runs inside a write session (issuing a ticket
stores the estimate shown to the citizen on its ISSUE event) and on the waiting room's own
sqlite3 connection (desk.lobby). `Run` is "execute this SQL with these parameters, give rows".
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desk.config import QueueConfig
from desk.domain import queue as rules
from desk.domain.wait_estimate import (
    DEFAULT_SERVICE_SECONDS,
    Arrivals,
    CounterNow,
    Durations,
    ServiceTimes,
    open_counters,
    simulate_waits,
)

Run = Callable[[str, tuple[Any, ...]], Sequence[Sequence[Any]]]
MIN_RATE_WINDOW_SECONDS = 900.0  # rates from less than 15 minutes of the day say nothing
TURNAROUND_MAX_SECONDS = 120.0  # a longer gap means the counter was idle, not turning around
HALF_LIFE = 1800.0  # seconds: a call finished half an hour ago weighs half
APPOINTMENT = rules.APPOINTMENT_REASON  # priority_reason of a checked-in booking's ticket


def parse_utc(value: Any) -> datetime | None:
    """A UTC column as SQLite returns it through the raw driver (text) → aware datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


@dataclass(frozen=True)
class Leg:
    key: str  # ticket id as stored
    label: str
    service_code: str
    priority: bool
    priority_reason: str | None
    state: str
    counter: int | None
    target_counter: int | None
    issued_at: datetime
    called_at: datetime | None
    done_at: datetime | None
    number: int
    leg: int

    def candidate(self) -> rules.Candidate:
        return rules.Candidate(self.key, self.service_code, self.priority, self.issued_at,
                               self.number, self.target_counter,
                               appointment=self.priority_reason == APPOINTMENT)


@dataclass(frozen=True)
class DayRows:
    legs: list[Leg]
    events: list[tuple[int, str, datetime, int | None, bool]]  # seq, kind, at, counter, prio


LEG_SQL = ("SELECT id, label, service_code, priority, priority_reason, state, counter, "
           "target_counter, issued_at, called_at, done_at, number, leg FROM ticket "
           "WHERE day = ? ORDER BY issued_at, number, leg")
EVENT_SQL = ("SELECT seq, kind, at, counter, priority FROM ticket_event WHERE day = ? "
             "AND kind IN ('CALL', 'FINISH', 'NO_SHOW', 'TRANSFER', 'HOLD', 'PAUSE', 'RESUME') "
             "ORDER BY seq")


def read_day(run: Run, day: date) -> DayRows:
    legs = [Leg(str(r[0]), r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7],
                parse_utc(r[8]) or datetime.min.replace(tzinfo=UTC), parse_utc(r[9]),
                parse_utc(r[10]), int(r[11]), int(r[12]))
            for r in run(LEG_SQL, (day.isoformat(),))]
    events = [(int(r[0]), r[1], parse_utc(r[2]) or datetime.min.replace(tzinfo=UTC), r[3],
               bool(r[4])) for r in run(EVENT_SQL, (day.isoformat(),))]
    return DayRows(legs, events)


def service_times(rows: DayRows, now: datetime | None = None,
                  default_seconds: float = DEFAULT_SERVICE_SECONDS) -> ServiceTimes:
    busy: dict[str, list[tuple[float, float]]] = {}
    running: dict[str, list[float]] = {}
    for g in rows.legs:
        if g.state in rules.FINAL and g.called_at and g.done_at:
            age = (now - g.done_at).total_seconds() if now is not None else 0.0
            busy.setdefault(g.service_code, []).append(
                ((g.done_at - g.called_at).total_seconds(), 0.5 ** (max(age, 0) / HALF_LIFE)))
        elif g.state in rules.ACTIVE_AT_COUNTER and g.called_at and now is not None:
            running.setdefault(g.service_code, []).append(
                max(0.0, (now - g.called_at).total_seconds()))
    gaps: list[float] = []
    ended: dict[int, datetime] = {}
    for _seq, kind, at, counter, _p in rows.events:
        if counter is None:
            continue
        if kind in (rules.FINISH, rules.NO_SHOW_EV, rules.TRANSFER, rules.HOLD_EV):
            ended[counter] = at
        elif kind == rules.CALL and counter in ended:
            gap = (at - ended.pop(counter)).total_seconds()
            if 0 <= gap <= TURNAROUND_MAX_SECONDS:
                gaps.append(gap)
    return ServiceTimes.from_samples(busy, gaps, default_seconds, running)


def durations(rows: DayRows, now: datetime,
              default_seconds: float = DEFAULT_SERVICE_SECONDS) -> Durations:
    """Today's busy times per service, for the simulated futures (`simulate_waits`)."""
    busy: dict[str, list[float]] = {}
    for g in rows.legs:
        if g.state in rules.FINAL and g.called_at and g.done_at and g.done_at <= now:
            busy.setdefault(g.service_code, []).append(
                (g.done_at - g.called_at).total_seconds())
    turnaround = service_times(rows, now, default_seconds).turnaround
    return Durations(busy, turnaround, default_seconds)


def counters_now(rows: DayRows, config: QueueConfig) -> list[CounterNow]:
    paused: dict[int, bool] = {}
    recent: dict[int, list[bool]] = {}
    for _seq, kind, _at, counter, prio in rows.events:
        if counter is None:
            continue
        if kind in (rules.PAUSE, rules.RESUME):
            paused[counter] = kind == rules.PAUSE
        elif kind == rules.CALL:
            recent.setdefault(counter, []).append(prio)
    configured = [c.number for c in config.counters]
    is_open = open_counters(configured, [n for n, p in paused.items() if p])
    busy = {g.counter: g for g in rows.legs
            if g.state in rules.ACTIVE_AT_COUNTER and g.counter is not None}
    out = []
    for n in configured:
        at = busy.get(n)
        out.append(CounterNow(
            n, tuple(s.code for s in config.services if n in s.counters), n in is_open,
            at.called_at if at else None, at.service_code if at else None,
            tuple(recent.get(n, ()))))
    return out


def arrivals(rows: DayRows, now: datetime) -> Arrivals:
    """Today's rates of priority tickets and of transfers into each service."""
    first = min((g.issued_at for g in rows.legs), default=now)
    span = (now - first).total_seconds()
    if span < MIN_RATE_WINDOW_SECONDS:
        return Arrivals()
    prio: dict[str, float] = {}
    moved: dict[str, float] = {}
    for g in rows.legs:
        if g.leg > 1:
            moved[g.service_code] = moved.get(g.service_code, 0) + 1 / span
        elif g.priority:
            prio[g.service_code] = prio.get(g.service_code, 0) + 1 / span
    return Arrivals(prio, moved)


def estimates(rows: DayRows, config: QueueConfig, now: datetime,
              only: Sequence[str] | None = None) -> dict[str, float]:
    """Seconds from `now` until each waiting leg (by ticket id) is called: the figure told
    (desk.domain.wait_estimate.simulate_waits), the same for the same day and moment.

    One estimator for every surface (docs/waiting-room.md): the ticket, the kiosk,
    `desk queue issue --json`, the phone page and the TV. So every waiting leg is always
    simulated, and `only` merely filters the answer: simulating fewer legs would draw the
    random futures differently, and the ticket would say another figure than the phone."""
    waiting = [g.candidate() for g in rows.legs if g.state == rules.WAITING]
    wanted = set(only) if only is not None else None
    told = None if wanted is None else [c.key for c in waiting if str(c.key) in wanted]
    got = simulate_waits(now, waiting, counters_now(rows, config), durations(rows, now),
                         config.max_priority_in_row, random.Random(int(now.timestamp())),
                         arrivals=arrivals(rows, now), told=told)
    return {str(k): v for k, v in got.items() if wanted is None or str(k) in wanted}


def new_ticket(rows: DayRows, config: QueueConfig, now: datetime) -> dict[str, float]:
    """Per service: what a walk-in taking a ticket at `now` would be told. The ticket's own
    figure comes from the same rows plus its new waiting leg, issued at `now` with the
    service's next number (the calling order breaks a tie of issue times by number): a probe
    leg stands in for it, so the TV says what the kiosk prints."""
    out: dict[str, float] = {}
    for svc in config.services:
        key = f"new:{svc.code}"
        number = 1 + max((g.number for g in rows.legs
                          if g.service_code == svc.code and g.leg == 1), default=0)
        probe = Leg(key, "", svc.code, False, None, rules.WAITING, None, None, now, None, None,
                    number, 1)
        got = estimates(DayRows([*rows.legs, probe], rows.events), config, now, [key])
        if key in got:
            out[svc.code] = got[key]
    return out


def minutes(seconds: float | None) -> int | None:
    """What a citizen is told: whole minutes, at least 1 (None when unknown)."""
    if seconds is None:
        return None
    return max(1, round(seconds / 60))

"""Queue rules: ticket states and actions, choosing the next ticket, KPIs from events.

Pure: no I/O, no clock. Times are aware datetimes handed in by the caller; the office time
zone is a parameter where local hours matter.

Anti-starvation (domain.md §7): priority tickets go first, but a counter never makes more than
`max_priority_in_row` priority calls in a row while a normal ticket it could take is waiting.
The streak is counted per counter, over its calls of the day.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo
from statistics import mean, median
from typing import Final

from desk.domain.errors import DomainError

WAITING: Final = "WAITING"
CALLED: Final = "CALLED"
SERVING: Final = "SERVING"
DONE: Final = "DONE"
NO_SHOW: Final = "NO_SHOW"
HOLD: Final = "HOLD"
TRANSFERRED: Final = "TRANSFERRED"
STATES: Final = (WAITING, CALLED, SERVING, DONE, NO_SHOW, HOLD, TRANSFERRED)
ACTIVE_AT_COUNTER: Final = frozenset({CALLED, SERVING})
FINAL: Final = frozenset({DONE, NO_SHOW, TRANSFERRED})

PRIORITY_REASONS: Final = ("elderly", "pregnant", "disability", "merit", "small_child")
APPOINTMENT_REASON: Final = "appointment"  # a checked-in booking (not offered at the kiosk)

# action → (states it may start from, state it leads to). A transfer leaves the old leg
# TRANSFERRED and opens a new WAITING leg (see `transfer_leg`).
TRANSITIONS: Final[dict[str, tuple[frozenset[str], str]]] = {
    "call": (frozenset({WAITING, HOLD}), CALLED),
    "recall": (frozenset({CALLED}), CALLED),
    "start": (frozenset({CALLED}), SERVING),
    "finish": (frozenset({CALLED, SERVING}), DONE),
    "no_show": (frozenset({CALLED}), NO_SHOW),
    "hold": (frozenset({CALLED, SERVING}), HOLD),
    "transfer": (frozenset({CALLED, SERVING, HOLD}), TRANSFERRED),
}
ACTIONS: Final = tuple(TRANSITIONS)

# Event kinds (ticket_event.kind).
ISSUE: Final = "ISSUE"
CALL: Final = "CALL"
RECALL: Final = "RECALL"
START: Final = "START"
FINISH: Final = "FINISH"
NO_SHOW_EV: Final = "NO_SHOW"
HOLD_EV: Final = "HOLD"
TRANSFER: Final = "TRANSFER"
PAUSE: Final = "PAUSE"
RESUME: Final = "RESUME"
EVENT_OF_ACTION: Final = {
    "call": CALL, "recall": RECALL, "start": START, "finish": FINISH,
    "no_show": NO_SHOW_EV, "hold": HOLD_EV, "transfer": TRANSFER,
}  # fmt: skip


def next_state(state: str, action: str, *, recalls: int = 0, min_recalls: int = 0) -> str:
    """The state after `action`, or DomainError("queue.bad_action") if it is not allowed.

    A no-show needs at least `min_recalls` recalls first (the citizen was called again)."""
    if action not in TRANSITIONS:
        raise DomainError("queue.unknown_action", action=action, actions=", ".join(TRANSITIONS))
    allowed, to = TRANSITIONS[action]
    if state not in allowed:
        raise DomainError("queue.bad_action", action=action, state=state)
    if action == "no_show" and recalls < min_recalls:
        raise DomainError("queue.recall_first", recalls=recalls, needed=min_recalls)
    return to


def check_reason(reason: str | None) -> str | None:
    if reason is None or reason == "":
        return None
    if reason not in PRIORITY_REASONS:
        raise DomainError("queue.bad_reason", reason=reason, reasons=", ".join(PRIORITY_REASONS))
    return reason


def make_label(prefix: str, number: int, width: int = 3) -> str:
    """"A" + 15 → "A015" (wider numbers keep all their digits: "A1234")."""
    return f"{prefix}{number:0{width}d}"


# ---------------------------------------------------------------- choosing the next ticket


@dataclass(frozen=True)
class Candidate:
    """A waiting leg as the chooser sees it."""

    key: object  # the caller's id for the leg
    service_code: str
    priority: bool
    issued_at: datetime  # original issue time: FIFO order survives transfers
    number: int = 0
    target_counter: int | None = None
    appointment: bool = False  # a checked-in appointment: first among the priority tickets
    arrives_at: datetime | None = None  # wait estimates only: a ticket expected later


def eligible(c: Candidate, counter: int, services: Iterable[str]) -> bool:
    if c.target_counter is not None:
        return c.target_counter == counter
    return c.service_code in set(services)


def priority_streak(recent_calls: Sequence[bool]) -> int:
    """Priority calls in a row at the end of `recent_calls` (oldest first, True = priority)."""
    n = 0
    for p in reversed(recent_calls):
        if not p:
            break
        n += 1
    return n


def choose_next(waiting: Iterable[Candidate], counter: int, services: Iterable[str],
                recent_calls: Sequence[bool], max_priority_in_row: int) -> Candidate | None:
    """The leg `counter` should call next, or None when nothing it serves is waiting.

    Priority first (checked-in appointments before other priority tickets), FIFO by original
    issue time within each class; but after
    `max_priority_in_row` priority calls in a row, a waiting normal ticket goes first."""
    svc = set(services)
    pool = [c for c in waiting if eligible(c, counter, svc)]
    if not pool:
        return None

    def order(c: Candidate) -> tuple[datetime, int, str]:
        return (c.issued_at, c.number, c.service_code)

    normal = sorted((c for c in pool if not c.priority), key=order)
    prio = sorted((c for c in pool if c.priority),
                  key=lambda c: (not c.appointment, *order(c)))
    if prio and (not normal or priority_streak(recent_calls) < max_priority_in_row):
        return prio[0]
    return normal[0] if normal else prio[0]


# ---------------------------------------------------------------- KPIs from events


@dataclass(frozen=True)
class Event:
    """One ticket_event as the KPIs need it. `label` identifies a visit within a day."""

    kind: str
    at: datetime
    label: str = ""
    service_code: str = ""
    counter: int | None = None
    priority: bool = False
    seq: int = 0


@dataclass
class Visit:
    """A ticket's whole day, across its legs."""

    label: str
    service_code: str  # where it was issued
    priority: bool
    issued_at: datetime
    first_call: datetime | None = None
    outcome: str = WAITING  # the state of its last leg
    finished_at: datetime | None = None
    finished_counter: int | None = None
    service_seconds: float | None = None  # of the finishing leg
    recalls: int = 0
    transfers: int = 0
    # internal: the current leg
    _leg_call: datetime | None = None
    _leg_start: datetime | None = None

    @property
    def wait_seconds(self) -> float | None:
        if self.first_call is None:
            return None
        return (self.first_call - self.issued_at).total_seconds()


@dataclass(frozen=True)
class Summary:
    count: int
    mean: float | None
    median: float | None
    p90: float | None
    max: float | None


def nearest_rank(values: Sequence[float], pct: float) -> float | None:
    """Percentile by nearest rank (the smallest value with at least pct % at or below it)."""
    if not values:
        return None
    s = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(s)))
    return s[rank - 1]


def summarize(values: Sequence[float]) -> Summary:
    if not values:
        return Summary(0, None, None, None, None)
    return Summary(len(values), mean(values), median(values), nearest_rank(values, 90),
                   max(values))


@dataclass(frozen=True)
class HourRow:
    hour: int  # local hour of the day
    arrivals: int
    served: int
    queue_start: int  # waiting at the start of the hour
    queue_peak: int  # most waiting at any moment in the hour


@dataclass(frozen=True)
class GroupRow:
    """Per service or per counter."""

    key: str
    issued: int
    called: int
    served: int
    no_show: int
    wait: Summary
    service: Summary
    within_target: float | None
    open_hours: float | None = None  # counters only
    served_per_hour: float | None = None  # counters only


@dataclass(frozen=True)
class DayStats:
    day: date | None
    issued: int
    called: int
    served: int
    no_show: int
    transferred: int
    recalls: int
    waiting: int  # waiting now (never called, or transferred and not called again)
    longest_wait: float | None  # seconds: the longest wait to first call, or still waiting
    wait: Summary
    service: Summary
    within_target: float | None  # served within their service's wait target ÷ served
    no_show_rate: float | None  # no-shows ÷ visits called
    per_service: list[GroupRow] = field(default_factory=list)
    per_counter: list[GroupRow] = field(default_factory=list)
    hours: list[HourRow] = field(default_factory=list)
    peak_queue: int = 0
    peak_at: datetime | None = None


def build_visits(events: Iterable[Event]) -> dict[str, Visit]:
    """Replay events (in `seq`, then time order) into one Visit per label."""
    visits: dict[str, Visit] = {}
    for e in sorted(events, key=lambda e: (e.seq, e.at)):
        if e.kind == ISSUE:
            visits[e.label] = Visit(e.label, e.service_code, e.priority, e.at)
            continue
        v = visits.get(e.label)
        if v is None:
            continue  # PAUSE/RESUME, or an event whose ISSUE is outside the set
        if e.kind == CALL:
            if v.first_call is None:
                v.first_call = e.at
            v._leg_call, v._leg_start = e.at, None
            v.outcome = CALLED
        elif e.kind == RECALL:
            v.recalls += 1
            v._leg_call = e.at
        elif e.kind == START:
            v._leg_start = e.at
            v.outcome = SERVING
        elif e.kind == FINISH:
            began = v._leg_start or v._leg_call
            v.service_seconds = (e.at - began).total_seconds() if began else None
            v.outcome, v.finished_at, v.finished_counter = DONE, e.at, e.counter
        elif e.kind == NO_SHOW_EV:
            v.outcome, v.finished_at, v.finished_counter = NO_SHOW, e.at, e.counter
        elif e.kind == HOLD_EV:
            v.outcome = HOLD
        elif e.kind == TRANSFER:
            v.transfers += 1
            v.outcome, v._leg_call, v._leg_start = WAITING, None, None
    return visits


def queue_timeline(events: Iterable[Event]) -> list[tuple[datetime, int]]:
    """(time, number waiting just after it) at every change. Waiting = issued or transferred
    and not yet called on the current leg."""
    state: dict[str, bool] = {}
    n = 0
    out: list[tuple[datetime, int]] = []
    for e in sorted(events, key=lambda e: (e.seq, e.at)):
        was = state.get(e.label, False)
        if e.kind in (ISSUE, TRANSFER):
            now_waiting = True
        elif e.kind == CALL:
            now_waiting = False
        else:
            continue
        if e.kind != ISSUE and e.label not in state:
            continue
        n += int(now_waiting) - int(was)
        state[e.label] = now_waiting
        out.append((e.at, n))
    return out


def hourly(events: Sequence[Event], tz: tzinfo) -> list[HourRow]:
    """Arrivals, served and queue length for each local hour from the first event to the last."""
    timeline = queue_timeline(events)
    if not events:
        return []
    local = [e.at.astimezone(tz) for e in events]
    first, last = min(local), max(local)
    rows: list[HourRow] = []
    start = first.replace(minute=0, second=0, microsecond=0)
    while start <= last:
        end = start + timedelta(hours=1)
        arrivals = sum(1 for e in events if e.kind == ISSUE and start <= e.at < end)
        served = sum(1 for e in events if e.kind == FINISH and start <= e.at < end)
        before = [n for t, n in timeline if t < start]
        q0 = before[-1] if before else 0
        inside = [n for t, n in timeline if start <= t < end]
        rows.append(HourRow(start.hour, arrivals, served, q0, max([q0, *inside])))
        start = end
    return rows


def _share(num: int, den: int) -> float | None:
    return num / den if den else None


def _group(key: str, vs: Sequence[Visit], targets: dict[str, int], *,
           served_here: Sequence[Visit] | None = None) -> GroupRow:
    served = list(served_here if served_here is not None else
                  [v for v in vs if v.outcome == DONE])
    waits = [w for v in vs if (w := v.wait_seconds) is not None]
    within = sum(1 for v in served if v.wait_seconds is not None
                 and v.wait_seconds <= targets.get(v.service_code, 15) * 60)
    return GroupRow(
        key=key, issued=len(vs), called=sum(1 for v in vs if v.first_call is not None),
        served=len(served), no_show=sum(1 for v in vs if v.outcome == NO_SHOW),
        wait=summarize(waits),
        service=summarize([s for v in served if (s := v.service_seconds) is not None]),
        within_target=_share(within, len(served)),
    )


def counter_open_seconds(events: Sequence[Event], counter: int) -> float:
    """First to last event of the counter, minus the time it was paused."""
    mine = sorted((e for e in events if e.counter == counter), key=lambda e: (e.seq, e.at))
    if not mine:
        return 0.0
    total = (mine[-1].at - mine[0].at).total_seconds()
    paused_at: datetime | None = None
    for e in mine:
        if e.kind == PAUSE and paused_at is None:
            paused_at = e.at
        elif e.kind == RESUME and paused_at is not None:
            total -= (e.at - paused_at).total_seconds()
            paused_at = None
    if paused_at is not None:
        total -= (mine[-1].at - paused_at).total_seconds()
    return max(total, 0.0)


def day_stats(events: Sequence[Event], targets: dict[str, int], tz: tzinfo, *,
              day: date | None = None, now: datetime | None = None) -> DayStats:
    """Every KPI of notes/queue.md §3 from one day's events.

    wait = issue → first call (recalls and transfers do not reset it); service time = start
    (or the last call when there was no start) → finish of the finishing leg; no-show rate =
    no-shows ÷ visits called; within target = served with wait ≤ the target of the service
    they were issued for ÷ served; served per hour = served ÷ the counter's open hours."""
    visits = build_visits(events)
    vs = list(visits.values())
    served = [v for v in vs if v.outcome == DONE]
    waits = [w for v in vs if (w := v.wait_seconds) is not None]
    end = now or (max(e.at for e in events) if events else None)
    still = [v for v in vs if v.first_call is None and v.outcome == WAITING]
    open_waits = [(end - v.issued_at).total_seconds() for v in still] if end else []
    timeline = queue_timeline(events)
    peak_n, peak_at = 0, None
    for t, n in timeline:
        if n > peak_n:
            peak_n, peak_at = n, t
    within = sum(1 for v in served if v.wait_seconds is not None
                 and v.wait_seconds <= targets.get(v.service_code, 15) * 60)
    called = sum(1 for v in vs if v.first_call is not None)
    no_show = sum(1 for v in vs if v.outcome == NO_SHOW)
    per_service = [_group(code, [v for v in vs if v.service_code == code], targets)
                   for code in sorted({v.service_code for v in vs})]
    per_counter: list[GroupRow] = []
    counters = sorted({e.counter for e in events if e.counter is not None})
    for c in counters:
        called_here = {e.label for e in events if e.counter == c and e.kind == CALL}
        group_vs = [v for v in vs if v.label in called_here]
        done_here = [v for v in served if v.finished_counter == c]
        row = _group(str(c), group_vs, targets, served_here=done_here)
        secs = counter_open_seconds(events, c)
        hours = secs / 3600 if secs else None
        per_counter.append(replace(
            row, no_show=sum(1 for v in group_vs if v.outcome == NO_SHOW
                             and v.finished_counter == c),
            open_hours=hours, served_per_hour=(len(done_here) / hours) if hours else None))
    return DayStats(
        day=day, issued=len(vs), called=called, served=len(served), no_show=no_show,
        transferred=sum(v.transfers for v in vs), recalls=sum(v.recalls for v in vs),
        waiting=sum(1 for v in vs if v.outcome == WAITING),
        longest_wait=max([*waits, *open_waits], default=None),
        wait=summarize(waits),
        service=summarize([s for v in served if (s := v.service_seconds) is not None]),
        within_target=_share(within, len(served)), no_show_rate=_share(no_show, called),
        per_service=per_service, per_counter=per_counter, hours=hourly(events, tz),
        peak_queue=peak_n, peak_at=peak_at,
    )

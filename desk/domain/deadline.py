"""Time limits and deadlines: due instants, pauses and restarts, classification, warnings.

The functions here take a `WorkingCalendar` (desk.domain.calendar) as their first argument and
are also reachable as methods of it (`cal.due(...)`, `cal.classify(...)` ...). They use only the
calendar's public API. All instants returned are tz-aware in the office zone.

Rules (design/domain.md §2; the choices marked DECISION are ours):

* `working_days` / `working_hours`: N × (working hours in one day), resp. N hours, of working
  time counted from receipt; receipt outside working hours counts from the next working
  period's start. Mon 10:00 + 3 working days = Thu 10:00 (office hours 07:30–11:30, 13:30–17:00).
* DECISION end-inclusive: when the remaining time reaches exactly zero at the end of a working
  period, the due instant is that end (Fri 17:00, Mon 11:30), never the next period's start.
  So a due instant is always a working moment or the exact end of a working period.
* `same_day`: the end of the receipt day's working time if received on a working day at or
  before the cut-off (15:00 by default); otherwise the end of the next working day.
* `calendar_days` — DECISION (as in Civil Code art. 147-148: a period in days ends at the end of
  its last day, moved to the next working day when that day is a day off): the local date of
  receipt + N days; the due instant is the end of that date's working time, or the end of the
  next working day if that date is not a working day (or, for 0 days received after closing,
  already over). Receipt time of day does not matter otherwise.
* Pauses (`(start, end | None)`, clock stopped): working time inside a pause does not count.
  For `same_day` the paused working time is added on (the budget is the working time from
  receipt to the unpaused due instant); for `calendar_days` the paused *calendar* time is
  added on before the end-of-day rule. An open pause (`end is None`) that starts before the
  limit runs out stops the clock for good: the due instant is unknown and `None` is returned.
* Restart: see `due_with_clock`.
* Classification compares local *dates* only: finished before the due date = early, on it =
  on time, after it = late. So a result finished Thu 16:00 against a due Thu 10:00 is on time,
  although `deadline_state` already says "overdue" at Thu 10:00:01 (the warning is by instant).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal, TypeGuard, get_args

from desk.domain.errors import DomainError

if TYPE_CHECKING:
    from desk.domain.calendar import WorkingCalendar

TimeUnit = Literal["working_days", "working_hours", "same_day", "calendar_days"]
TIME_UNITS: tuple[str, ...] = get_args(TimeUnit)
ResultClass = Literal["early", "on_time", "late"]
DeadlineState = Literal["ok", "due_soon", "due_today", "overdue"]
ClockEventKind = Literal["pause", "resume", "restart"]
CLOCK_EVENT_KINDS: tuple[str, ...] = get_args(ClockEventKind)
ClockEvent = tuple[ClockEventKind, datetime]
Pause = tuple[datetime, datetime | None]


def is_time_unit(unit: object) -> TypeGuard[TimeUnit]:
    return unit in TIME_UNITS


@dataclass(frozen=True)
class TimeLimit:
    """A statutory time limit: `value` units. `same_day` always has value 0."""

    value: int
    unit: TimeUnit

    def __post_init__(self) -> None:
        ok = (
            self.unit in TIME_UNITS
            and isinstance(self.value, int)
            and not isinstance(self.value, bool)
            and self.value >= 0
            and (self.unit != "same_day" or self.value == 0)
        )
        if not ok:
            raise DomainError("calendar.bad_limit", text=f"{self.value} {self.unit}")

    @classmethod
    def of(cls, value: int, unit: str) -> TimeLimit:
        """From stored columns, the unit as text; DomainError when it names no unit."""
        if not is_time_unit(unit):
            raise DomainError("calendar.bad_limit", text=f"{value} {unit}")
        return cls(value, unit)

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        """'3 working_days', '4 working_hours', 'same_day', '0 same_day', '10 calendar_days'."""
        parts = text.split() if isinstance(text, str) else []
        if len(parts) == 1 and parts[0] == "same_day":
            return cls(0, "same_day")
        unit = parts[1] if len(parts) == 2 else ""
        if len(parts) == 2 and parts[0].isascii() and parts[0].isdigit() and is_time_unit(unit):
            value = int(parts[0])
            if unit != "same_day" or value == 0:
                return cls(value, unit)
        raise DomainError("calendar.bad_limit", text=str(text))

    def __str__(self) -> str:
        return "same_day" if self.unit == "same_day" else f"{self.value} {self.unit}"


# ---------------------------------------------------------------------------------------------
# Due instants


def same_day_due(cal: WorkingCalendar, received_at: datetime) -> datetime:
    """End of the receipt day if received on a working day at/before the cut-off; else the end
    of the next working day."""
    t = cal.local(received_at)
    d = t.date()
    end = cal.day_end(d)
    cutoff = datetime.combine(d, cal.cutoff, tzinfo=t.tzinfo)
    if end is not None and t <= cutoff and t < end:
        return end
    return _end_of(cal, cal.next_working_day(d))


def _end_of(cal: WorkingCalendar, d: date) -> datetime:
    end = cal.day_end(d)
    assert end is not None  # d is a working day
    return end


def _calendar_days_due(
    cal: WorkingCalendar, received_at: datetime, days: int, pauses: Sequence[Pause]
) -> datetime | None:
    t = cal.local(received_at)
    remaining = timedelta(days=days)
    for ps, pe in cal.normalise_pauses(pauses):
        if pe is not None and pe <= t:
            continue
        if ps > t:
            if ps - t >= remaining:
                break
            remaining -= ps - t
        if pe is None:
            return None
        t = pe
    last = (t + remaining).date()
    if cal.is_working_day(last):
        end = _end_of(cal, last)
        if end >= cal.local(received_at):  # fails e.g. for "0 calendar_days" after closing
            return end
    return _end_of(cal, cal.next_working_day(last))


def due(
    cal: WorkingCalendar,
    received_at: datetime,
    limit: TimeLimit,
    pauses: Sequence[Pause] = (),
) -> datetime | None:
    """The due instant of a dossier received at `received_at` with `limit`.

    `pauses` are clock-stopped intervals `(start, end | None)`. Returns None only when an open
    pause stops the clock before the limit has run out (the due instant is then unknown)."""
    if limit.unit == "working_days":
        return cal.add_working_time(received_at, cal.hours_per_day * limit.value, pauses)
    if limit.unit == "working_hours":
        return cal.add_working_time(received_at, timedelta(hours=limit.value), pauses)
    if limit.unit == "same_day":
        base = same_day_due(cal, received_at)
        if not pauses:
            return base
        budget = cal.working_time_between(received_at, base)
        return cal.add_working_time(received_at, budget, pauses)
    return _calendar_days_due(cal, received_at, limit.value, pauses)


def due_with_clock(
    cal: WorkingCalendar,
    received_at: datetime,
    limit: TimeLimit,
    clock_events: Sequence[tuple[str, datetime]],
) -> datetime | None:
    """The due instant given the dossier's clock history.

    `clock_events` is a chronological sequence of `(kind, at)`:

    * `("pause", at)`   — the clock stops (supplement requested, Form 02);
    * `("resume", at)`  — the clock runs again; the paused time does not count
      (supplement completed after a late request, i.e. an ordinary pause);
    * `("restart", at)` — the limit restarts from zero at `at`, as if the dossier had been
      received then; everything before is forgotten and the clock runs. Use it for the
      moment a supplement is complete when the processing agency asked for it within
      3 working days of receipt (`within_working_days(received, requested_at, 3)`). It may
      follow a pause (the usual case) or stand alone (e.g. postal filing time moved to the
      completed supplement, Decision 45/2016 art. 7(4)).

    Events must be in order and not before receipt; a pause while paused or a resume while
    running is an error. A trailing pause without resume leaves the clock stopped: the result
    is None unless the limit had already run out before it.
    """
    origin = cal.local(received_at)
    prev = origin
    pauses: list[Pause] = []
    open_since: datetime | None = None
    for index, (kind, at) in enumerate(clock_events, start=1):
        if kind not in CLOCK_EVENT_KINDS:
            raise DomainError("calendar.clock_bad_event", index=index, kind=kind)
        t = cal.local(at)
        if t < prev:
            raise DomainError("calendar.clock_out_of_order", index=index, kind=kind)
        prev = t
        if kind == "pause":
            if open_since is not None:
                raise DomainError("calendar.clock_already_paused", index=index)
            open_since = t
        elif kind == "resume":
            if open_since is None:
                raise DomainError("calendar.clock_not_paused", index=index)
            pauses.append((open_since, t))
            open_since = None
        else:  # restart
            origin, pauses, open_since = t, [], None
    if open_since is not None:
        pauses.append((open_since, None))
    return due(cal, origin, limit, pauses)


def handover_deadline(cal: WorkingCalendar, received_at: datetime) -> datetime:
    """When a paper dossier must reach the processing agency (Decree 61 art. 18): by the end of
    the receipt day if received on a working day at/before the cut-off; otherwise at the start
    of the next working day ("đầu giờ ngày làm việc tiếp theo" — the first period's start)."""
    t = cal.local(received_at)
    d = t.date()
    end = cal.day_end(d)
    cutoff = datetime.combine(d, cal.cutoff, tzinfo=t.tzinfo)
    if end is not None and t <= cutoff and t < end:
        return end
    start = cal.day_start(cal.next_working_day(d))
    assert start is not None
    return start


def within_working_days(cal: WorkingCalendar, a: datetime, b: datetime, n: int) -> bool:
    """True if at most `n` working days of working time elapsed from `a` to `b`
    (`working_time_between(a, b) <= n × hours_per_day`; always True when b <= a)."""
    if n < 0:
        raise DomainError("calendar.negative_duration")
    limit_end = cal.add_working_days(a, n)
    # Past limit_end, the elapsed time grows only once working time resumes.
    return cal.local(b) <= cal.next_working_start(limit_end)


# ---------------------------------------------------------------------------------------------
# Classification and warnings


def classify(cal: WorkingCalendar, finished_at: datetime, due_at: datetime) -> ResultClass:
    """early / on_time / late by the local date of the result against the due date."""
    f = cal.local(finished_at).date()
    d = cal.local(due_at).date()
    if f < d:
        return "early"
    return "on_time" if f == d else "late"


def deadline_state(cal: WorkingCalendar, now: datetime, due_at: datetime) -> DeadlineState:
    """overdue if now > due; due_today if the same local date; due_soon if at most one working
    day of working time is left (working_time_between(now, due) <= hours_per_day); else ok."""
    n = cal.local(now)
    d = cal.local(due_at)
    if n > d:
        return "overdue"
    if n.date() == d.date():
        return "due_today"
    # Bounded form of working_time_between(n, d) <= hours_per_day (d may be months away).
    if d <= cal.next_working_start(cal.add_working_time(n, cal.hours_per_day)):
        return "due_soon"
    return "ok"

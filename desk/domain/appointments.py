"""Appointment rules: which days and slots may be booked, how many per person, when a booking
may be checked in and when it becomes a no-show. Pure: the caller hands in today, the time
and a working-day test.

Anchors (notes/anchors-2026.md §4): Hà Nội's online queue numbers are taken for today or up
to 6 days ahead, at most 2 per person per day; bcgov TheQ sends a checked-in appointment to the
front of the queue. Here a checked-in appointment becomes a priority ticket of its service,
first among the priority tickets, so the queue's anti-starvation bound still lets walk-ins
through (desk.domain.queue.choose_next).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

from desk.domain.errors import DomainError

BOOKED: Final = "BOOKED"
CHECKED_IN: Final = "CHECKED_IN"
NO_SHOW: Final = "NO_SHOW"
CANCELLED: Final = "CANCELLED"
COUNTS_TOWARDS_LIMIT: Final = frozenset({BOOKED, CHECKED_IN, NO_SHOW})


def working_days_ahead(today: date, day: date, is_working: Callable[[date], bool]) -> int:
    """How many working days after `today` `day` is (0 = today)."""
    n, d = 0, today
    while d < day:
        d += timedelta(days=1)
        if is_working(d):
            n += 1
    return n


def check_day(today: date, day: date, is_working: Callable[[date], bool],
              days_ahead: int) -> None:
    if day < today:
        raise DomainError("appt.past_day", day=day.isoformat())
    if not is_working(day):
        raise DomainError("appt.closed_day", day=day.isoformat())
    ahead = working_days_ahead(today, day, is_working)
    if ahead > days_ahead:
        raise DomainError("appt.too_far", day=day.isoformat(), n=days_ahead)


def slot_start(day: date, slot: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, slot, tzinfo=tz)


def free_slots(day: date, slots: Sequence[time], capacity: int, booked: dict[time, int],
               now: datetime, tz: tzinfo, late_minutes: int) -> list[time]:
    """The slots of `day` with room left that have not closed yet."""
    out = []
    for s in slots:
        closes = slot_start(day, s, tz) + timedelta(minutes=late_minutes)
        if booked.get(s, 0) < capacity and closes > now:
            out.append(s)
    return out


def choose_slot(day: date, wanted: time | None, slots: Sequence[time], capacity: int,
                booked: dict[time, int], now: datetime, tz: tzinfo, late_minutes: int,
                service: str) -> time:
    """The slot to book: `wanted` if it exists and has room, else the first free one."""
    if capacity <= 0 or not slots:
        raise DomainError("appt.no_slots", service=service)
    free = free_slots(day, slots, capacity, booked, now, tz, late_minutes)
    if wanted is None:
        if not free:
            raise DomainError("appt.day_full", service=service, day=day.isoformat())
        return free[0]
    if wanted not in slots:
        raise DomainError("appt.bad_slot", time=f"{wanted:%H:%M}",
                          slots=", ".join(f"{s:%H:%M}" for s in slots))
    if wanted not in free:
        raise DomainError("appt.slot_full", time=f"{wanted:%H:%M}",
                          free=", ".join(f"{s:%H:%M}" for s in free) or "—")
    return wanted


def check_per_id(states: Iterable[str], limit: int, day: date) -> None:
    """At most `limit` bookings per ID number per day (cancelled ones do not count)."""
    if sum(1 for s in states if s in COUNTS_TOWARDS_LIMIT) >= limit:
        raise DomainError("appt.per_id", n=limit, day=day.isoformat())


def checkin_window(day: date, slot: time, tz: tzinfo, early: int,
                   late: int) -> tuple[datetime, datetime]:
    start = slot_start(day, slot, tz)
    return start - timedelta(minutes=early), start + timedelta(minutes=late)


def check_checkin(state: str, now: datetime, opens: datetime, closes: datetime) -> None:
    if state == CHECKED_IN:
        raise DomainError("appt.already", )
    if state == CANCELLED:
        raise DomainError("appt.cancelled")
    if state == NO_SHOW or now > closes:
        raise DomainError("appt.missed", closes=f"{closes:%H:%M}")
    if now < opens:
        raise DomainError("appt.too_early", opens=f"{opens:%H:%M}")


def is_no_show(state: str, now: datetime, closes: datetime) -> bool:
    """A booking not checked in when its window has closed."""
    return state == BOOKED and now > closes

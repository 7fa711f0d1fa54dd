"""The declared shapes of `desk queue issue|call|act|waiting|stats --json` and
`desk appointment book|list|checkin --json` (contracts administrators script; tests/contracts
checks the printed JSON against them)."""

from __future__ import annotations

from typing import TypedDict


class TicketOut(TypedDict):
    label: str
    number: int
    service: str
    priority: bool  # a priority ticket (the elderly, disabled, pregnant, …)
    priority_reason: str | None
    state: str
    counter: int | None
    target_counter: int | None
    issued_at: str
    leg: int
    recalls: int
    dossier_code: str | None


class IssuedOut(TicketOut):
    people_ahead: int
    wait_minutes: int | None
    status_url: str
    print_job: str | None
    print_note: str | None  # in the office language, when the ticket could not be printed


class CalledOut(TypedDict):
    counter: int
    ticket: TicketOut | None  # None when nobody is waiting


class WaitingOut(TypedDict):
    """`desk queue waiting --json`: one row per configured service."""

    code: str
    name: str
    prefix: str
    waiting: int
    priority_waiting: int
    oldest_wait_seconds: float | None  # None: nobody waits
    wait_target_minutes: int


class SummaryOut(TypedDict):
    """Seconds: waits to the first call, or service times."""

    count: int
    mean: float | None
    median: float | None
    p90: float | None
    max: float | None


class GroupOut(TypedDict):
    """A service's or a counter's day."""

    key: str
    issued: int
    called: int
    served: int
    no_show: int
    wait: SummaryOut
    service: SummaryOut
    within_target: float | None
    open_hours: float | None  # counters only
    served_per_hour: float | None  # counters only


class HourOut(TypedDict):
    hour: int  # local hour of the day
    arrivals: int
    served: int
    queue_start: int
    queue_peak: int


class QueueStatsOut(TypedDict):
    """`desk queue stats --json`: the day's figures."""

    day: str | None  # YYYY-MM-DD
    issued: int
    called: int
    served: int
    no_show: int
    transferred: int
    recalls: int
    waiting: int
    longest_wait: float | None  # seconds
    wait: SummaryOut
    service: SummaryOut
    within_target: float | None  # a share, 0..1
    no_show_rate: float | None
    per_service: list[GroupOut]
    per_counter: list[GroupOut]
    hours: list[HourOut]
    peak_queue: int
    peak_at: str | None  # ISO date-time


class AppointmentOut(TypedDict):
    """`desk appointment book|list --json`: one booking."""

    code: str
    date: str  # YYYY-MM-DD
    time: str  # HH:MM, the slot
    service: str
    service_name: str
    id: str  # masked
    state: str
    channel: str
    ticket: str | None  # the ticket's label once checked in


class CheckedInOut(AppointmentOut):
    """`desk appointment checkin CODE --json`: the booking and its priority ticket."""

    status_url: str
    wait_minutes: int | None

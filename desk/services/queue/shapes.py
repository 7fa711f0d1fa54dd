"""The declared shapes of `desk queue issue|call --json` (contracts administrators script;
tests/contracts checks the printed JSON against them)."""

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

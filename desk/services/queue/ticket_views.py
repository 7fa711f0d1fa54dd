"""What issuing and calling hand back (both writers: tickets.py and the quick `sqlite3` path)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from desk.services.queue import wait_estimates


@dataclass(frozen=True)
class TicketView:
    id: uuid.UUID
    label: str
    number: int
    service_code: str
    priority: bool
    priority_reason: str | None
    state: str
    counter: int | None
    target_counter: int | None
    issued_at: datetime
    called_at: datetime | None
    served_at: datetime | None
    recalls: int
    leg: int
    dossier_code: str | None

    @classmethod
    def of(cls, t: Any) -> TicketView:
        """Of a ticket row (the ORM's, or the quick path's namespace)."""
        return cls(t.id, t.label, t.number, t.service_code, t.priority, t.priority_reason,
                   t.state, t.counter, t.target_counter, t.issued_at, t.called_at, t.served_at,
                   t.recalls, t.leg, t.dossier_code)


@dataclass(frozen=True)
class Issued:
    ticket: TicketView
    people_ahead: int
    print_job: str | None = None
    print_note: str | None = None  # message key when the ticket could not be sent to print
    status_url: str = ""  # the phone page of the ticket (its QR), issue 18
    wait_seconds: float | None = None  # the estimate told at issue time

    @property
    def wait_minutes(self) -> int | None:
        return wait_estimates.minutes(self.wait_seconds)

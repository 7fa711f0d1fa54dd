"""The queue: tickets (one row per waiting leg), their append-only events, daily sequences.

A transfer closes a leg (state TRANSFERRED) and opens a new WAITING leg with the same label,
original issue time and priority, so the citizen keeps the paper ticket they hold.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id, utcnow


class Ticket(SQLModel, table=True):
    """One leg of a queue ticket; the active leg of a label is the one with the highest `leg`."""

    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("day", "label", "leg", name="uq_ticket_day_label_leg"),
        Index("ix_ticket_day_state", "day", "state"),
        Index("ix_ticket_counter_state", "counter", "state"),
    )
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    day: date  # the office's LOCAL business date (never the UTC date)
    service_code: str = Col(max_length=20)
    number: int
    label: str = Col(max_length=12)  # "A015"
    leg: int = 1
    parent_id: uuid.UUID | None = Col(default=None, foreign_key="ticket.id")
    priority: bool = False
    priority_reason: str | None = None  # elderly | pregnant | disability | merit | small_child
    state: str = "WAITING"
    counter: int | None = None  # the counter that called it (this leg)
    target_counter: int | None = None  # a transfer to one counter: only it may call this leg
    issued_at: datetime = Col(sa_type=UTCDateTime)  # kept across transfers
    waiting_since: datetime = Col(sa_type=UTCDateTime)  # this leg began waiting
    called_at: datetime | None = Col(default=None, sa_type=UTCDateTime)  # first call of the leg
    last_called_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    served_at: datetime | None = Col(default=None, sa_type=UTCDateTime)  # service started
    done_at: datetime | None = Col(default=None, sa_type=UTCDateTime)  # left this leg
    recalls: int = 0
    dossier_code: str | None = None
    clerk: str = ""


class TicketEvent(SQLModel, table=True):
    """Append-only: every action on a ticket or a counter (who, when, what, where).

    `seq` grows with every commit, so displays read `WHERE seq > last_seen`."""

    __tablename__ = "ticket_event"
    __table_args__ = (Index("ix_ticket_event_day", "day", "seq"),)
    seq: int | None = Col(default=None, primary_key=True)
    id: uuid.UUID = Col(default_factory=new_id, unique=True)
    day: date
    ticket_id: uuid.UUID | None = Col(default=None, foreign_key="ticket.id", index=True)
    label: str = ""
    service_code: str = ""
    priority: bool = False
    kind: str  # ISSUE CALL RECALL START FINISH NO_SHOW HOLD TRANSFER PAUSE RESUME
    at: datetime = Col(sa_type=UTCDateTime)
    recorded_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    counter: int | None = None
    clerk: str = ""
    payload: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))


class TicketSequence(SQLModel, table=True):
    """Last number issued per service and local day; taken under BEGIN IMMEDIATE."""

    __tablename__ = "ticket_sequence"
    day: date = Col(primary_key=True)
    service_code: str = Col(primary_key=True, max_length=20)
    last: int = 0

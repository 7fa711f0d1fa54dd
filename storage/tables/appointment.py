"""Appointments: a slot of a queue service booked for a day, checked in at the kiosk.

The citizen's ID number is kept only as a SHA-256 key (to enforce "at most N a
day per ID" and to check in with the ID card's QR) and a masked form for the clerk's list.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id


class Appointment(SQLModel, table=True):
    __tablename__ = "appointment"
    __table_args__ = (
        Index("ix_appointment_day_service", "day", "service_code", "slot"),
        Index("ix_appointment_id_key_day", "id_key", "day"),
    )
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    code: str = Col(max_length=12, unique=True)  # the booking code the citizen keeps
    day: date  # the office's local date
    slot: str = Col(max_length=5)  # "HH:MM", local time
    service_code: str = Col(max_length=20)
    id_key: str = Col(max_length=64)  # sha256 of the ID number's digits
    id_masked: str = Col(max_length=20)
    state: str = "BOOKED"  # BOOKED | CHECKED_IN | NO_SHOW | CANCELLED
    channel: str = "clerk"  # clerk | kiosk | phone | province
    booked_at: datetime = Col(sa_type=UTCDateTime)
    checked_in_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    ticket_label: str | None = None

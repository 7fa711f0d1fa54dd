"""The office: clerks, counters, queue services, calendar exceptions."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id, utcnow


class Clerk(SQLModel, table=True):
    __tablename__ = "clerk"
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    name: str = Col(unique=True)
    role: str = "clerk"  # clerk | supervisor | admin
    pin_hash: str
    counter_number: int | None = None
    active: bool = True
    failed_attempts: int = 0
    locked_until: datetime | None = Col(default=None, sa_type=UTCDateTime)
    created_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)


class Counter(SQLModel, table=True):
    __tablename__ = "counter"
    number: int = Col(primary_key=True)
    name: str = ""
    services: list[str] = Col(default_factory=list, sa_column=Column(JSON, nullable=False))


class Service(SQLModel, table=True):
    __tablename__ = "service"
    code: str = Col(primary_key=True, max_length=20)
    name: str
    prefix: str = Col(max_length=1, unique=True)
    field_code: str = ""
    wait_target_minutes: int = 15


class CalendarException(SQLModel, table=True):
    __tablename__ = "calendar_exception"
    day: date = Col(primary_key=True)
    kind: str  # OFF | WORK
    note: str = ""

"""Dossiers: the projection row, its append-only events, and the daily code sequence."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id, utcnow


class Dossier(SQLModel, table=True):
    """The projection of a dossier's events; rebuildable from dossier_event."""

    __tablename__ = "dossier"
    __table_args__ = (
        Index("ix_dossier_status_due", "status", "due_at"),
        Index("ix_dossier_received", "received_at"),
        Index("ix_dossier_returned", "returned_at"),  # period reports (migration 0008)
        Index("ix_dossier_result", "result_at"),
    )
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    code: str = Col(unique=True, max_length=60)
    office_id: str
    procedure_code: str = Col(foreign_key="procedure.code", index=True)
    field_code: str = ""
    citizen_id: uuid.UUID | None = Col(default=None, foreign_key="citizen.id", index=True)
    applicant_name: str
    name_folded: str = Col(index=True)
    channel: str = "direct"  # direct | online | postal
    sets: int = 1
    notes: str = ""
    time_limit_value: int = 0  # as received: the catalog may change later
    time_limit_unit: str = "working_days"
    rule_version: str = "2025"
    received_at: datetime = Col(sa_type=UTCDateTime)
    due_at: datetime = Col(sa_type=UTCDateTime)
    extended_due_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    status: str = "RECEIVED"
    resume_status: str | None = None  # where a supplement pause returns to
    paused_since: datetime | None = Col(default=None, sa_type=UTCDateTime)
    result_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    returned_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    return_method: str | None = None
    handling_agency: str = ""
    receiving_clerk_id: uuid.UUID | None = Col(default=None, foreign_key="clerk.id")
    counter_number: int | None = None
    version: int = 1
    updated_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)


class DossierEvent(SQLModel, table=True):
    """Append-only history: who did what, when, with what payload."""

    __tablename__ = "dossier_event"
    __table_args__ = (
        Index("ix_dossier_event_kind_at", "kind", "at"),  # a period's fees paid (migration 0013)
    )
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    dossier_id: uuid.UUID = Col(foreign_key="dossier.id", index=True)
    kind: str
    at: datetime = Col(sa_type=UTCDateTime)  # when it happened (may be backdated after an outage)
    recorded_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    clerk_id: uuid.UUID | None = Col(default=None, foreign_key="clerk.id")
    clerk_name: str = ""
    backdated: bool = False
    payload: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))


class DossierSequence(SQLModel, table=True):
    """Last dossier number used per office and local day; taken under BEGIN IMMEDIATE."""

    __tablename__ = "dossier_sequence"
    office_id: str = Col(primary_key=True)
    day: date = Col(primary_key=True)
    last: int = 0

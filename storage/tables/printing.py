"""The print spooler: one row per job (bytes rendered before anything is sent) and the last
known state of each printer (for the counter and supervisor screens of every process)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index, LargeBinary
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id, utcnow

JOB_STATES = ("queued", "sending", "done", "failed", "expired")
JOB_KINDS = ("receipt", "ticket", "form", "letter", "test")


class PrintJob(SQLModel, table=True):
    __tablename__ = "print_job"
    __table_args__ = (Index("ix_print_job_printer_state", "printer", "state", "created_at"),)
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    printer: str
    kind: str  # receipt | ticket | form | letter | test
    ref: str = Col(default="", index=True)  # dossier code, ticket number…
    profile: str = ""  # the profile the bytes were rendered for ("pdf" for A4)
    created_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    data: bytes = Col(sa_type=LargeBinary)
    transcript: str = ""
    state: str = "queued"  # queued | sending | done | failed | expired
    attempts: int = 0
    bytes_sent: int = 0  # > 0 without done: partly printed, resend with a reprint mark
    last_error: str = ""
    next_attempt_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    expires_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    done_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    reprint_of: uuid.UUID | None = Col(default=None, foreign_key="print_job.id")


class PrinterState(SQLModel, table=True):
    __tablename__ = "printer_state"
    printer: str = Col(primary_key=True)
    state: str = "unknown"  # ok | near_end | silent | offline | cover_open | paper_out | error
    detail: str = ""
    checked_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)

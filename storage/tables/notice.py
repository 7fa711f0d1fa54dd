"""Notices to citizens' phones (issue 17 §3): the outbox, and the phones that opted out."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id


class Notice(SQLModel, table=True):
    """One message to one phone. `source` + `template` + `channel` is unique: a dossier event
    (source "event:<id>") gives at most one notice per template and channel, however often
    the hook runs."""

    __tablename__ = "notice"
    __table_args__ = (
        UniqueConstraint("source", "template", "channel", name="uq_notice_source"),
        Index("ix_notice_status_next", "status", "next_at"),
    )
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    source: str = Col(max_length=80)
    template: str = Col(max_length=40)
    channel: str = Col(max_length=10)  # modem | http
    dossier_code: str | None = Col(default=None, max_length=60, index=True)
    phone: str = Col(max_length=16, index=True)
    text: str
    status: str = Col(default="waiting", max_length=12)  # waiting sending sent delivered failed
    attempts: int = 0
    next_at: datetime = Col(sa_type=UTCDateTime)
    created_at: datetime = Col(sa_type=UTCDateTime)
    sent_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    delivered_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    last_error: str = ""
    channel_ref: str = ""  # the gateway's message id, or the modem's references
    parts: list[dict[str, Any]] = Col(default_factory=list, sa_column=Column(JSON, nullable=False))
    bytes_sent: int = 0


class NoticeOptOut(SQLModel, table=True):
    __tablename__ = "notice_opt_out"
    phone: str = Col(primary_key=True, max_length=16)
    at: datetime = Col(sa_type=UTCDateTime)
    reason: str = ""

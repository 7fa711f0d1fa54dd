"""Sync with the district (issue 7): the outbox, the sync cursor, conflicts, applied changes.

An `outbox_event` row is written in the same transaction as the `dossier_event` it carries
(same id), and its content is frozen from then on: a resend is byte-identical, so the district
can tell a duplicate (same id, same digest) from a reused id (same id, different digest).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id, utcnow

OUTBOX_STATES = ("pending", "sent", "acked", "rejected")


class OutboxEvent(SQLModel, table=True):
    __tablename__ = "outbox_event"
    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"),)
    event_id: uuid.UUID = Col(primary_key=True)  # = dossier_event.id
    office_id: str
    device_epoch: int = 1
    seq: int = Col(unique=True)  # monotonic per device, taken under BEGIN IMMEDIATE
    hlc: str
    type: str
    entity_type: str = "dossier"
    entity_id: str  # the dossier code
    base_version: int = 0
    schema_v: int = 2
    payload: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))
    payload_sha256: str
    state: str = "pending"  # pending | sent | acked | rejected
    attempts: int = 0
    last_error: str = ""
    server_result: str = ""
    created_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    acked_at: datetime | None = Col(default=None, sa_type=UTCDateTime)


class SyncState(SQLModel, table=True):
    """One row (id 1): who this device is, how far it has sent and pulled."""

    __tablename__ = "sync_state"
    id: int = Col(default=1, primary_key=True)
    device_id: str
    device_epoch: int = 1  # bumped when the office restores a backup
    last_seq: int = 0
    pull_cursor: str = ""
    hlc_last: str = ""
    last_success_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    last_attempt_at: datetime | None = Col(default=None, sa_type=UTCDateTime)
    last_error: str = ""


class SyncConflict(SQLModel, table=True):
    """A decision of this office the district could not apply: both versions, for a person."""

    __tablename__ = "sync_conflict"
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    event_id: uuid.UUID | None = Col(default=None, index=True)
    entity_id: str = Col(index=True)  # dossier code
    reason: str
    local: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))
    server: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    resolved_at: datetime | None = Col(default=None, sa_type=UTCDateTime)


class AppliedChange(SQLModel, table=True):
    """A district change already applied here: replaying a pull page is a no-op."""

    __tablename__ = "applied_change"
    change_id: str = Col(primary_key=True)
    kind: str
    entity_id: str = ""
    local_event_id: uuid.UUID | None = Col(default=None, index=True)
    outcome: str = "applied"  # applied | stored (unknown kind, kept for a newer desk)
    payload: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))
    applied_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)

"""The district server's tables, on their own metadata (never the desk's SQLModel.metadata).

`change_log.txid` is the writing transaction's id on PostgreSQL (`pg_current_xact_id()`); the
pull serves rows ordered by (txid, id) and only below the xmin horizon, so a row committed late
by an older transaction can never be skipped. On SQLite (one writer at a time) txid is 0 and the
order is the id.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Integer
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from desk.services.clock import Clock, system_clock
from storage.tables.common import UTCDateTime

# The district's one clock: decisions (`decide`), the replies' server_time, nonces. A test
# pins it with `set_clock` (the district of a skew test runs days ahead of the desk).
_clock: list[Clock] = [system_clock]


def set_clock(clock: Clock) -> Clock:
    """Use `clock` from now on; returns the previous one (to put it back)."""
    old, _clock[0] = _clock[0], clock
    return old


def utcnow() -> datetime:
    return _clock[0]().astimezone(UTC)


class DistrictModel(SQLModel, registry=registry()):
    """Base of the district tables: a registry (and MetaData) of their own."""


metadata = DistrictModel.metadata


class Office(DistrictModel, table=True):
    __tablename__ = "office"
    id: str = Field(primary_key=True, max_length=35)
    name: str
    token_hash: str = Field(index=True)
    signing_key: str  # HMAC key derived from the token; the token itself is never stored
    revoked: bool = False
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_contact: datetime | None = Field(default=None, sa_type=UTCDateTime)


class Event(DistrictModel, table=True):
    __tablename__ = "event"
    __table_args__ = (Index("ix_event_office_entity", "office_id", "entity_id"),
                      Index("ix_event_office_device_seq", "office_id", "device", "seq"))
    event_id: str = Field(primary_key=True, max_length=32)
    office_id: str  # indexed as the first column of both indexes above (migration d0019)
    device: str = ""
    epoch: int = 0  # the desk's device_epoch: a restore from backup starts a new stream
    seq: int = 0  # unique only within (device, epoch): a new epoch may reuse old numbers
    hlc: int = Field(default=0, sa_type=BigInteger)
    type: str
    entity_id: str
    at: datetime = Field(sa_type=UTCDateTime)
    base_version: int = 0
    schema_v: int = 2
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    payload_sha256: str
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    result: str = ""


class DossierState(DistrictModel, table=True):
    __tablename__ = "dossier_state"
    office_id: str = Field(primary_key=True)
    code: str = Field(primary_key=True)
    procedure: str = ""
    applicant: str = ""
    status: str
    resume_status: str | None = None
    version: int = 1
    last_event: str = ""  # id of the last event or decision applied (what a decision follows)
    received_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    updated: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ChangeLog(DistrictModel, table=True):
    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_office_order", "office_id", "txid", "id"),)
    id: int | None = Field(default=None, sa_column=Column(BigInteger().with_variant(
        Integer(), "sqlite"), primary_key=True, autoincrement=True))
    txid: int = Field(default=0, sa_type=BigInteger)
    office_id: str
    change_id: str = Field(unique=True, max_length=32)
    kind: str
    entity_id: str = ""
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Conflict(DistrictModel, table=True):
    __tablename__ = "conflict"
    id: int | None = Field(default=None, primary_key=True)
    office_id: str = Field(index=True)
    event_id: str
    entity_id: str
    reason: str
    local: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    server: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Nonce(DistrictModel, table=True):
    """Signature nonces seen recently (replay protection); pruned past the skew window.
    UNLOGGED on PostgreSQL (migration d0019, desk/district/seen.py)."""

    __tablename__ = "nonce"
    office_id: str = Field(primary_key=True)
    nonce: str = Field(primary_key=True, max_length=64)
    seen_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)


class Quarantine(DistrictModel, table=True):
    """A batch the server could not take (schema too old, malformed): kept, never dropped."""

    __tablename__ = "quarantine"
    id: int | None = Field(default=None, primary_key=True)
    office_id: str
    reason: str
    body: bytes
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PublishedCatalog(DistrictModel, table=True):
    """A catalog version as published to every office: immutable, never edited in place."""

    __tablename__ = "catalog_version"
    version: int = Field(primary_key=True)
    checksum: str
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    change_id: str = ""
    published_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class PublishedCalendar(DistrictModel, table=True):
    """A numbered, immutable set of calendar exceptions (extra days off, make-up days)."""

    __tablename__ = "calendar_version"
    version: int = Field(primary_key=True)
    checksum: str
    body: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    change_id: str = ""
    published_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AttachmentFile(DistrictModel, table=True):
    """A scan an office uploads (resumably) after its `attachment_added` event: one per office
    and content hash, never shared between offices (another office must not learn it exists).
    `received` is the offset the next chunk must start at; `completed_at` is set only once the
    whole file hashed to `sha256`."""

    __tablename__ = "attachment_file"
    office_id: str = Field(primary_key=True)
    sha256: str = Field(primary_key=True, max_length=64)
    dossier: str = ""
    size: int = Field(default=0, sa_type=BigInteger)
    received: int = Field(default=0, sa_type=BigInteger)
    failures: int = 0  # uploads discarded because the whole file did not hash to sha256
    last_error: str = ""
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class TicketFact(DistrictModel, table=True):
    """A queue ticket event of an office (desk/district/facts.py): a fact, append-only, never
    judged against a state. `day` is the office's local business day ("2026-11-23")."""

    __tablename__ = "ticket_fact"
    __table_args__ = (Index("ix_ticket_fact_office_day", "office_id", "day", "kind"),)
    event_id: str = Field(primary_key=True, max_length=32)
    office_id: str
    device: str = ""
    epoch: int = 0
    seq: int = 0
    hlc: int = Field(default=0, sa_type=BigInteger)
    kind: str  # issue call recall start finish no_show hold transfer pause resume
    day: str = Field(max_length=10)
    label: str = ""
    service_code: str = ""
    number: int | None = None
    leg: int | None = None
    counter: int | None = None
    clerk: str = ""
    priority: bool = False
    at: datetime = Field(sa_type=UTCDateTime)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    payload_sha256: str
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RatingFact(DistrictModel, table=True):
    """A citizen's satisfaction rating (anonymous): score 3 (very satisfied) … 1."""

    __tablename__ = "rating_fact"
    __table_args__ = (Index("ix_rating_fact_office_at", "office_id", "at"),)
    event_id: str = Field(primary_key=True, max_length=32)
    office_id: str
    device: str = ""
    epoch: int = 0
    seq: int = 0
    hlc: int = Field(default=0, sa_type=BigInteger)
    level: str
    score: int
    counter: int | None = None
    clerk: str = ""
    at: datetime = Field(sa_type=UTCDateTime)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    payload_sha256: str
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

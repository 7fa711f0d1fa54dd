"""Upload progress of scanned attachments to the district (issue 7): one row per dossier and
content hash, created once the `attachment_added` event is acknowledged (files never travel
ahead of their events). `offset` is the last offset the district confirmed."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, utcnow

UPLOAD_STATES = ("pending", "done", "missing", "corrupt", "failed")


class AttachmentUpload(SQLModel, table=True):
    __tablename__ = "attachment_upload"
    dossier_code: str = Col(primary_key=True)
    sha256: str = Col(primary_key=True)
    size: int = 0
    state: str = Col(default="pending", index=True)  # see UPLOAD_STATES
    offset: int = 0
    bytes_sent: int = 0  # chunk bytes put on the wire, resends included
    attempts: int = 0
    last_error: str = ""
    created_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    done_at: datetime | None = Col(default=None, sa_type=UTCDateTime)

"""The audit trail (PDP Law 91/2025, design/domain.md §8): who viewed or changed a citizen's
data, logins, exports, prints, backups, restores and refused actions.

Append-only and hash-chained: `seq` counts 1, 2, 3, … without gaps and every row stores
`hash = sha256(prev_hash + "\\n" + canonical JSON of the row)`, so an edited, deleted or
inserted row breaks the chain at that row (`desk audit verify`). Triggers created by the
migration refuse UPDATE and DELETE; the chain catches whoever drops them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime
from storage.tables.device import DeviceState  # noqa: F401  (registered with the audit table)

GENESIS = "0" * 64


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_citizen", "citizen_id", "seq"),
        Index("ix_audit_log_actor", "actor_name", "seq"),
    )
    seq: int = Col(primary_key=True)  # 1, 2, 3, … taken under the write lock
    at: datetime = Col(sa_type=UTCDateTime)
    action: str  # view | change | login | login_failed | export | print | backup | restore | …
    actor_id: str = ""  # clerk id (hex), "" for the system or the command line
    actor_name: str
    actor_role: str
    counter: int | None = None
    target_type: str = ""  # citizen | dossier | clerk | backup | settings | audit | …
    target_id: str = ""
    citizen_id: str | None = None  # hex, so a citizen's record can be listed
    detail: dict[str, Any] = Col(default_factory=dict, sa_column=Column(JSON, nullable=False))
    prev_hash: str
    hash: str

"""Citizens: the least the procedures need (PDP Law 91/2025)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id, utcnow


class Citizen(SQLModel, table=True):
    __tablename__ = "citizen"
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    full_name: str
    name_folded: str = Col(index=True)
    id_number: str | None = Col(default=None, index=True, unique=True)
    id_type: str | None = None  # CCCD | CMND
    birth_date: date | None = None
    sex: str | None = None  # M | F
    phone: str | None = Col(default=None, index=True)
    address: str = ""
    email: str = ""
    created_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)

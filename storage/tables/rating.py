"""Satisfaction ratings (design/domain.md §6): one row per press of 1/2/3 by a citizen."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, new_id


class Rating(SQLModel, table=True):
    __tablename__ = "rating"
    id: uuid.UUID = Col(default_factory=new_id, primary_key=True)
    at: datetime = Col(sa_type=UTCDateTime, index=True)
    level: str = Col(max_length=20)  # rat_hai_long | hai_long | khong_hai_long
    ticket_label: str | None = Col(default=None, max_length=12)
    dossier_code: str | None = Col(default=None, max_length=60)
    counter_number: int | None = None
    clerk_id: uuid.UUID | None = Col(default=None, foreign_key="clerk.id")

"""The procedure catalog: fields (lĩnh vực), procedures and imported catalog versions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field as Col
from sqlmodel import SQLModel

from storage.tables.common import UTCDateTime, utcnow


class Field(SQLModel, table=True):
    __tablename__ = "field"
    code: str = Col(primary_key=True, max_length=20)
    name: str


class Procedure(SQLModel, table=True):
    __tablename__ = "procedure"
    code: str = Col(primary_key=True, max_length=40)
    name: str
    name_folded: str = Col(index=True)
    field_code: str = Col(foreign_key="field.code", index=True)
    time_limit_value: int = 0
    time_limit_unit: str = "working_days"
    fee_amount: int = 0
    fee_note: str = ""
    documents: list[str] = Col(default_factory=list, sa_column=Column(JSON, nullable=False))
    level: str = ""
    url: str = ""
    code_verified: bool = True
    active: bool = True
    catalog_version: int = 0
    online_only: bool = False  # submitted on the national portal only (issue 16 §4)


class CatalogVersion(SQLModel, table=True):
    __tablename__ = "catalog_version"
    version: int = Col(primary_key=True)
    checksum: str
    source: str = ""
    imported_at: datetime = Col(default_factory=utcnow, sa_type=UTCDateTime)
    procedures: int = 0

"""Column helpers shared by the tables.

Row stamps (created_at, recorded_at…) come from the desk's injected clock, never the machine's:
the context that opens the store hands its clock over (`set_clock`), so a desk pinned by
DESK_NOW, a test's fixed clock or a PC set to 2010 stamps its rows by the same clock as its
events. Until a context does, the clock module's system clock is used.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Table, TypeDecorator
from sqlalchemy.orm import class_mapper
from sqlmodel import SQLModel
from uuid6 import uuid7

from desk.services.clock import Clock, system_clock

_clock: list[Clock] = [system_clock]


def new_id() -> uuid.UUID:
    """UUIDv7: minted offline, unique everywhere, time-ordered (B-tree friendly)."""
    return uuid7()


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model: its `__table__`, typed (sqlmodel declares none)."""
    table = class_mapper(model).local_table
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not a table model")
    return table


def set_clock(clock: Clock) -> Clock:
    """Stamp rows by `clock` from now on (the store's context); returns the previous one."""
    old, _clock[0] = _clock[0], clock
    return old


def utcnow() -> datetime:
    return _clock[0]().astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC; SQLite gives them back naive, so re-attach UTC on load."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)

"""A DeskContext's settings and clock with a plain `sqlite3` connection to an up-to-date file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

from desk.domain.calendar import WorkingCalendar
from desk.services.context import DeskContext
from desk.services.quick.calendar import quick_calendar
from storage.quick import open_current


@dataclass
class QuickContext:
    ctx: DeskContext
    conn: sqlite3.Connection

    @cached_property
    def calendar(self) -> WorkingCalendar:
        return quick_calendar(self.conn, self.ctx.settings)

    def now(self) -> datetime:
        return self.ctx.now()

    def iso(self, dt: datetime | None) -> str | None:
        """As the views print an instant: office time, to the minute."""
        return dt.astimezone(self.ctx.tz).isoformat(timespec="minutes") if dt else None

    def rows(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        self.conn.close()


def open_quick(ctx: DeskContext, *, write: bool = False) -> QuickContext | None:
    """None when the file is missing, older or newer than this release, or unreadable: the
    regular services then open (and migrate) it as usual."""
    conn = open_current(ctx.settings.database_path, write=write)
    return None if conn is None else QuickContext(ctx, conn)

"""The office's working calendar built from a quick read (same as
desk.services.deadlines.calendar.build_calendar: the shipped official swaps, then the office's rows;
the statutory holidays from the user cache folder once computed)."""

from __future__ import annotations

import sqlite3
from datetime import date

from desk.config import Settings
from desk.domain.calendar import OfficeHours, WorkingCalendar
from desk.rules.calendar import official_days
from desk.services.quick.holidays_cache import office_statutory


def quick_calendar(conn: sqlite3.Connection, settings: Settings) -> WorkingCalendar:
    own = {date.fromisoformat(d): (k, n)
           for d, k, n in conn.execute("SELECT day, kind, note FROM calendar_exception")}
    exceptions = {d: (o.kind, f"{o.note} ({o.source})") for d, o in official_days().items()}
    exceptions.update(own)
    office = settings.office
    return WorkingCalendar(tz=office.timezone, hours=OfficeHours(periods=office.hours),
                           exceptions=exceptions, cutoff=office.cutoff,
                           statutory=office_statutory())

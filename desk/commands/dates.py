"""Dates typed on the command line: a day, or a time in office time."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from desk.commands.base import CommandError
from desk.i18n import t


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(t("cli.bad_date", value=value), 2) from None


def parse_local_datetime(value: str, tz: str) -> datetime:
    """"YYYY-MM-DD HH:MM" in office time → an aware datetime."""
    try:
        dt = datetime.strptime(" ".join(value.split()), "%Y-%m-%d %H:%M")
    except ValueError:
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise CommandError(t("cli.bad_datetime", value=value), 2) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=ZoneInfo(tz))
    return dt

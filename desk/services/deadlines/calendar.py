"""The office's working calendar: config hours and cut-off, statutory holidays, and its own
exceptions table (extra days off, make-up working Saturdays) which the office edits."""

from __future__ import annotations

from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from desk.domain.calendar import (
    OfficeHours,
    WorkingCalendar,
    parse_exceptions_csv,
    vn_statutory_holidays,
)
from desk.domain.errors import DomainError
from desk.i18n import t
from desk.rules.calendar import official_days
from desk.services.deadlines.shapes import ExceptionDay, YearDay
from desk.services.quick.holidays_cache import office_statutory
from storage.engine import read_session, write_session
from storage.tables import CalendarException

if TYPE_CHECKING:
    from desk.services.context import DeskContext


def build_calendar(ctx: DeskContext) -> WorkingCalendar:
    with read_session(ctx.engine) as s:
        own = {r.day: (r.kind, r.note) for r in s.exec(select(CalendarException))}
    # the official swaps ship with the desk (desk/rules); the office's own rows (or the
    # province's) win
    exceptions = {d: (o.kind, f"{o.note} ({o.source})") for d, o in official_days().items()}
    exceptions.update(own)
    office = ctx.settings.office
    return WorkingCalendar(
        tz=office.timezone,
        hours=OfficeHours(periods=office.hours),
        exceptions=exceptions,
        cutoff=office.cutoff,
        statutory=office_statutory(),  # importing `holidays` and computing a year: ~0.5 s
    )


def import_exceptions(ctx: DeskContext, path: Path) -> int:
    """Load a calendar_exceptions.csv (date,kind,note); rows for the same date are replaced."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise DomainError("calendar.unreadable", file=str(path), error=str(e)) from None
    return set_exceptions(ctx, _parse(text))


def _parse(text: str) -> dict[date, tuple[str, str]]:
    return parse_exceptions_csv(text)


def set_exceptions(ctx: DeskContext, rows: dict[date, tuple[str, str]]) -> int:
    with write_session(ctx.engine) as s:
        set_exceptions_in(s, rows)
    ctx.refresh_calendar()
    return len(rows)


def set_exceptions_in(s: Session, rows: dict[date, tuple[str, str]]) -> int:
    """`set_exceptions` inside the caller's write transaction; the caller refreshes the
    context's calendar after the commit."""
    for day, (kind, note) in rows.items():
        s.merge(CalendarException(day=day, kind=kind, note=note))
    s.flush()
    return len(rows)


def set_exception(ctx: DeskContext, day: date, kind: str, note: str = "") -> None:
    if kind not in ("OFF", "WORK"):
        raise DomainError("calendar.bad_kind", kind=kind)
    set_exceptions(ctx, {day: (kind, note)})


def remove_exception(ctx: DeskContext, day: date) -> bool:
    with write_session(ctx.engine) as s:
        row = s.get(CalendarException, day)
        if row is None:
            return False
        s.delete(row)
    ctx.refresh_calendar()
    return True


def list_exceptions(ctx: DeskContext) -> list[ExceptionDay]:
    with read_session(ctx.engine) as s:
        rows = s.exec(select(CalendarException).order_by(col(CalendarException.day))).all()
    return [{"date": r.day.isoformat(), "kind": r.kind, "note": r.note} for r in rows]


def statutory_source() -> str:
    """Where the statutory holidays come from (the `holidays` release in use)."""
    try:
        release = version("holidays")
    except PackageNotFoundError:
        release = "?"
    return t("calendar.source.statutory", release=release)


def year_days(ctx: DeskContext, year: int) -> list[YearDay]:
    """Every day of `year` that is not an ordinary weekday or weekend — statutory holidays,
    the official swaps shipped with the desk, the office's own (or the province's) rows — with
    the source of each; the rule that wins is the one the deadlines use."""
    rows: dict[date, dict[str, Any]] = {}
    for d, name in vn_statutory_holidays(year).items():
        rows[d] = {"kind": "OFF", "note": name, "origin": "statutory",
                   "source": statutory_source()}
    for d, o in official_days().items():
        if d.year == year:
            rows[d] = {"kind": o.kind, "note": o.note, "origin": "official", "source": o.source}
    for r in list_exceptions(ctx):
        d = date.fromisoformat(r["date"])
        if d.year == year:
            same = rows.get(d, {}).get("kind") == r["kind"] and rows[d]["origin"] == "official"
            rows[d] = {"kind": r["kind"], "note": r["note"], "origin": "office",
                       "source": rows[d]["source"] if same else t("calendar.source.office")}
    out: list[YearDay] = []
    for d in sorted(rows):
        row = rows[d]
        out.append({"date": d.isoformat(), "kind": row["kind"], "note": row["note"],
                    "origin": row["origin"], "source": row["source"],
                    "working": ctx.calendar.day_info(d).working})
    return out

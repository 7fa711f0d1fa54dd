"""The office's working-time calendar: which days and moments are working time, and arithmetic
on working time. Deadline rules (due instants, pauses, classification) live in
desk.domain.deadline and are also offered here as methods.

Which days work (design/domain.md §2, notes/domain.md §9), first rule that applies wins:

1. the office's exceptions (`calendar_exception` rows: OFF = day off, WORK = working day, e.g. a
   make-up Saturday);
2. statutory public holidays — by default the `holidays` package, VN (its observed days when a
   holiday falls on a weekend, and its known swaps, included);
3. Saturday and Sunday are off; Monday–Friday work.

About `holidays` (checked with 0.109): VN 2026 has Tết 16–20 Feb (Mon–Fri), so the public-sector
break 14–22 Feb 2026 is fully covered (the other days are weekends); 2025 has Tết 27 Jan–1 Feb,
covering the weekdays of the 25 Jan–2 Feb break; 31 Aug 2026 (swap) and 24 Nov (Ngày Văn hóa
Việt Nam, from 2026) are listed. Make-up working Saturdays are never listed, and older releases
lack the recent swaps — so the office's exceptions table (see
shared/data/calendar_exceptions.csv, parsed by `parse_exceptions_csv`) carries both the swapped
day off and the make-up Saturday. We therefore keep no holiday override table of our own.

Time: every instant is handled in the office zone (Asia/Ho_Chi_Minh by default); naive input is
taken as office-local wall time; results are tz-aware in the office zone. Arithmetic is done on
local wall time (exact for Vietnam, which has no DST).

Working moments are half-open: a period 07:30–11:30 contains 07:30 but not 11:30. Due instants
may sit exactly on a period end (end-inclusive, see desk.domain.deadline).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from types import MappingProxyType
from typing import overload
from zoneinfo import ZoneInfo

from desk.domain import deadline as _dl
from desk.domain.deadline import (
    ClockEvent,
    DeadlineState,
    Pause,
    ResultClass,
    TimeLimit,
    TimeUnit,
)
from desk.domain.errors import DomainError

__all__ = [
    "ClockEvent",
    "DayInfo",
    "DeadlineState",
    "OfficeHours",
    "Pause",
    "ResultClass",
    "TimeLimit",
    "TimeUnit",
    "WorkingCalendar",
    "parse_exceptions_csv",
    "vn_statutory_holidays",
]

_ONE_DAY = timedelta(days=1)
_MAX_IDLE_DAYS = 400  # more consecutive days off than this: the calendar has no working time
_Seg = tuple[datetime, datetime]  # naive local [start, end)
_NPause = tuple[datetime, datetime | None]  # naive local


@dataclass(frozen=True)
class OfficeHours:
    """The working periods of a working day, in order and not overlapping (local wall time)."""

    periods: tuple[tuple[time, time], ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )

    def __post_init__(self) -> None:
        if not self.periods:
            raise DomainError("calendar.bad_hours", start="", end="")
        prev_end: time | None = None
        for start, end in self.periods:
            if (
                start.tzinfo is not None
                or end.tzinfo is not None
                or start >= end
                or (prev_end is not None and start < prev_end)
            ):
                raise DomainError(
                    "calendar.bad_hours", start=start.strftime("%H:%M"), end=end.strftime("%H:%M")
                )
            prev_end = end

    @property
    def hours_per_day(self) -> timedelta:
        """Working time in one working day (7 h 30 min by default)."""
        anchor = date(2000, 1, 3)
        return sum(
            (datetime.combine(anchor, e) - datetime.combine(anchor, s) for s, e in self.periods),
            timedelta(),
        )


DEFAULT_HOURS = OfficeHours()
DEFAULT_CUTOFF = time(15, 0)


@dataclass(frozen=True)
class DayInfo:
    """Whether a date is a working day and why. `reason_key` is an i18n key (desk/i18n/
    msg_calendar.py), rendered with `note=` (the holiday name or the exception's note)."""

    working: bool
    reason_key: str
    note: str = ""


@lru_cache(maxsize=64)
def vn_statutory_holidays(year: int) -> Mapping[date, str]:
    """Vietnamese public holidays of `year` from the `holidays` package, names in Vietnamese."""
    import holidays  # noqa: PLC0415 — heavy; needed only when a calendar is first asked

    return MappingProxyType(dict(holidays.country_holidays("VN", years=year, language="vi")))


class WorkingCalendar:
    """Working days and working time of one office. Pure and cached: cheap to query often.

    `exceptions` maps a date to `("OFF" | "WORK", note)`; `statutory(year)` gives the public
    holidays of a year (default: `vn_statutory_holidays`).
    """

    def __init__(
        self,
        tz: str | tzinfo = "Asia/Ho_Chi_Minh",
        hours: OfficeHours = DEFAULT_HOURS,
        exceptions: Mapping[date, tuple[str, str]] | None = None,
        cutoff: time = DEFAULT_CUTOFF,
        statutory: Callable[[int], Mapping[date, str]] | None = None,
    ) -> None:
        if isinstance(tz, str):
            try:
                tz = ZoneInfo(tz)
            except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
                raise DomainError("calendar.bad_timezone", tz=tz) from exc
        self.tz: tzinfo = tz
        self.hours = hours
        self.hours_per_day: timedelta = hours.hours_per_day
        self.cutoff = cutoff
        self.exceptions: dict[date, tuple[str, str]] = {}
        for d, (kind, note) in (exceptions or {}).items():
            k = kind.strip().upper()
            if k not in ("OFF", "WORK"):
                raise DomainError("calendar.bad_exception", date=d.isoformat(), kind=kind)
            self.exceptions[d] = (k, note)
        self._statutory = statutory or vn_statutory_holidays
        self._years: dict[int, Mapping[date, str]] = {}
        self._infos: dict[date, DayInfo] = {}
        self._periods: dict[date, tuple[_Seg, ...]] = {}

    # -- days ------------------------------------------------------------------------------

    def day_info(self, d: date) -> DayInfo:
        info = self._infos.get(d)
        if info is None:
            info = self._infos[d] = self._compute_day_info(d)
        return info

    def _compute_day_info(self, d: date) -> DayInfo:
        exc = self.exceptions.get(d)
        if exc is not None:
            kind, note = exc
            if kind == "WORK":
                return DayInfo(True, "calendar.exception_work", note)
            return DayInfo(False, "calendar.exception_off", note)
        year = self._years.get(d.year)
        if year is None:
            year = self._years[d.year] = self._statutory(d.year)
        name = year.get(d)
        if name is not None:
            return DayInfo(False, "calendar.holiday", name)
        if d.weekday() >= 5:
            return DayInfo(False, "calendar.weekend")
        return DayInfo(True, "calendar.weekday")

    def is_working_day(self, d: date) -> bool:
        return self.day_info(d).working

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        for _ in range(_MAX_IDLE_DAYS):
            d += _ONE_DAY
            if self.day_info(d).working:
                return d
        raise DomainError("calendar.no_working_time", since=d.isoformat())

    def _day_periods(self, d: date) -> tuple[_Seg, ...]:
        periods = self._periods.get(d)
        if periods is None:
            if self.day_info(d).working:
                periods = tuple(
                    (datetime.combine(d, s), datetime.combine(d, e)) for s, e in self.hours.periods
                )
            else:
                periods = ()
            self._periods[d] = periods
        return periods

    def day_start(self, d: date) -> datetime | None:
        """Start of the first working period of `d`; None if `d` is not a working day."""
        periods = self._day_periods(d)
        return self._aware(periods[0][0]) if periods else None

    def day_end(self, d: date) -> datetime | None:
        """End of the last working period of `d`; None if `d` is not a working day."""
        periods = self._day_periods(d)
        return self._aware(periods[-1][1]) if periods else None

    # -- instants --------------------------------------------------------------------------

    def _naive(self, dt: datetime) -> datetime:
        if dt.tzinfo is None:
            return dt
        return dt.astimezone(self.tz).replace(tzinfo=None)

    def _aware(self, naive: datetime) -> datetime:
        return naive.replace(tzinfo=self.tz)

    def local(self, dt: datetime) -> datetime:
        """`dt` in the office zone (naive input is taken as office-local)."""
        return self._aware(self._naive(dt))

    def is_working_moment(self, dt: datetime) -> bool:
        t = self._naive(dt)
        return any(s <= t < e for s, e in self._day_periods(t.date()))

    def is_period_end(self, dt: datetime) -> bool:
        """True if `dt` is exactly the end of a working period (e.g. 11:30 or 17:00)."""
        t = self._naive(dt)
        return any(t == e for _, e in self._day_periods(t.date()))

    def next_working_start(self, dt: datetime) -> datetime:
        """`dt` itself if it is a working moment, else the start of the next working period."""
        return self._aware(next(self._iter_periods(self._naive(dt)))[0])

    def normalise_pauses(self, pauses: Sequence[Pause]) -> list[Pause]:
        """Pauses in the office zone, sorted, overlapping ones merged (an open one swallows the
        rest)."""
        return [
            (self._aware(s), None if e is None else self._aware(e))
            for s, e in self._merge_pauses(pauses)
        ]

    def _merge_pauses(self, pauses: Sequence[Pause]) -> list[_NPause]:
        items: list[_NPause] = []
        for start, end in pauses:
            s = self._naive(start)
            e = None if end is None else self._naive(end)
            if e is not None and e < s:
                raise DomainError(
                    "calendar.bad_pause", start=s.isoformat(" "), end=e.isoformat(" ")
                )
            items.append((s, e))
        items.sort(key=lambda p: p[0])
        merged: list[_NPause] = []
        for s, e in items:
            if merged:
                ms, me = merged[-1]
                if me is None:
                    break
                if s <= me:
                    merged[-1] = (ms, None if e is None else max(me, e))
                    continue
            merged.append((s, e))
        return merged

    # -- working-time arithmetic -----------------------------------------------------------

    def _iter_periods(self, t0: datetime, until: datetime | None = None) -> Iterator[_Seg]:
        """Working periods from `t0` on (the first clipped to start at t0), in order. Stops after
        the date of `until` if given; otherwise raises if no working time is found."""
        d = t0.date()
        last = until.date() if until is not None else None
        idle = 0
        while last is None or d <= last:
            periods = self._day_periods(d)
            if periods:
                idle = 0
                for s, e in periods:
                    if e > t0:
                        yield (s if s > t0 else t0, e)
            else:
                idle += 1
                if last is None and idle > _MAX_IDLE_DAYS:
                    raise DomainError("calendar.no_working_time", since=t0.date().isoformat())
            d += _ONE_DAY

    def _segments(
        self, t0: datetime, pauses: list[_NPause], until: datetime | None = None
    ) -> Iterator[_Seg]:
        """Counted (working, not paused) time from `t0`, as segments; ends at an open pause."""
        if not pauses:
            yield from self._iter_periods(t0, until)
            return
        i, n = 0, len(pauses)
        for seg_start, seg_end in self._iter_periods(t0, until):
            s = seg_start
            while s < seg_end:
                while i < n and (pe := pauses[i][1]) is not None and pe <= s:
                    i += 1
                if i == n or pauses[i][0] >= seg_end:
                    yield (s, seg_end)
                    break
                ps, pe = pauses[i]
                if ps > s:
                    yield (s, ps)
                if pe is None:
                    return
                s = pe

    @overload
    def add_working_time(self, start: datetime, duration: timedelta) -> datetime: ...
    @overload
    def add_working_time(
        self, start: datetime, duration: timedelta, pauses: Sequence[Pause]
    ) -> datetime | None: ...
    def add_working_time(
        self, start: datetime, duration: timedelta, pauses: Sequence[Pause] = ()
    ) -> datetime | None:
        """The instant when `duration` of working time (outside `pauses`) has elapsed from
        `start`. End-inclusive: may be exactly a period end. Zero duration gives the next
        counted moment (`next_working_start` without pauses). None if an open pause stops the
        clock first."""
        if duration < timedelta(0):
            raise DomainError("calendar.negative_duration")
        remaining = duration
        for s, e in self._segments(self._naive(start), self._merge_pauses(pauses)):
            available = e - s
            if remaining <= available:
                return self._aware(s + remaining)
            remaining -= available
        return None

    def add_working_days(self, start: datetime, n: int) -> datetime:
        """`start` + n × hours_per_day of working time."""
        return self.add_working_time(start, self.hours_per_day * n)

    def working_time_between(
        self, a: datetime, b: datetime, pauses: Sequence[Pause] = ()
    ) -> timedelta:
        """Working time (outside `pauses`) in [a, b]; negative if b < a."""
        ta, tb = self._naive(a), self._naive(b)
        if tb < ta:
            return -self.working_time_between(b, a, pauses)
        total = timedelta()
        for s, e in self._segments(ta, self._merge_pauses(pauses), until=tb):
            if s >= tb:
                break
            total += (e if e < tb else tb) - s
        return total

    # -- deadlines (desk.domain.deadline) --------------------------------------------------

    def due(
        self, received_at: datetime, limit: TimeLimit, pauses: Sequence[Pause] = ()
    ) -> datetime | None:
        """See `desk.domain.deadline.due`; None only while an open pause stops the clock."""
        return _dl.due(self, received_at, limit, pauses)

    def due_with_clock(
        self,
        received_at: datetime,
        limit: TimeLimit,
        clock_events: Sequence[tuple[str, datetime]],
    ) -> datetime | None:
        """See `desk.domain.deadline.due_with_clock` (pause / resume / restart events)."""
        return _dl.due_with_clock(self, received_at, limit, clock_events)

    def within_working_days(self, a: datetime, b: datetime, n: int) -> bool:
        return _dl.within_working_days(self, a, b, n)

    def classify(self, finished_at: datetime, due_at: datetime) -> ResultClass:
        return _dl.classify(self, finished_at, due_at)

    def deadline_state(self, now: datetime, due_at: datetime) -> DeadlineState:
        return _dl.deadline_state(self, now, due_at)

    def handover_deadline(self, received_at: datetime) -> datetime:
        return _dl.handover_deadline(self, received_at)


# ---------------------------------------------------------------------------------------------
# Exceptions table loader

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_exceptions_csv(text: str) -> dict[date, tuple[str, str]]:
    """Parse `date,kind,note` CSV (header required; kind OFF or WORK; date YYYY-MM-DD; extra
    columns ignored; blank lines and lines starting with # skipped). A bad row raises
    DomainError naming its line number."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    columns: dict[str, int] | None = None
    result: dict[date, tuple[str, str]] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row) or row[0].lstrip().startswith("#"):
            continue
        if columns is None:
            names = [cell.strip().lower() for cell in row]
            if "date" not in names or "kind" not in names:
                raise DomainError("calendar.exceptions_header", line=line)
            columns = {
                name: names.index(name) for name in ("date", "kind", "note") if name in names
            }
            continue
        if len(row) <= max(columns["date"], columns["kind"]):
            raise DomainError("calendar.exceptions_bad_row", line=line)
        raw_date = row[columns["date"]].strip()
        try:
            if not _ISO_DATE.fullmatch(raw_date):
                raise ValueError(raw_date)
            d = date.fromisoformat(raw_date)
        except ValueError:
            raise DomainError("calendar.exceptions_bad_date", line=line, value=raw_date) from None
        kind = row[columns["kind"]].strip().upper()
        if kind not in ("OFF", "WORK"):
            raise DomainError(
                "calendar.exceptions_bad_kind", line=line, value=row[columns["kind"]].strip()
            )
        if d in result:
            raise DomainError("calendar.exceptions_duplicate", line=line, date=raw_date)
        col = columns.get("note")
        note = row[col].strip() if col is not None and col < len(row) else ""
        result[d] = (kind, note)
    if columns is None:
        raise DomainError("calendar.exceptions_header", line=1)
    return result

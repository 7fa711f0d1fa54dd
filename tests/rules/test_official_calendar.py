"""Official calendars on every install (issue 16 §5): the 2025–2026 swaps and extra days off
ship as package data with their source, so a fresh office without `desk demo` computes 2026
deadlines across 22 Aug (make-up Saturday), 31 Aug (swapped day off) and 1–2 Sep right."""

from __future__ import annotations

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from desk.domain.calendar import TimeLimit, WorkingCalendar
from desk.rules.calendar import official_days

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def test_a_fresh_install_counts_2026_deadlines_across_the_national_day_break(run_desk) -> None:  # type: ignore[no-untyped-def]
    # Fri 21/08 09:00 + 3 working days: Sat 22/08 is worked → Tue 25/08 (not Wed 26/08)
    res = run_desk("calendar", "due", "--received", "2026-08-21 09:00", "--limit",
                   "3 working_days")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "2026-08-25 09:00"
    # Fri 28/08 09:00 + 3: 31/08 (swap), 01–02/09 (Quốc khánh) are off → Mon 07/09
    res = run_desk("calendar", "due", "--received", "2026-08-28 09:00", "--limit",
                   "3 working_days")
    assert res.stdout.strip() == "2026-09-07 09:00"
    day = json.loads(run_desk("calendar", "day", "2026-08-22", "--json").stdout)
    assert day["working"] is True and "9441/TB-BNV" in day["note"]


def test_calendar_list_by_year_names_the_source_of_each_day(run_desk) -> None:  # type: ignore[no-untyped-def]
    res = run_desk("calendar", "list", "--year", "2026", "--json")
    assert res.returncode == 0, res.stderr
    rows = {r["date"]: r for r in json.loads(res.stdout)}
    assert rows["2026-08-22"]["kind"] == "WORK" and rows["2026-08-22"]["working"] is True
    assert rows["2026-08-22"]["origin"] == "official"
    assert "9441/TB-BNV" in rows["2026-08-22"]["source"]
    assert rows["2026-08-31"]["kind"] == "OFF" and "9441/TB-BNV" in rows["2026-08-31"]["source"]
    assert rows["2026-11-24"]["kind"] == "OFF" and rows["2026-11-24"]["working"] is False
    assert rows["2026-01-01"]["origin"] == "statutory"
    assert "holidays" in rows["2026-01-01"]["source"]
    assert all(r["source"] for r in rows.values())


def test_the_official_days_hold_even_with_an_older_holidays_release() -> None:
    """An install whose `holidays` lacks the 2026 swap and 24 Nov still gets them."""
    official = {d: (o.kind, o.note) for d, o in official_days().items()}
    cal = WorkingCalendar(exceptions=official, statutory=lambda year: {})
    assert cal.is_working_day(date(2026, 8, 22))
    assert not cal.is_working_day(date(2026, 8, 31))
    assert not cal.is_working_day(date(2026, 11, 24))
    assert not cal.is_working_day(date(2025, 5, 2)) and cal.is_working_day(date(2025, 4, 26))
    due = cal.due(datetime(2026, 11, 23, 9, 0, tzinfo=TZ), TimeLimit(1, "working_days"))
    assert due == datetime(2026, 11, 25, 9, 0, tzinfo=TZ)
    assert all(o.source for o in official_days().values())

"""Working-time calendar: days, working moments, working-time arithmetic, exceptions CSV."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain.calendar import (
    DayInfo,
    OfficeHours,
    TimeLimit,
    WorkingCalendar,
    parse_exceptions_csv,
)
from desk.domain.errors import DomainError
from desk.i18n import t

VN = ZoneInfo("Asia/Ho_Chi_Minh")
CSV_PATH = Path("/work/shared/data/calendar_exceptions.csv")
# shared/data/calendar_exceptions.csv (2024-2026 swaps, make-up Saturdays), one note shortened.
EXCEPTIONS_CSV = """date,kind,note
2024-04-29,OFF,Public-sector day off swapped with Saturday 2024-05-04 (30/4-1/5 break)
2024-05-04,WORK,Make-up working Saturday for 2024-04-29
2025-05-02,OFF,Public-sector day off swapped with Saturday 2025-04-26 (30/4-1/5 break)
2025-04-26,WORK,Make-up working Saturday for 2025-05-02
2026-08-31,OFF,Public-sector day off swapped with Saturday 2026-08-22 (2/9 break; TB 9441/TB-BNV)
2026-08-22,WORK,Make-up working Saturday for 2026-08-31
"""

CAL = WorkingCalendar()
CAL_X = WorkingCalendar(exceptions=parse_exceptions_csv(EXCEPTIONS_CSV))


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    """An office-local (Vietnam) aware instant."""
    return datetime(y, m, d, h, mi, tzinfo=VN)


# --- office hours and limits -------------------------------------------------------------------


def test_office_hours_default_is_seven_and_a_half_hours() -> None:
    assert OfficeHours().hours_per_day == timedelta(hours=7, minutes=30)
    assert CAL.hours_per_day == timedelta(hours=7, minutes=30)


@pytest.mark.parametrize(
    "periods",
    [
        (),
        ((time(11, 0), time(8, 0)),),
        ((time(8, 0), time(12, 0)), (time(11, 0), time(17, 0))),
    ],
)
def test_office_hours_rejects_bad_periods(periods: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(DomainError) as err:
        OfficeHours(periods)
    assert err.value.key == "calendar.bad_hours"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("3 working_days", 3, "working_days"),
        ("4 working_hours", 4, "working_hours"),
        ("same_day", 0, "same_day"),
        ("0 same_day", 0, "same_day"),
        ("10 calendar_days", 10, "calendar_days"),
        ("  5   working_days ", 5, "working_days"),
    ],
)
def test_time_limit_parse(text: str, value: int, unit: str) -> None:
    limit = TimeLimit.parse(text)
    assert (limit.value, limit.unit) == (value, unit)
    assert TimeLimit.parse(str(limit)) == limit


@pytest.mark.parametrize(
    "text",
    [
        "",
        "3",
        "working_days",
        "3 days",
        "-1 working_days",
        "1 same_day",
        "3.5 working_days",
        "three working_days",
        "3 working_days extra",
        "²  working_days",
    ],
)
def test_time_limit_parse_rejects(text: str) -> None:
    with pytest.raises(DomainError) as err:
        TimeLimit.parse(text)
    assert err.value.key == "calendar.bad_limit"
    assert err.value.params == {"text": text}


def test_time_limit_constructor_validates() -> None:
    with pytest.raises(DomainError):
        TimeLimit(-1, "working_days")
    with pytest.raises(DomainError):
        TimeLimit(2, "fortnights")  # type: ignore[arg-type]


def test_bad_timezone() -> None:
    with pytest.raises(DomainError) as err:
        WorkingCalendar(tz="Mars/Olympus")
    assert err.value.key == "calendar.bad_timezone"


# --- days --------------------------------------------------------------------------------------


def test_day_info_reasons() -> None:
    assert CAL.day_info(date(2026, 11, 2)) == DayInfo(True, "calendar.weekday", "")
    assert CAL.day_info(date(2026, 11, 7)) == DayInfo(False, "calendar.weekend", "")
    tet = CAL.day_info(date(2026, 2, 17))
    assert (tet.working, tet.reason_key) == (False, "calendar.holiday")
    assert "Tết" in tet.note
    off = CAL_X.day_info(date(2026, 8, 31))
    assert (off.working, off.reason_key) == (False, "calendar.exception_off")
    assert "9441" in off.note
    work = CAL_X.day_info(date(2026, 8, 22))
    assert (work.working, work.reason_key) == (True, "calendar.exception_work")


def test_day_reasons_have_messages() -> None:
    for key in ("weekday", "weekend", "holiday", "exception_off", "exception_work"):
        for lang in ("vi", "en"):
            text = t(f"calendar.{key}", lang, note="X")
            assert text != f"calendar.{key}"
    assert t("calendar.holiday", "vi", note="Quốc khánh") == "Nghỉ lễ, Tết: Quốc khánh"


def test_tet_2026_public_sector_break_is_off() -> None:
    # Notice 9441/TB-BNV: public sector off Sat 14 - Sun 22 Feb 2026.
    for day in range(14, 23):
        assert not CAL.is_working_day(date(2026, 2, day)), day
    assert CAL.is_working_day(date(2026, 2, 13))
    assert CAL.is_working_day(date(2026, 2, 23))


def test_holiday_on_saturday_is_observed_on_monday() -> None:
    # 2/9/2023 fell on a Saturday: 1 Sep (Fri) and the observed Mon 4 Sep are off.
    assert CAL.day_info(date(2023, 9, 2)).reason_key == "calendar.holiday"
    assert not CAL.is_working_day(date(2023, 9, 1))
    assert not CAL.is_working_day(date(2023, 9, 4))
    assert CAL.is_working_day(date(2023, 9, 5))
    # 30/4/2022 Saturday and 1/5 Sunday: observed Mon 2 and Tue 3 May.
    assert not CAL.is_working_day(date(2022, 5, 2))
    assert not CAL.is_working_day(date(2022, 5, 3))
    assert CAL.is_working_day(date(2022, 5, 4))


def test_exceptions_override_statutory_and_weekend() -> None:
    cal = WorkingCalendar(
        exceptions={date(2026, 9, 2): ("WORK", "test"), date(2026, 11, 3): ("off", "flood")}
    )
    assert cal.is_working_day(date(2026, 9, 2))
    assert not cal.is_working_day(date(2026, 11, 3))
    assert cal.exceptions[date(2026, 11, 3)] == ("OFF", "flood")
    with pytest.raises(DomainError) as err:
        WorkingCalendar(exceptions={date(2026, 1, 5): ("HALF", "")})
    assert err.value.key == "calendar.bad_exception"


def test_make_up_saturday_and_swapped_monday() -> None:
    assert not CAL.is_working_day(date(2026, 8, 22))
    assert CAL_X.is_working_day(date(2026, 8, 22))
    assert not CAL_X.is_working_day(date(2026, 8, 31))
    assert CAL_X.next_working_day(date(2026, 8, 28)) == date(2026, 9, 3)


def test_custom_statutory_source_is_cached_per_year() -> None:
    calls: list[int] = []

    def statutory(year: int) -> dict[date, str]:
        calls.append(year)
        return {date(year, 6, 1): "Test day"}

    cal = WorkingCalendar(statutory=statutory)
    assert not cal.is_working_day(date(2026, 6, 1))  # a Monday
    for d in range(1, 29):
        cal.is_working_day(date(2026, 6, d))
    assert cal.is_working_day(date(2026, 1, 1))  # not in this source
    assert calls == [2026]


def test_no_working_time_raises() -> None:
    cal = WorkingCalendar(
        statutory=lambda y: {date(y, 1, 1) + timedelta(i): "x" for i in range(366)}
    )
    with pytest.raises(DomainError) as err:
        cal.next_working_start(at(2026, 1, 5, 9))
    assert err.value.key == "calendar.no_working_time"


# --- moments -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "working"),
    [
        (at(2026, 11, 2, 7, 29), False),
        (at(2026, 11, 2, 7, 30), True),
        (at(2026, 11, 2, 11, 29), True),
        (at(2026, 11, 2, 11, 30), False),
        (at(2026, 11, 2, 12), False),
        (at(2026, 11, 2, 13, 30), True),
        (at(2026, 11, 2, 16, 59), True),
        (at(2026, 11, 2, 17), False),
        (at(2026, 11, 7, 9), False),  # Saturday
    ],
)
def test_is_working_moment(moment: datetime, working: bool) -> None:
    assert CAL.is_working_moment(moment) is working


def test_is_period_end() -> None:
    assert CAL.is_period_end(at(2026, 11, 2, 11, 30))
    assert CAL.is_period_end(at(2026, 11, 2, 17))
    assert not CAL.is_period_end(at(2026, 11, 2, 16))
    assert not CAL.is_period_end(at(2026, 11, 7, 17))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 11, 2, 9), at(2026, 11, 2, 9)),
        (at(2026, 11, 2, 6), at(2026, 11, 2, 7, 30)),
        (at(2026, 11, 2, 12), at(2026, 11, 2, 13, 30)),  # lunch
        (at(2026, 11, 2, 11, 30), at(2026, 11, 2, 13, 30)),
        (at(2026, 11, 2, 18), at(2026, 11, 3, 7, 30)),
        (at(2026, 11, 6, 17), at(2026, 11, 9, 7, 30)),  # Friday evening -> Monday
        (at(2026, 2, 13, 17), at(2026, 2, 23, 7, 30)),  # into Tết 2026
    ],
)
def test_next_working_start(moment: datetime, expected: datetime) -> None:
    assert CAL.next_working_start(moment) == expected


def test_naive_input_is_office_local_and_aware_input_is_converted() -> None:
    naive = datetime(2026, 11, 2, 10)
    utc = datetime(2026, 11, 2, 3, tzinfo=UTC)  # = 10:00 in Vietnam
    for start in (naive, utc):
        result = CAL.add_working_time(start, timedelta(hours=1))
        assert result == at(2026, 11, 2, 11)
        assert result.tzinfo == VN
        assert result.utcoffset() == timedelta(hours=7)


# --- working-time arithmetic -------------------------------------------------------------------


def test_add_working_time_end_inclusive_at_period_end() -> None:
    # Exactly reaching the end of a period stops there, not at the next period's start.
    assert CAL.add_working_time(at(2026, 11, 2, 9), timedelta(hours=2, minutes=30)) == at(
        2026, 11, 2, 11, 30
    )
    assert CAL.add_working_days(at(2026, 11, 2, 7, 30), 5) == at(2026, 11, 6, 17)
    assert CAL.add_working_time(at(2026, 11, 2, 9), timedelta(hours=2, minutes=31)) == at(
        2026, 11, 2, 13, 31
    )


def test_add_working_time_crossing_weekend() -> None:
    # Friday 15:00 + 4 h = Friday 17:00 (2 h) + Monday 07:30-09:30.
    assert CAL.add_working_time(at(2026, 11, 6, 15), timedelta(hours=4)) == at(2026, 11, 9, 9, 30)


def test_add_zero_is_next_working_start() -> None:
    assert CAL.add_working_time(at(2026, 11, 7, 10), timedelta(0)) == at(2026, 11, 9, 7, 30)
    assert CAL.add_working_time(at(2026, 11, 2, 10), timedelta(0)) == at(2026, 11, 2, 10)


def test_negative_duration_rejected() -> None:
    with pytest.raises(DomainError) as err:
        CAL.add_working_time(at(2026, 11, 2, 10), timedelta(minutes=-1))
    assert err.value.key == "calendar.negative_duration"


def test_working_time_between() -> None:
    assert CAL.working_time_between(at(2026, 11, 2, 10), at(2026, 11, 5, 10)) == timedelta(
        hours=22, minutes=30
    )
    # Weekend and evenings count nothing.
    assert CAL.working_time_between(at(2026, 11, 6, 17), at(2026, 11, 9, 7, 30)) == timedelta(0)
    assert CAL.working_time_between(at(2026, 11, 2, 11), at(2026, 11, 2, 14)) == timedelta(hours=1)
    # Reversed bounds give a negative duration.
    assert CAL.working_time_between(at(2026, 11, 5, 10), at(2026, 11, 2, 10)) == -timedelta(
        hours=22, minutes=30
    )


def test_working_time_between_with_pauses() -> None:
    pauses = [(at(2026, 11, 2, 9), at(2026, 11, 2, 10)), (at(2026, 11, 2, 14), None)]
    assert CAL.working_time_between(at(2026, 11, 2, 7, 30), at(2026, 11, 3, 17), pauses) == (
        timedelta(hours=1, minutes=30) + timedelta(hours=1, minutes=30) + timedelta(minutes=30)
    )


def test_pauses_are_merged_and_validated() -> None:
    merged = CAL.normalise_pauses(
        [
            (at(2026, 11, 3, 9), at(2026, 11, 3, 10)),
            (at(2026, 11, 2, 9), at(2026, 11, 2, 12)),
            (at(2026, 11, 2, 11), at(2026, 11, 2, 14)),
            (at(2026, 11, 4, 9), None),
            (at(2026, 11, 5, 9), at(2026, 11, 5, 10)),
        ]
    )
    assert merged == [
        (at(2026, 11, 2, 9), at(2026, 11, 2, 14)),
        (at(2026, 11, 3, 9), at(2026, 11, 3, 10)),
        (at(2026, 11, 4, 9), None),
    ]
    with pytest.raises(DomainError) as err:
        CAL.normalise_pauses([(at(2026, 11, 3, 9), at(2026, 11, 3, 8))])
    assert err.value.key == "calendar.bad_pause"


def test_add_working_time_with_pauses() -> None:
    # 2 h from Mon 09:00, paused 10:00-14:00 (1 h 30 of the morning + 30 min after lunch).
    pauses = [(at(2026, 11, 2, 10), at(2026, 11, 2, 14))]
    assert CAL.add_working_time(at(2026, 11, 2, 9), timedelta(hours=2), pauses) == at(
        2026, 11, 2, 15
    )
    open_pause = [(at(2026, 11, 2, 10), None)]
    assert CAL.add_working_time(at(2026, 11, 2, 9), timedelta(hours=2), open_pause) is None
    assert CAL.add_working_time(at(2026, 11, 2, 9), timedelta(hours=1), open_pause) == at(
        2026, 11, 2, 10
    )


# --- exceptions CSV ----------------------------------------------------------------------------


def test_parse_exceptions_csv() -> None:
    parsed = parse_exceptions_csv(EXCEPTIONS_CSV)
    assert len(parsed) == 6
    assert parsed[date(2026, 8, 31)][0] == "OFF"
    assert parsed[date(2026, 8, 22)] == ("WORK", "Make-up working Saturday for 2026-08-31")


@pytest.mark.skipif(not CSV_PATH.exists(), reason="shared data not present")
def test_parse_shared_exceptions_file() -> None:
    parsed = parse_exceptions_csv(CSV_PATH.read_text(encoding="utf-8"))
    assert parsed[date(2026, 8, 31)][0] == "OFF"
    assert parsed[date(2026, 8, 22)][0] == "WORK"


def test_parse_exceptions_csv_tolerates_bom_blank_comment_quotes_and_case() -> None:
    text = (
        '\ufeffDate,Kind,Note\n\n# a comment\n2026-11-20,off,"Ngày Nhà giáo, nghỉ"\n'
        "2026-11-21,Work\n"
    )
    assert parse_exceptions_csv(text) == {
        date(2026, 11, 20): ("OFF", "Ngày Nhà giáo, nghỉ"),
        date(2026, 11, 21): ("WORK", ""),
    }


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ("2026-01-01,OFF,x\n", "calendar.exceptions_header", 1),
        ("", "calendar.exceptions_header", 1),
        ("date,kind,note\n2026-01-01,OFF,x\n2026-13-01,OFF,x\n", "calendar.exceptions_bad_date", 3),
        ("date,kind,note\n01/02/2026,OFF,x\n", "calendar.exceptions_bad_date", 2),
        ("date,kind,note\n2026-01-02,HOLIDAY,x\n", "calendar.exceptions_bad_kind", 2),
        ("date,kind,note\n2026-01-02\n", "calendar.exceptions_bad_row", 2),
        (
            "date,kind,note\n2026-01-02,OFF,a\n\n2026-01-02,WORK,b\n",
            "calendar.exceptions_duplicate",
            4,
        ),
    ],
)
def test_parse_exceptions_csv_errors_name_the_line(text: str, key: str, line: int) -> None:
    with pytest.raises(DomainError) as err:
        parse_exceptions_csv(text)
    assert err.value.key == key
    assert err.value.params["line"] == line
    assert str(line) in t(key, "vi", **err.value.params)


# --- properties --------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2022, 1, 1), max_value=datetime(2027, 12, 31))
durations = st.integers(min_value=0, max_value=60 * 24 * 20).map(lambda m: timedelta(minutes=m))


@settings(max_examples=300, deadline=None)
@given(start=moments, n=st.integers(0, 40), m=st.integers(1, 40))
def test_add_working_days_composes(start: datetime, n: int, m: int) -> None:
    t0 = CAL_X.next_working_start(start)
    assert CAL_X.add_working_days(CAL_X.add_working_days(t0, n), m) == CAL_X.add_working_days(
        t0, n + m
    )


@settings(max_examples=300, deadline=None)
@given(start=moments, d=durations)
def test_between_inverts_add(start: datetime, d: timedelta) -> None:
    end = CAL_X.add_working_time(start, d)
    assert CAL_X.working_time_between(start, end) == d
    assert CAL_X.is_working_moment(end) or CAL_X.is_period_end(end)


@settings(max_examples=200, deadline=None)
@given(a=moments, b=moments, c=moments)
def test_between_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    total = CAL.working_time_between(a, c)
    assert total == CAL.working_time_between(a, b) + CAL.working_time_between(b, c)
    assert total >= timedelta(0)

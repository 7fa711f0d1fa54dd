"""Deadline rules: due instants, pauses and restarts, classification, warnings, hand-over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.domain.calendar import TimeLimit, WorkingCalendar, parse_exceptions_csv
from desk.domain.deadline import classify, deadline_state, due, handover_deadline
from desk.domain.errors import DomainError
from desk.i18n import t

VN = ZoneInfo("Asia/Ho_Chi_Minh")
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
DAYS3 = TimeLimit(3, "working_days")
SAME_DAY = TimeLimit.parse("same_day")


def at(y: int, m: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=VN)


# 2 Nov 2026 is a Monday.
MON = (2026, 11, 2)


# --- working days and hours --------------------------------------------------------------------


def test_domain_example_monday_10_plus_3_working_days_is_thursday_10() -> None:
    assert CAL.due(at(*MON, 10), DAYS3) == at(2026, 11, 5, 10)
    assert due(CAL, at(*MON, 10), DAYS3) == at(2026, 11, 5, 10)


def test_crossing_a_weekend() -> None:
    assert CAL.due(at(2026, 11, 5, 10), DAYS3) == at(2026, 11, 10, 10)  # Thu -> Tue


def test_five_days_from_opening_ends_friday_17_not_monday() -> None:
    assert CAL.due(at(*MON, 7, 30), TimeLimit(5, "working_days")) == at(2026, 11, 6, 17)


def test_crossing_tet_2026() -> None:
    # Fri 13 Feb 10:00: 5 h on Friday, Tết 14-22 Feb, Mon 23 and Tue 24 full, Wed 25 2.5 h.
    assert CAL.due(at(2026, 2, 13, 10), DAYS3) == at(2026, 2, 25, 10)


def test_national_day_2026_with_make_up_saturday_and_swapped_monday() -> None:
    # Thu 27 Aug: Fri 28 works; Sat 29 - Wed 2 Sep off (31 Aug swapped, 1-2 Sep holidays).
    assert CAL_X.due(at(2026, 8, 27, 10), DAYS3) == at(2026, 9, 4, 10)
    # Fri 21 Aug + 1 day: the make-up Saturday 22 Aug counts.
    one = TimeLimit(1, "working_days")
    assert CAL_X.due(at(2026, 8, 21, 10), one) == at(2026, 8, 22, 10)
    assert CAL.due(at(2026, 8, 21, 10), one) == at(2026, 8, 24, 10)


def test_holiday_on_saturday_and_its_observed_monday() -> None:
    # 2/9/2023 was a Saturday: Fri 1 Sep and Mon 4 Sep (observed) are off.
    assert CAL.due(at(2023, 8, 31, 10), TimeLimit(1, "working_days")) == at(2023, 9, 5, 10)


def test_receipt_at_lunch_counts_from_1330() -> None:
    # 3 h 30 Monday afternoon + 4 h Tuesday morning: ends at Tue 11:30 (period end).
    assert CAL.due(at(*MON, 12), TimeLimit(1, "working_days")) == at(2026, 11, 3, 11, 30)
    assert CAL.due(at(*MON, 12), TimeLimit(2, "working_hours")) == at(*MON, 15, 30)


def test_receipt_in_the_evening_counts_from_next_morning() -> None:
    assert CAL.due(at(*MON, 18), TimeLimit(1, "working_days")) == at(2026, 11, 3, 17)
    assert CAL.due(at(*MON, 18), TimeLimit(4, "working_hours")) == at(2026, 11, 3, 11, 30)
    assert CAL.due(at(*MON, 18), TimeLimit(5, "working_hours")) == at(2026, 11, 3, 14, 30)


def test_output_in_office_zone_for_utc_input() -> None:
    result = CAL.due(datetime(2026, 11, 2, 3, tzinfo=UTC), DAYS3)
    assert result == at(2026, 11, 5, 10)
    assert result is not None and result.tzinfo == VN


# --- same day and calendar days ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (at(*MON, 6), at(*MON, 17)),  # before opening on a working day
        (at(*MON, 9), at(*MON, 17)),
        (at(*MON, 12), at(*MON, 17)),  # lunch
        (at(*MON, 15), at(*MON, 17)),  # at the cut-off
        (at(*MON, 15, 1), at(2026, 11, 3, 17)),  # after the cut-off
        (at(*MON, 18), at(2026, 11, 3, 17)),
        (at(2026, 11, 6, 14), at(2026, 11, 6, 17)),  # Friday before 15:00
        (at(2026, 11, 6, 15, 30), at(2026, 11, 9, 17)),  # Friday after 15:00 -> Monday
        (at(2026, 11, 7, 9), at(2026, 11, 9, 17)),  # Saturday
        (at(2026, 2, 13, 16), at(2026, 2, 23, 17)),  # Friday before Tết
        (at(2026, 8, 21, 16), at(2026, 8, 22, 17)),  # make-up Saturday (CAL_X below)
    ],
)
def test_same_day(received: datetime, expected: datetime) -> None:
    cal = CAL_X if received.date().month == 8 else CAL
    assert cal.due(received, SAME_DAY) == expected
    assert cal.due(received, TimeLimit.parse("0 same_day")) == expected


def test_same_day_with_custom_cutoff() -> None:
    from datetime import time

    cal = WorkingCalendar(cutoff=time(16, 0))
    assert cal.due(at(*MON, 15, 30), SAME_DAY) == at(*MON, 17)
    assert cal.due(at(*MON, 16, 1), SAME_DAY) == at(2026, 11, 3, 17)


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (at(*MON, 10), 10, at(2026, 11, 12, 17)),  # lands on Thursday: end of that day
        (at(*MON, 10), 5, at(2026, 11, 9, 17)),  # lands on Saturday: end of Monday
        (at(*MON, 18), 3, at(2026, 11, 5, 17)),  # time of day does not matter
        (at(2026, 2, 6, 9), 10, at(2026, 2, 23, 17)),  # lands in Tết 2026
        (at(*MON, 10), 0, at(*MON, 17)),
        (at(*MON, 18), 0, at(2026, 11, 3, 17)),  # never before receipt
    ],
)
def test_calendar_days(received: datetime, days: int, expected: datetime) -> None:
    assert CAL.due(received, TimeLimit(days, "calendar_days")) == expected


def test_calendar_days_with_pause_adds_paused_calendar_time() -> None:
    limit = TimeLimit(10, "calendar_days")
    pause = [(at(2026, 11, 3, 10), at(2026, 11, 6, 10))]  # 3 days
    assert CAL.due(at(*MON, 10), limit, pause) == at(2026, 11, 16, 17)  # 15 Nov is Sunday
    assert CAL.due(at(*MON, 10), limit, [(at(2026, 11, 3, 10), None)]) is None
    # A pause before receipt, or after the limit ran out, changes nothing.
    late = [(at(2026, 11, 20, 10), None), (at(2026, 10, 1), at(2026, 10, 5))]
    assert CAL.due(at(*MON, 10), limit, late) == at(2026, 11, 12, 17)


# --- pauses and restart ------------------------------------------------------------------------


def test_pause_does_not_count() -> None:
    # Paused Tue 10:00 - Wed 10:00 (one full working day): due moves from Thu to Fri 10:00.
    pauses = [(at(2026, 11, 3, 10), at(2026, 11, 4, 10))]
    assert CAL.due(at(*MON, 10), DAYS3, pauses) == at(2026, 11, 6, 10)


def test_open_pause_gives_no_due_unless_already_late() -> None:
    assert CAL.due(at(*MON, 10), DAYS3, [(at(2026, 11, 3, 10), None)]) is None
    # The clock stopped only after the deadline had passed: the deadline stands.
    assert CAL.due(at(*MON, 10), DAYS3, [(at(2026, 11, 6, 10), None)]) == at(2026, 11, 5, 10)


def test_same_day_with_pause_adds_paused_working_time() -> None:
    pauses = [(at(*MON, 9), at(*MON, 10))]
    assert CAL.due(at(*MON, 8), SAME_DAY, pauses) == at(2026, 11, 3, 8, 30)


def test_due_with_clock_restart_counts_from_completed_supplement() -> None:
    received = at(*MON, 10)
    requested = at(2026, 11, 3, 9)
    completed = at(2026, 11, 9, 14)
    assert CAL.within_working_days(received, requested, 3)
    events = [("pause", requested), ("restart", completed)]
    assert CAL.due_with_clock(received, DAYS3, events) == at(2026, 11, 12, 14)
    # Same day after a restart: the cut-off applies to the completion time.
    assert CAL.due_with_clock(received, SAME_DAY, [("restart", at(2026, 11, 9, 16))]) == at(
        2026, 11, 10, 17
    )


def test_due_with_clock_resume_keeps_elapsed_time() -> None:
    # 6 h 30 elapsed before the pause; 16 h left from Mon 9 Nov 14:00 -> Wed 11 Nov 15:00.
    events = [("pause", at(2026, 11, 3, 9)), ("resume", at(2026, 11, 9, 14))]
    assert CAL.due_with_clock(at(*MON, 10), DAYS3, events) == at(2026, 11, 11, 15)
    # Several pauses accumulate.
    events += [("pause", at(2026, 11, 10, 8)), ("resume", at(2026, 11, 10, 9))]
    assert CAL.due_with_clock(at(*MON, 10), DAYS3, events) == at(2026, 11, 11, 16)


def test_due_with_clock_no_events_and_trailing_pause() -> None:
    assert CAL.due_with_clock(at(*MON, 10), DAYS3, []) == at(2026, 11, 5, 10)
    assert CAL.due_with_clock(at(*MON, 10), DAYS3, [("pause", at(2026, 11, 3, 9))]) is None


@pytest.mark.parametrize(
    ("events", "key", "index"),
    [
        ([("resume", at(2026, 11, 3))], "calendar.clock_not_paused", 1),
        (
            [("pause", at(2026, 11, 3)), ("pause", at(2026, 11, 4))],
            "calendar.clock_already_paused",
            2,
        ),
        (
            [("pause", at(2026, 11, 4)), ("resume", at(2026, 11, 3))],
            "calendar.clock_out_of_order",
            2,
        ),
        ([("pause", at(2026, 11, 1))], "calendar.clock_out_of_order", 1),  # before receipt
        ([("stop", at(2026, 11, 3))], "calendar.clock_bad_event", 1),
    ],
)
def test_due_with_clock_rejects_bad_sequences(
    events: list[tuple[str, datetime]], key: str, index: int
) -> None:
    with pytest.raises(DomainError) as err:
        CAL.due_with_clock(at(*MON, 10), DAYS3, events)
    assert err.value.key == key
    assert err.value.params["index"] == index
    assert str(index) in t(key, "vi", **err.value.params)


def test_within_working_days() -> None:
    received = at(*MON, 10)
    assert CAL.within_working_days(received, at(2026, 11, 5, 10), 3)
    assert not CAL.within_working_days(received, at(2026, 11, 5, 10, 1), 3)
    assert CAL.within_working_days(received, at(*MON, 9), 3)  # before receipt
    # No working time elapses after Friday 17:00 until Monday 07:30.
    opening = at(*MON, 7, 30)
    assert CAL.within_working_days(opening, at(2026, 11, 7, 10), 5)
    assert CAL.within_working_days(opening, at(2026, 11, 9, 7, 30), 5)
    assert not CAL.within_working_days(opening, at(2026, 11, 9, 7, 31), 5)


# --- classification and warnings ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("finished", "expected"),
    [
        (at(2026, 11, 4, 16), "early"),
        (at(2026, 11, 5, 7), "on_time"),
        (at(2026, 11, 5, 16), "on_time"),  # after the due time but on the due date
        (at(2026, 11, 6, 8), "late"),
        (datetime(2026, 11, 4, 18, tzinfo=UTC), "on_time"),  # = Thu 01:00 in Vietnam
        (datetime(2026, 11, 5, 17, 1, tzinfo=UTC), "late"),  # = Fri 00:01 in Vietnam
    ],
)
def test_classify(finished: datetime, expected: str) -> None:
    due_at = at(2026, 11, 5, 10)
    assert CAL.classify(finished, due_at) == expected
    assert classify(CAL, finished, due_at) == expected
    assert t(f"calendar.result.{expected}", "vi") != f"calendar.result.{expected}"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(2026, 11, 5, 10), "ok"),  # Thu: 15 h of working time left
        (at(2026, 11, 6, 9, 59), "ok"),  # Fri: 7 h 31 left
        (at(2026, 11, 6, 10), "due_soon"),  # Fri: exactly one working day left
        (at(2026, 11, 6, 18), "due_soon"),
        (at(2026, 11, 7, 12), "due_soon"),  # Saturday
        (at(2026, 11, 8, 23, 59), "due_soon"),  # Sunday night
        (at(2026, 11, 9, 0, 0), "due_today"),  # Monday midnight
        (at(2026, 11, 9, 10), "due_today"),  # exactly due
        (at(2026, 11, 9, 10) + timedelta(microseconds=1), "overdue"),
        (at(2026, 11, 12, 9), "overdue"),
    ],
)
def test_deadline_state_over_a_weekend(now: datetime, expected: str) -> None:
    due_at = at(2026, 11, 9, 10)  # Monday 10:00
    assert CAL.deadline_state(now, due_at) == expected
    assert deadline_state(CAL, now, due_at) == expected
    assert t(f"calendar.state.{expected}", "en") != f"calendar.state.{expected}"


def test_deadline_state_across_holidays() -> None:
    due_at = at(2023, 9, 5, 10)  # Tue after the 2/9/2023 break
    assert CAL.deadline_state(at(2023, 8, 31, 9, 59), due_at) == "ok"
    assert CAL.deadline_state(at(2023, 8, 31, 10), due_at) == "due_soon"
    assert CAL.deadline_state(at(2023, 9, 4, 12), due_at) == "due_soon"
    assert CAL.deadline_state(at(2023, 9, 5, 7), due_at) == "due_today"


def test_deadline_state_far_away_is_ok_and_fast() -> None:
    assert CAL.deadline_state(at(2026, 1, 5, 9), at(2027, 6, 1, 10)) == "ok"


# --- hand-over ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (at(*MON, 9), at(*MON, 17)),
        (at(*MON, 15), at(*MON, 17)),
        (at(*MON, 15, 1), at(2026, 11, 3, 7, 30)),
        (at(*MON, 18), at(2026, 11, 3, 7, 30)),
        (at(2026, 11, 6, 16), at(2026, 11, 9, 7, 30)),  # Friday after 15:00 -> Monday morning
        (at(2026, 11, 7, 9), at(2026, 11, 9, 7, 30)),  # Saturday (e.g. online)
        (at(2026, 2, 13, 16), at(2026, 2, 23, 7, 30)),  # before Tết 2026
    ],
)
def test_handover_deadline(received: datetime, expected: datetime) -> None:
    assert CAL.handover_deadline(received) == expected
    assert handover_deadline(CAL, received) == expected


# --- properties --------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2022, 1, 1), max_value=datetime(2027, 12, 31))
limits = st.one_of(
    st.builds(TimeLimit, st.integers(0, 30), st.just("working_days")),
    st.builds(TimeLimit, st.integers(0, 80), st.just("working_hours")),
    st.just(SAME_DAY),
    st.builds(TimeLimit, st.integers(0, 60), st.just("calendar_days")),
)


@settings(max_examples=400, deadline=None)
@given(received=moments, limit=limits)
def test_due_is_a_working_moment_or_a_period_end(received: datetime, limit: TimeLimit) -> None:
    result = CAL_X.due(received, limit)
    assert result is not None
    assert CAL_X.is_working_moment(result) or CAL_X.is_period_end(result)
    assert result >= CAL_X.local(received)
    hand = CAL_X.handover_deadline(received)
    assert CAL_X.is_working_moment(hand) or CAL_X.is_period_end(hand)


@settings(max_examples=400, deadline=None)
@given(a=moments, b=moments, limit=limits)
def test_later_receipt_never_gives_earlier_due(a: datetime, b: datetime, limit: TimeLimit) -> None:
    a, b = sorted((a, b))
    due_a, due_b = CAL_X.due(a, limit), CAL_X.due(b, limit)
    assert due_a is not None and due_b is not None
    assert due_a <= due_b


@settings(max_examples=200, deadline=None)
@given(
    received=moments,
    limit=limits,
    offset=st.integers(0, 60 * 24 * 10),
    length=st.integers(0, 60 * 24 * 10),
)
def test_a_closed_pause_never_brings_the_due_forward(
    received: datetime, limit: TimeLimit, offset: int, length: int
) -> None:
    start = received + timedelta(minutes=offset)
    pauses = [(start, start + timedelta(minutes=length))]
    paused = CAL_X.due(received, limit, pauses)
    plain = CAL_X.due(received, limit)
    assert paused is not None and plain is not None
    assert paused >= plain
    if limit.unit != "calendar_days":
        # The counted (unpaused) working time up to the due instant is the same budget.
        budget = CAL_X.working_time_between(received, plain)
        assert CAL_X.working_time_between(received, paused, pauses) == budget


@settings(max_examples=200, deadline=None)
@given(now=moments, due_at=moments)
def test_deadline_state_matches_its_definition(now: datetime, due_at: datetime) -> None:
    state = CAL_X.deadline_state(now, due_at)
    if now > due_at:
        assert state == "overdue"
    elif now.date() == due_at.date():
        assert state == "due_today"
    elif CAL_X.working_time_between(now, due_at) <= CAL_X.hours_per_day:
        assert state == "due_soon"
    else:
        assert state == "ok"


@settings(max_examples=200, deadline=None)
@given(a=moments, b=moments, n=st.integers(0, 10))
def test_within_working_days_matches_its_definition(a: datetime, b: datetime, n: int) -> None:
    expected = CAL_X.working_time_between(a, b) <= CAL_X.hours_per_day * n
    assert CAL_X.within_working_days(a, b, n) is expected

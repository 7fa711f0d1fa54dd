"""Appointments: slots and capacity from desk.toml, 2 per ID a day, 6 working days ahead,
check-in within the window gives the next call ahead of walk-ins within the starvation bound,
a missed booking becomes a no-show; and the `desk appointment` commands."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from desk.config import Settings
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.queue import appointments as appt
from desk.services.queue import tickets as queue
from tests.conftest import local
from tests.queue.conftest import COUNTERS, SERVICES, MovingClock

ID = "001099012345"
OTHER = "001199054321"
SLOTS = ["08:00", "08:30", "09:00", "09:30", "14:00"]


@pytest.fixture
def actx(tmp_path: Path) -> Iterator[tuple[DeskContext, MovingClock]]:
    services = [{**s, "appointment_slots": SLOTS, "appointment_capacity": 2}
                if s["code"] == "HT" else s for s in SERVICES]
    settings = Settings.from_dict({
        "storage": {"database": str(tmp_path / "a.sqlite3"), "data_dir": str(tmp_path)},
        "queue": {"services": services, "counters": COUNTERS, "max_priority_in_row": 2}})
    clock = MovingClock(local(2026, 11, 30, 7, 45))  # a Monday
    c = DeskContext(settings, clock=clock)
    yield c, clock
    c.close()


def _err(fn, *args, **kw) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as e:
        fn(*args, **kw)
    return e.value.key


def test_days_slots_capacity_and_two_per_id(actx: tuple[DeskContext, MovingClock]) -> None:
    ctx, _clock = actx
    today = date(2026, 11, 30)
    a = appt.book(ctx, "HT", today, ID, at=time(8, 30))
    assert (a.slot, a.state, a.id_masked) == ("08:30", "BOOKED", "001*****2345")
    assert ID not in json.dumps(a.as_dict())  # the number itself is not kept or shown
    assert appt.book(ctx, "HT", today, ID).slot == "08:00"  # first free slot by default
    assert _err(appt.book, ctx, "HT", today, ID) == "appt.per_id"  # a third the same day
    assert appt.book(ctx, "HT", today, OTHER, at=time(8, 30)).slot == "08:30"
    assert _err(appt.book, ctx, "HT", today, "001088011111", at=time(8, 30)) == \
        "appt.slot_full"  # capacity 2
    assert _err(appt.book, ctx, "HT", today, OTHER, at=time(10, 0)) == "appt.bad_slot"
    assert _err(appt.book, ctx, "CT", today, OTHER) == "appt.no_slots"
    # today + 6 working days: Mon 30 Nov → Tue 8 Dec; Sat/Sun are closed
    assert appt.book(ctx, "HT", date(2026, 12, 8), ID).day == date(2026, 12, 8)
    assert _err(appt.book, ctx, "HT", date(2026, 12, 9), ID) == "appt.too_far"
    assert _err(appt.book, ctx, "HT", date(2026, 12, 5), ID) == "appt.closed_day"
    assert _err(appt.book, ctx, "HT", date(2026, 11, 27), ID) == "appt.past_day"
    assert _err(appt.book, ctx, "HT", today, "123") == "id.length"


def test_checkin_goes_first_but_walk_ins_are_not_starved(
        actx: tuple[DeskContext, MovingClock]) -> None:
    ctx, clock = actx
    today = date(2026, 11, 30)
    codes = [appt.book(ctx, "HT", today, n, at=time(8, 0)).code for n in (ID, OTHER)]
    codes += [appt.book(ctx, "HT", today, n, at=time(8, 30)).code
              for n in ("001088011111", "001077022222")]
    walk_ins = [queue.issue(ctx, "HT", print_ticket=False).ticket.label for _ in range(3)]
    elderly = queue.issue(ctx, "HT", "elderly", print_ticket=False).ticket.label
    assert _err(appt.checkin, ctx, codes[2]) == "appt.too_early"  # 8:30 opens at 8:00
    clock.advance(minutes=20)  # 08:05
    got = [appt.checkin(ctx, c, print_ticket=False)[1].ticket for c in codes[:3]]
    assert all(t.priority_reason == "appointment" for t in got)
    assert _err(appt.checkin, ctx, codes[0]) == "appt.already"
    calls = []
    for _ in range(7):
        v = queue.call_next(ctx, 1)
        assert v is not None
        calls.append(v.label)
        queue.finish(ctx, 1)
    booked = [t.label for t in got]
    # appointments first (ahead of the elderly walk-in too), at most 2 priority in a row
    assert calls == [booked[0], booked[1], walk_ins[0], booked[2], elderly, walk_ins[1],
                     walk_ins[2]]


def test_missed_booking_becomes_a_no_show(actx: tuple[DeskContext, MovingClock]) -> None:
    ctx, clock = actx
    today = date(2026, 11, 30)
    early = appt.book(ctx, "HT", today, ID, at=time(8, 0))
    late = appt.book(ctx, "HT", today, OTHER, at=time(9, 0))
    clock.at = local(2026, 11, 30, 8, 16)  # window of 08:00 closed at 08:15
    assert {a.code: a.state for a in appt.list_day(ctx)} == {early.code: "NO_SHOW",
                                                            late.code: "BOOKED"}
    assert _err(appt.checkin, ctx, early.code) == "appt.missed"
    clock.at = local(2026, 11, 30, 9, 20)
    assert _err(appt.checkin, ctx, OTHER) == "appt.missed"  # by ID number, too late
    assert {a.state for a in appt.list_day(ctx)} == {"NO_SHOW"}
    # 08:00, 08:30 and 09:00 have closed: a new booking takes a later slot
    assert _err(appt.book, ctx, "HT", today, OTHER, at=time(8, 30)) == "appt.slot_full"
    assert appt.book(ctx, "HT", today, OTHER).slot == "09:30"


def test_the_commands(run_desk, config_file: Path) -> None:  # type: ignore[no-untyped-def]
    config_file.write_text(config_file.read_text(encoding="utf-8") + """
[[queue.counters]]
number = 1
[[queue.services]]
code = "HT"
name = "Hộ tịch"
prefix = "A"
counters = [1]
appointment_slots = ["08:00", "08:30"]
appointment_capacity = 1
""", encoding="utf-8")
    now = {"DESK_NOW": "2026-11-30 07:40"}
    r = run_desk("appointment", "book", "--service", "HT", "--date", "2026-12-01", "--id", ID,
                 "--time", "08:30", "--json", env=now)
    assert r.returncode == 0, r.stderr
    booked = json.loads(r.stdout)
    assert (booked["date"], booked["time"], booked["state"]) == ("2026-12-01", "08:30",
                                                                 "BOOKED")
    r = run_desk("appointment", "book", "--service", "HT", "--date", "2026-12-01", "--id",
                 OTHER, "--time", "08:30", env=now)
    assert r.returncode == 1 and "Khung giờ 08:30 đã đủ người" in r.stderr
    r = run_desk("appointment", "list", "--date", "2026-12-01", "--json", env=now)
    assert [a["code"] for a in json.loads(r.stdout)] == [booked["code"]]
    r = run_desk("appointment", "checkin", booked["code"], "--no-print", env=now)
    assert r.returncode == 1 and "2026-12-01" in r.stderr  # not today
    qr = f"{ID}||NGUYỄN VĂN AN|01011999|Nam|Xã Minh Châu|01012021"
    r = run_desk("appointment", "checkin", qr, "--no-print",
                 env={"DESK_NOW": "2026-12-01 08:10"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"Đã xác nhận lịch hẹn {booked['code']}. Số thứ tự: A001."

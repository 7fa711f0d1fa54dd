"""`desk queue act|waiting|stats --json` and `desk appointment book|list|checkin --json` print
exactly the keys their declared shapes name (desk/services/queue/shapes.py; issue 20 step 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.services.queue.shapes import (
    AppointmentOut,
    CalledOut,
    CheckedInOut,
    IssuedOut,
    QueueStatsOut,
    TicketOut,
    WaitingOut,
)
from tests.contracts.office_cli import desk_json
from tests.contracts.shape_check import problems

CONFIG = """[storage]
database = "office.sqlite3"

[[queue.counters]]
number = 1
name = "Quầy 1"

[[queue.counters]]
number = 2
name = "Quầy 2"

[[queue.services]]
code = "HT"
name = "Hộ tịch"
prefix = "A"
counters = [1, 2]
appointment_slots = ["08:30", "09:00", "14:00"]
appointment_capacity = 2

[[queue.services]]
code = "CT"
name = "Chứng thực"
prefix = "B"
counters = [2]
"""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two services, HT taking appointments; the clock at 09:00 on a Monday."""
    home = tmp_path_factory.mktemp("queue")
    (home / "desk.toml").write_text(CONFIG, encoding="utf-8")
    desk_json(home, "db", "upgrade")
    return home


def test_a_ticket_acted_on_and_the_day_have_their_declared_shapes(office: Path) -> None:
    labels = [desk_json(office, "queue", "issue", s, "--no-print")["label"]
              for s in ("HT", "HT", "CT")]
    waiting = desk_json(office, "queue", "waiting")
    assert [w["waiting"] for w in waiting] == [2, 1]
    assert problems(waiting, list[WaitingOut]) == []
    called = desk_json(office, "queue", "call", "1")["ticket"]
    assert called["label"] == labels[0]
    for action in ("start", "finish"):
        done = desk_json(office, "queue", "act", labels[0], action, "--counter", "1")
        assert problems(done, TicketOut) == []
    assert done["state"] == "DONE"
    assert desk_json(office, "queue", "call", "1")["ticket"]["label"] == labels[1]
    moved = desk_json(office, "queue", "act", labels[1], "transfer", "--counter", "2")
    assert moved["target_counter"] == 2 and problems(moved, TicketOut) == []
    stats = desk_json(office, "queue", "stats")
    assert stats["served"] == 1 and stats["per_service"] and stats["per_counter"]
    assert stats["hours"] and problems(stats, QueueStatsOut) == []
    quiet = desk_json(office, "queue", "stats", "--date", "2026-11-20")  # a day with nothing
    assert quiet["issued"] == 0 and problems(quiet, QueueStatsOut) == []


def test_appointments_have_their_declared_shapes(office: Path) -> None:
    booked = desk_json(office, "appointment", "book", "--service", "HT", "--date",
                       "2026-11-23", "--id", "001099012345", "--time", "09:00")
    assert booked["state"] == "BOOKED" and problems(booked, AppointmentOut) == []
    later = desk_json(office, "appointment", "book", "--service", "HT", "--date",
                      "2026-11-25", "--id", "001099012345")
    assert problems(later, AppointmentOut) == []
    checked = desk_json(office, "appointment", "checkin", booked["code"], "--no-print")
    assert checked["ticket"] and problems(checked, CheckedInOut) == []
    today = desk_json(office, "appointment", "list")
    assert [a["code"] for a in today] == [booked["code"]]
    assert problems(today, list[AppointmentOut]) == []
    assert problems(desk_json(office, "appointment", "list", "--date", "2026-11-25"),
                    list[AppointmentOut]) == []


def test_the_quick_twins_print_the_same_shapes(office: Path) -> None:
    """`queue issue|call` answered by the quick path (desk/commands/quick_write.py)."""
    issued = desk_json(office, "queue", "issue", "CT", "--no-print", DESK_QUICK="1")
    assert problems(issued, IssuedOut) == []
    called = desk_json(office, "queue", "call", "2", DESK_QUICK="1")
    assert called["ticket"] and problems(called, CalledOut) == []

"""Two kiosks checking in the same booking at the same instant (two processes, one SQLite
file) give exactly one ticket: the second is told the booking is already checked in."""

from __future__ import annotations

import multiprocessing as mp
from datetime import date, time
from pathlib import Path
from typing import Any

from sqlmodel import select

from desk.config import Settings
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.queue import appointments as appt
from storage.engine import read_session
from storage.tables.queue import Ticket
from tests.conftest import local
from tests.queue.conftest import COUNTERS, SERVICES, MovingClock

ROUNDS = 4  # bookings raced one after the other; each must give exactly one ticket
IDS = ["001099012345", "001199054321", "001088011111", "001077022222"]


def _settings(db: Path) -> Settings:
    services = [{**s, "appointment_slots": ["08:00", "08:30"], "appointment_capacity": 4}
                if s["code"] == "HT" else s for s in SERVICES]
    return Settings.from_dict({
        "storage": {"database": str(db), "data_dir": str(db.parent)},
        "queue": {"services": services, "counters": COUNTERS}})


def _kiosk(db: str, codes: list[str], barrier: Any, out: Any) -> None:
    ctx = DeskContext(_settings(Path(db)), clock=MovingClock(local(2026, 11, 30, 7, 50)))
    appt.list_day(ctx)  # the database stack imported and the file open before the race
    got: list[str] = []
    for code in codes:
        barrier.wait()  # both kiosks press Enter on the same code at the same instant
        try:
            got.append(appt.checkin(ctx, code, print_ticket=False)[1].ticket.label)
        except DomainError as e:
            got.append(e.key)
    ctx.close()
    out.put(got)


def test_one_booking_checked_in_twice_at_once_gives_one_ticket(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    ctx = DeskContext(_settings(db), clock=MovingClock(local(2026, 11, 30, 7, 40)))
    codes = [appt.book(ctx, "HT", date(2026, 11, 30), n, at=time(8, 0)).code for n in IDS]
    ctx.close()
    spawn = mp.get_context("spawn")
    barrier = spawn.Barrier(2)
    out = spawn.Queue()
    procs = [spawn.Process(target=_kiosk, args=(str(db), codes, barrier, out))
             for _ in range(2)]
    for p in procs:
        p.start()
    one, two = (out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    ctx = DeskContext(_settings(db), clock=MovingClock(local(2026, 11, 30, 7, 55)))
    with read_session(ctx.engine) as s:
        tickets = s.exec(select(Ticket.label)).all()
    views = {v.code: v for v in appt.list_day(ctx)}
    ctx.close()
    assert len(tickets) == ROUNDS, f"one ticket per booking, got {sorted(tickets)}"
    for a, b, code in zip(one, two, codes, strict=True):
        assert "appt.already" in (a, b) and (a, b) != ("appt.already",) * 2, (a, b)
        label = a if b == "appt.already" else b
        assert views[code].state == "CHECKED_IN" and views[code].ticket_label == label

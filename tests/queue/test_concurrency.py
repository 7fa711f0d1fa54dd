"""Two processes pressing "call next" at the same instant never get the same ticket."""

from __future__ import annotations

import multiprocessing as mp
import time
from pathlib import Path
from typing import Any

from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from tests.conftest import local
from tests.queue.conftest import MovingClock, queue_settings

TICKETS = 120


def _counter_worker(db: str, counter: int, barrier: Any, out: Any) -> None:
    ctx = DeskContext(queue_settings(Path(db)), clock=MovingClock(local(2026, 11, 23, 9, 0)))
    got: list[str] = []
    queue.waiting_summary(ctx)  # the database stack imported and the file open first,
    barrier.wait()  # then both press "call next" at the same instant
    while True:
        v = queue.call_next(ctx, counter)
        if v is None:
            break
        got.append(v.label)
        queue.finish(ctx, counter)
        # A clerk does not call again within the same millisecond: without a breath, SQLite's
        # busy handler (sleeping 1…100 ms between tries) can leave the other counter waiting
        # while this one serves the whole queue.
        time.sleep(0.005)
    ctx.close()
    out.put((counter, got))


def test_two_processes_never_get_the_same_ticket(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    ctx = DeskContext(queue_settings(db), clock=MovingClock(local(2026, 11, 23, 8, 0)))
    for _ in range(TICKETS):
        queue.issue(ctx, "HT", print_ticket=False)  # counters 1 and 2 both serve HT
    ctx.close()
    spawn = mp.get_context("spawn")
    barrier = spawn.Barrier(2)
    out = spawn.Queue()
    procs = [spawn.Process(target=_counter_worker, args=(str(db), c, barrier, out))
             for c in (1, 2)]
    for p in procs:
        p.start()
    results = dict(out.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    one, two = results[1], results[2]
    assert one and two, "both counters should have served someone"
    assert not set(one) & set(two)
    assert len(one) + len(two) == TICKETS
    assert sorted(one + two) == [f"A{n:03d}" for n in range(1, TICKETS + 1)]

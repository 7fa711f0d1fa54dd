"""Processes issuing and calling at once through the quick `sqlite3` writer — and beside it the
regular services — never get the same number or the same ticket (BEGIN IMMEDIATE, as
tests/queue/test_concurrency.py for the services alone)."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
import time
from pathlib import Path
from typing import Any

from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.quick.context import open_quick
from desk.services.quick.queue_write import call_next, issue
from tests.conftest import local
from tests.queue.conftest import MovingClock, queue_settings

EACH = 40


def _issuer(db: str, quick: bool, barrier: Any, out: Any) -> None:
    ctx = DeskContext(queue_settings(Path(db)), clock=MovingClock(local(2026, 11, 23, 8, 0)))
    q = open_quick(ctx, write=True) if quick else None
    if not quick:
        queue.waiting_summary(ctx)  # the stack loaded and the file open before the start
    barrier.wait()
    got = []
    for _ in range(EACH):
        got.append((issue(q, "HT") if q else queue.issue(ctx, "HT", print_ticket=False))
                   .ticket.label)
        # Nobody takes two tickets in one millisecond; without a breath SQLite's busy handler
        # (sleeping longer and longer between tries) can starve one writer for 10 s.
        time.sleep(0.005)
    ctx.close()
    out.put(got)


def _caller(db: str, counter: int, barrier: Any, out: Any) -> None:
    ctx = DeskContext(queue_settings(Path(db)), clock=MovingClock(local(2026, 11, 23, 9, 0)))
    q = open_quick(ctx, write=True)
    assert q is not None
    queue.waiting_summary(ctx)
    barrier.wait()
    got: list[str] = []
    while (v := call_next(q, counter)) is not None:
        got.append(v.label)
        queue.finish(ctx, counter)
        time.sleep(0.005)  # a clerk does not call again within the same millisecond
    ctx.close()
    out.put(got)


def _run(target: Any, args: list[tuple[Any, ...]]) -> list[list[str]]:
    spawn = mp.get_context("spawn")
    barrier = spawn.Barrier(len(args))
    out = spawn.Queue()
    procs = [spawn.Process(target=target, args=(*a, barrier, out)) for a in args]
    for p in procs:
        p.start()
    results = [out.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=30)
        assert p.exitcode == 0
    return results


def test_issuing_and_calling_at_once_never_share_a_number(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    ctx = DeskContext(queue_settings(db), clock=MovingClock(local(2026, 11, 23, 7, 0)))
    queue.waiting_summary(ctx)  # the file made at this release's schema
    ctx.close()
    issued = _run(_issuer, [(str(db), True), (str(db), True), (str(db), False)])
    labels = [label for got in issued for label in got]
    assert sorted(labels) == [f"A{n:03d}" for n in range(1, 3 * EACH + 1)]
    assert all(got == sorted(got) for got in issued)  # each process: its numbers in order

    one, two = _run(_caller, [(str(db), 1), (str(db), 2)])
    assert one and two, "both counters should have served someone"
    assert sorted(one + two) == sorted(labels)  # every ticket called exactly once

    conn = sqlite3.connect(db)
    seqs = [r[0] for r in conn.execute("SELECT seq FROM outbox_event ORDER BY seq")]
    last = conn.execute("SELECT last_seq FROM sync_state").fetchone()[0]
    conn.close()
    assert seqs == list(range(1, len(seqs) + 1)) and last == len(seqs) == 3 * 3 * EACH

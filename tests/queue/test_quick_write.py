"""The quick `sqlite3` writer of `desk queue issue|call` (desk/services/quick/queue_write.py)
writes the same rows as the SQLModel services (issue 19 §1): one office file copied twice, the
same morning run through each writer on the same clock, every table compared row for row (the
UUIDv7 ids, minted at random, are compared by what they point to)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.quick.context import open_quick
from desk.services.quick.queue_write import call_next, issue
from desk.sync import protocol as P
from tests.conftest import local
from tests.queue.conftest import COUNTERS, SERVICES, MovingClock, queue_settings

HEX = re.compile(r"\b[0-9a-f]{32}\b")


def _office(tmp_path: Path) -> Path:
    """An office file with a day already going: tickets issued, one served, the device's
    sync state made (both copies share it, as the same PC would)."""
    db = tmp_path / "base.sqlite3"
    ctx = DeskContext(queue_settings(db), clock=MovingClock(local(2026, 11, 23, 7, 30)))
    queue.issue(ctx, "HT", print_ticket=False)
    queue.call_next(ctx, 1)
    queue.finish(ctx, 1)
    queue.issue(ctx, "CT", "elderly", print_ticket=False)
    ctx.close()
    return db


class Regular:
    def __init__(self, ctx: DeskContext) -> None:
        self.ctx = ctx

    def issue(self, service: str, reason: str | None = None) -> Any:
        return queue.issue(self.ctx, service, reason, print_ticket=False)

    def call(self, counter: int) -> Any:
        return queue.call_next(self.ctx, counter)


class Quick:
    def __init__(self, ctx: DeskContext) -> None:
        q = open_quick(ctx, write=True)
        assert q is not None, "the office file is current: the quick path must open it"
        self.q = q

    def issue(self, service: str, reason: str | None = None) -> Any:
        return issue(self.q, service, reason)

    def call(self, counter: int) -> Any:
        return call_next(self.q, counter)


def _morning(w: Any, ctx: DeskContext, clock: MovingClock) -> list[Any]:
    """Issues and calls through writer `w`; the other acts (finish) through the services, as
    a counter's screen does between two scripted calls. What each step answered."""
    out: list[Any] = []

    def step(fn: Callable[[], Any]) -> None:
        try:
            out.append(fn())
        except DomainError as e:
            out.append(("error", e.key, e.params))
        clock.advance(seconds=37)

    for svc, reason in (("HT", None), ("HT", "elderly"), ("b", None), ("KT", None),
                        ("HT", "pregnant"), ("CU", None), ("XX", None), ("HT", "nobody")):
        step(lambda s=svc, r=reason: w.issue(s, r))
    step(lambda: w.call(1))  # the priority ones first
    step(lambda: w.call(1))  # busy: the first is still at the desk
    step(lambda: queue.finish(ctx, 1))
    step(lambda: w.call(1))
    step(lambda: w.call(2))
    step(lambda: queue.finish(ctx, 1))
    step(lambda: w.call(1))
    step(lambda: w.call(9))  # no such counter
    step(lambda: queue.pause(ctx, 3))
    step(lambda: w.call(3))  # paused
    step(lambda: queue.resume(ctx, 3))
    step(lambda: w.call(3))
    step(lambda: queue.finish(ctx, 2))
    for _ in range(4):
        step(lambda: w.call(2))
        step(lambda: queue.finish(ctx, 2))
    step(lambda: w.issue("HT"))  # a number after the calls
    return out


def _tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in insertion order, each id replaced by its first appearance's
    rank (so a ticket event still names its ticket, a print job's QR its ticket), the digest
    of an outbox row checked and left out (it covers the id)."""
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE '%fts%' ORDER BY name")]
    ids: dict[str, str] = {}

    def rank(m: re.Match[str]) -> str:
        return ids.setdefault(m.group(0), f"<id {len(ids)}>")

    out = {}
    for name in names:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
        rows = []
        for row in conn.execute(f"SELECT * FROM {name} ORDER BY rowid"):
            d = dict(zip(cols, row, strict=True))
            if name == "outbox_event":
                assert d["payload_sha256"] == P.event_digest(json.loads(d["payload"]))
                d["payload_sha256"] = "<digest>"
            rows.append(tuple(HEX.sub(rank, _text(v)) if isinstance(v, str | bytes) else v
                              for v in d.values()))
        out[name] = rows
    conn.close()
    return out


def _text(v: str | bytes) -> str:
    """A print job's bytes as text: a ticket's QR carries its link (with the ticket's id) as
    plain ASCII in the ESC/POS command."""
    return v.decode("latin-1") if isinstance(v, bytes) else v


def _run(db: Path, writer: type) -> tuple[list[Any], dict[str, list[tuple[Any, ...]]]]:
    clock = MovingClock(local(2026, 11, 23, 8, 0))
    ctx = DeskContext(queue_settings(db), clock=clock)
    ctx.engine  # noqa: B018 — opened (the hooks on) before the quick writer writes
    said = _morning(writer(ctx), ctx, clock)
    ctx.close()
    return said, _tables(db)


def test_both_writers_write_the_same_rows(tmp_path: Path) -> None:
    base = _office(tmp_path)
    for name in ("regular", "quick"):
        shutil.copy(base, tmp_path / f"{name}.sqlite3")
    said_r, rows_r = _run(tmp_path / "regular.sqlite3", Regular)
    said_q, rows_q = _run(tmp_path / "quick.sqlite3", Quick)
    answers = [a for a in said_q if a is not None]
    assert ("error", "queue.counter_busy", {"counter": 1, "label": "A003"}) in answers
    assert ("error", "queue.paused", {"counter": 3}) in answers
    assert rows_q["ticket"] != rows_r["ticket"][:2], "the morning wrote nothing"
    for table in rows_r:
        assert rows_q[table] == rows_r[table], table
    # what each answered (the views, the people ahead, the waits) is the same but the ids
    assert _plain(said_q) == _plain(said_r)


def _plain(said: list[Any]) -> str:
    return HEX.sub("<id>", re.sub(r"UUID\('[^']+'\)", "<id>", repr(said)))


def test_quick_writer_takes_no_number_twice(tmp_path: Path) -> None:
    """The number sequence is per service and local day (07:00 UTC is still the same day)."""
    db = _office(tmp_path)
    ctx = DeskContext(queue_settings(db), clock=MovingClock(local(2026, 11, 23, 23, 59)))
    q = open_quick(ctx, write=True)
    assert q is not None
    assert [issue(q, "HT").ticket.label for _ in range(3)] == ["A002", "A003", "A004"]
    ctx.clock = MovingClock(local(2026, 11, 24, 0, 1))
    assert issue(q, "HT").ticket.label == "A001"
    q.close()


@pytest.mark.parametrize("missing", [True, False])
def test_no_quick_write_on_a_file_to_create_or_migrate(tmp_path: Path, missing: bool) -> None:
    db = tmp_path / "office.sqlite3"
    if not missing:
        _office(tmp_path).rename(db)
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'older' WHERE rowid ="
                         " (SELECT min(rowid) FROM alembic_version)")
    ctx = DeskContext(queue_settings(db), clock=MovingClock(local(2026, 11, 23, 8, 0)))
    assert open_quick(ctx, write=True) is None


HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")
_ALONE = """
import json, sys
from datetime import datetime
from desk.config import Settings
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.quick.context import open_quick
from desk.services.quick.queue_write import call_next, issue
ctx = DeskContext(Settings.from_dict(json.loads(sys.argv[1])),
                  clock=fixed_clock(datetime.fromisoformat("2026-11-23T09:00+07:00")))
q = open_quick(ctx, write=True)
print(issue(q, "HT").ticket.label, call_next(q, 2).label)
print(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2:])))
"""


def test_the_quick_writer_loads_no_database_stack(tmp_path: Path) -> None:
    db = _office(tmp_path)
    settings = {"storage": {"database": str(db), "data_dir": str(tmp_path)},
                "queue": {"services": SERVICES, "counters": COUNTERS}}
    r = subprocess.run([sys.executable, "-c", _ALONE, json.dumps(settings), *HEAVY],
                       capture_output=True,
                       text=True, cwd=Path(__file__).resolve().parents[2], timeout=120,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["A002 B001", "[]"]

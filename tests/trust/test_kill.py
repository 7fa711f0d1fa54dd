"""Crash safety: the desk is killed (SIGKILL) 200 times at random moments while it takes
dossiers in and issues / calls queue numbers. Afterwards every action whose confirmation was
printed is in the database, no dossier code or ticket number was handed out twice, every
dossier has its first event, and the file passes `PRAGMA integrity_check`.

The commands are the real command line (`desk.cli.main`) in forked children of a driver that
imported the desk once (tests/trust/kill_driver.py), so 200 kills take about a minute instead
of 200 interpreter start-ups; `test_kill_the_real_process` adds a few kills of a plain
`python -m desk.cli dossier receive` process.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

KILLS = int(os.environ.get("DESK_KILLS", "200"))
MAX_DELAY = 0.5  # seconds from fork to SIGKILL, uniformly drawn


def _office(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "desk.toml"
    config.write_text('[storage]\ndatabase = "office.sqlite3"\ndata_dir = "data"\n',
                      encoding="utf-8")
    from desk.config import load_file
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo

    ctx = DeskContext(load_file(config))
    seed_demo(ctx, dossiers=False)
    ctx.close()
    return config


def _check(db: Path, rounds: list[dict[str, Any]]) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        codes = [r[0] for r in conn.execute("SELECT code FROM dossier")]
        assert len(codes) == len(set(codes))
        # every dossier committed with its first event (one transaction)
        orphans = conn.execute(
            "SELECT count(*) FROM dossier d WHERE NOT EXISTS (SELECT 1 FROM dossier_event e"
            " WHERE e.dossier_id = d.id AND e.kind = 'receive')").fetchone()[0]
        assert orphans == 0
        for office, day, last in conn.execute("SELECT office_id, day, last FROM dossier_sequence"):
            prefix = f"{office}-{day[2:4]}{day[5:7]}{day[8:10]}-"
            used = [int(c.rsplit("-", 1)[1]) for c in codes if c.startswith(prefix)]
            assert not used or max(used) <= last
        tickets = {r[0]: r[1] for r in conn.execute(
            "SELECT label, state FROM ticket WHERE leg = 1")} if _has(conn, "ticket") else {}
        labels = [r[0] for r in conn.execute("SELECT day || label FROM ticket WHERE leg = 1")] \
            if tickets else []
        assert len(labels) == len(set(labels))
    finally:
        conn.close()
    actions = [a for r in rounds for a in r["actions"]]
    confirmed = {k: [a["confirmed"] for a in actions if a["kind"] == k and a["confirmed"]]
                 for k in ("receive", "issue", "call")}
    received = [c for c in confirmed["receive"] if c.startswith("000.")]
    assert len(received) == len(set(received)), "a confirmed dossier code was handed out twice"
    missing = set(received) - set(codes)
    assert not missing, f"confirmed but not stored: {sorted(missing)[:5]}"
    issued = confirmed["issue"]
    assert len(issued) == len(set(issued)), "a confirmed ticket number was issued twice"
    assert not set(issued) - set(tickets)
    for label in confirmed["call"]:
        assert tickets.get(label) not in (None, "waiting"), label
    interrupted = sum(1 for a in actions if not a["finished"])
    return {"kills": len(rounds), "actions": len(actions), "interrupted": interrupted,
            "confirmed_receive": len(received), "confirmed_issue": len(issued),
            "confirmed_call": len(confirmed["call"]), "dossiers": len(codes),
            "confirmed_then_killed": sum(1 for a in actions
                                         if a["confirmed"] and not a["finished"])}


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name=?", (table,)).fetchone() is not None


def test_two_hundred_kills_during_intake_and_queue(tmp_path: Path) -> None:
    config = _office(tmp_path / "office")
    scratch = tmp_path / "scratch"
    shutil.copytree(tmp_path / "office", scratch)
    out = tmp_path / "kills.json"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(tmp_path)}
    env.pop("DESK_CONFIG", None)
    subprocess.run([sys.executable, str(REPO / "tests" / "trust" / "kill_driver.py"),
                    str(config), str(KILLS), str(MAX_DELAY), "20261123", str(out),
                    "1.004873,2.000815", str(scratch / "desk.toml")],
                   check=True, env=env, cwd=tmp_path, timeout=600)
    data = json.loads(out.read_text(encoding="utf-8"))
    stats = _check(tmp_path / "office" / "office.sqlite3", data["rounds"])
    stats["seconds"] = data["seconds"]
    print("kill test:", json.dumps(stats))  # shown with -s; figures for the record
    (tmp_path.parent / "kill-stats.json").write_text(json.dumps(stats), encoding="utf-8")
    assert stats["kills"] == KILLS
    assert stats["interrupted"] > 0  # kills did land inside commands
    # The desk still works after all that: one more intake through the services.
    from desk.config import load_file
    from desk.services.context import DeskContext
    from desk.services.trust import audit
    from tests.trust.conftest import take_in

    ctx = DeskContext(load_file(config))
    try:
        code = take_in(ctx, id_number=None, phone=None)["code"]
        assert code.startswith("000.00.00.H41-")
        assert audit.verify(ctx.engine).ok
    finally:
        ctx.close()


def test_kill_the_real_process(tmp_path: Path) -> None:
    """A few SIGKILLs of the real `python -m desk.cli dossier receive` process."""
    import random

    config = _office(tmp_path / "office")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(tmp_path),
           "DESK_CONFIG": str(config)}
    rnd = random.Random(7)
    printed: list[str] = []
    for i in range(4):
        p = subprocess.Popen([sys.executable, "-m", "desk.cli", "dossier", "receive",
                              "--procedure", "1.004873", "--name", f"Đỗ Văn Kiên {i}",
                              "--no-print"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=env, cwd=tmp_path)
        time.sleep(rnd.uniform(0.2, 3.0))
        p.send_signal(signal.SIGKILL)
        out, _ = p.communicate(timeout=60)
        printed += [line for line in out.decode().splitlines() if line.startswith("000.")]
    rounds = [{"actions": [{"kind": "receive", "confirmed": c, "finished": "yes"}
                           for c in printed]}]
    _check(tmp_path / "office" / "office.sqlite3", rounds)
    counts = Counter(printed)
    assert all(n == 1 for n in counts.values())

"""The district server killed (SIGKILL) in the middle of a batch, then restarted on the same
database; and two sync loops of one desk racing from two processes. Nothing lost or doubled."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from desk.district.changes import decide
from desk.services.dossier.lifecycle import act
from desk.sync.transport import Offline
from tests.sync.harness import (
    OFFICE,
    PgCluster,
    bulk_history,
    check,
    client,
    desk_ctx,
    free_port,
    intake,
    write_config,
)

REPO = Path(__file__).resolve().parents[2]


class ServerProcess:
    """`desk district serve` as a child process (so it can really be killed)."""

    def __init__(self, db_url: str, tmp: Path) -> None:
        self.db_url = db_url
        self.tmp = tmp
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, crash_at: str = "") -> ServerProcess:
        env = {**os.environ, "DESK_DISTRICT_CRASH_AT": crash_at, "HOME": str(self.tmp),
               "XDG_DATA_HOME": str(self.tmp / "xdg"), "PYTHONIOENCODING": "utf-8"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desk.cli", "district", "serve", "--db", self.db_url,
             "--port", str(self.port)], env=env, cwd=REPO, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while True:
            assert self.proc.poll() is None, "district server exited at start"
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("district server did not start")
            time.sleep(0.05)

    def wait_dead(self, timeout: float = 10) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)


@pytest.fixture(params=["sqlite", "postgres"])
def district_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Any,
                                                                                  str]]:
    """(url, engine, office token) of a migrated district database with the office added."""
    from desk.district.db import open_district
    from desk.district.offices import add_office

    if request.param == "postgres":
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.new_db(f"crash_{os.getpid()}_{time.monotonic_ns()}")
    else:
        url = f"sqlite:///{tmp_path / 'district.sqlite3'}"
    engine = open_district(url)
    token = add_office(engine, OFFICE, "UBND xã Minh Châu")
    yield url, engine, token
    engine.dispose()


@pytest.fixture
def server(district_db: tuple[str, Any, str], tmp_path: Path) -> Iterator[ServerProcess]:
    srv = ServerProcess(district_db[0], tmp_path)
    yield srv
    srv.stop()


def _server_counts(engine: Any) -> tuple[int, int]:
    from sqlalchemy import text

    with engine.connect() as c:
        total = c.execute(text("SELECT count(*) FROM event")).scalar_one()
        distinct = c.execute(text("SELECT count(DISTINCT event_id) FROM event")).scalar_one()
    return int(total), int(distinct)


@pytest.mark.parametrize("point", ["after_insert_before_commit", "after_commit_before_reply"])
def test_server_killed_mid_batch(district_db: tuple[str, Any, str], server: ServerProcess,
                                 office: Any, point: str) -> None:
    _, engine, token = district_db
    codes = intake(office, 4)
    for code in codes[:2]:
        act(office, code, "transfer")
    server.start(crash_at=point)
    c = client(office, server.url, token)
    try:
        with pytest.raises(Offline):
            c.sync_once()
        assert server.wait_dead() == -signal.SIGKILL
        stored, _ = _server_counts(engine)
        assert stored == (0 if point == "after_insert_before_commit" else 6)
        server.start()  # same database, no crash point
        rep = c.run(until_idle=True, max_seconds=30)
        decide(engine, OFFICE, codes[0], "start_processing")
        c.run(until_idle=True, max_seconds=30)
    finally:
        c.close()
    expected = "accepted" if point == "after_insert_before_commit" else "duplicate"
    assert rep.pushed == {expected: 6}
    assert _server_counts(engine) == (6, 6)
    assert check(office, engine) == {"events": 6, "changes": 1}


def test_server_killed_at_random_during_a_long_push(district_db: tuple[str, Any, str],
                                                   server: ServerProcess, office: Any) -> None:
    """SIGKILL from outside while many batches are going up; restart; resend converges."""
    _, engine, token = district_db
    n = bulk_history(office, 3, 80)
    server.start()
    c = client(office, server.url, token)
    import threading

    def killer() -> None:
        time.sleep(0.4)
        server.stop()

    t = threading.Thread(target=killer)
    t.start()
    try:
        with contextlib.suppress(Offline):
            c.sync_once()
        t.join()
        server.start()
        c.run(until_idle=True, max_seconds=60)
    finally:
        t.join()
        c.close()
    assert _server_counts(engine) == (n, n)
    assert check(office, engine)["events"] == n


_LOOP = """
import sys
import desk.sync
from desk.config import load_settings
from desk.services.context import DeskContext
from desk.sync.client import SyncClient
from desk.sync.runner import client_config
ctx = DeskContext(load_settings(sys.argv[1]))
cfg = client_config(ctx)
cfg.backoff_base, cfg.backoff_cap = 0.05, 0.3
c = SyncClient(ctx, cfg)
for _ in range(3):
    c.run(until_idle=True, max_seconds=90)
c.close()
ctx.close()
"""


def test_two_sync_processes_on_one_desk(district_db: tuple[str, Any, str],
                                        server: ServerProcess, tmp_path: Path) -> None:
    """Two sync loops on the same desk database at the same time (the push lock): every
    event exactly once on the server, every change exactly once on the desk."""
    _, engine, token = district_db
    server.start()
    ctx = desk_ctx(tmp_path)
    try:
        bulk_history(ctx, 2, 120)
        codes = intake(ctx, 3)
        for code in codes:
            act(ctx, code, "transfer")
        c = client(ctx, server.url, token)
        c.sync_once()
        c.close()
        for code in codes:
            decide(engine, OFFICE, code, "start_processing")
        more = intake(ctx, 5, name="Lê Thị")
        act(ctx, more[0], "transfer")
        cfg = write_config(tmp_path, server.url, token)
        env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg"),
               "PYTHONIOENCODING": "utf-8", "DESK_NOW": "2026-11-23 09:00"}
        ctx.close()
        procs = [subprocess.Popen([sys.executable, "-c", _LOOP, str(cfg)], env=env, cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        for p in procs:
            _, err = p.communicate(timeout=120)
            assert p.returncode == 0, err
        out = check(ctx, engine)
        assert out["changes"] == 3
        assert _server_counts(engine)[0] == _server_counts(engine)[1] == out["events"]
    finally:
        ctx.close()

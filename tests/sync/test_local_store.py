"""Scenario 16: the office's own SQLite file refuses a write during a sync — another process
holds the write lock past the busy timeout, or the disk is full (SQLite's own page limit,
`PRAGMA max_page_count`, makes the file "full" without root or a tiny filesystem). The sync
reports it, nothing is lost or half-applied, and the next cycle succeeds."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from sqlalchemy import event

import desk.sync.client as client_mod
from desk.district.changes import decide
from desk.services.dossier.lifecycle import act
from desk.sync.client import LocalStoreError
from desk.sync.status import sync_status
from tests.sync.harness import OFFICE, check, client, intake

HOLD = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
c.execute("ROLLBACK")
"""


def _synced_with_decisions(office: Any, district: Any, note: str = "") -> tuple[Any, list[str]]:
    codes = intake(office, 3)
    for code in codes:
        act(office, code, "transfer")
    c = client(office, district.url, district.token)
    c.sync_once()
    for code in codes:
        decide(district.engine, OFFICE, code, "start_processing",
               extra={"note": note} if note else None)
    return c, codes


def test_database_locked_by_another_process_during_pull(district: Any, office: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.engine

    monkeypatch.setattr(storage.engine, "BUSY_TIMEOUT_MS", 300)
    office.close()  # connections made from now on wait 0.3 s for a lock, not 10 s
    c, _ = _synced_with_decisions(office, district)
    holder: list[subprocess.Popen[str]] = []

    def lock_at(name: str) -> None:
        if name == "pull_after_fetch" and not holder:  # the page is in hand: now lock
            p = subprocess.Popen([sys.executable, "-c", HOLD,
                                  str(office.settings.database_path)],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            assert p.stdout is not None and p.stdout.readline().strip() == "locked"
            holder.append(p)

    monkeypatch.setattr(client_mod, "crash_point", lock_at)
    try:
        with pytest.raises(LocalStoreError, match="busy"):
            c.sync_once()
        cursor_before = sync_status(office)["cursor"]
    finally:
        for p in holder:
            p.communicate("\n", timeout=10)
    assert sync_status(office)["cursor"] == cursor_before  # nothing half-applied
    assert c.sync_once().pulled == 3
    check(office, district.engine)
    c.close()


def test_disk_full_during_pull(district: Any, office: Any) -> None:
    c, _ = _synced_with_decisions(office, district, note="Ghi chú rất dài của huyện. " * 4000)
    cursor = sync_status(office)["cursor"]
    office.close()
    engine = office.engine

    def full(dbapi_conn: Any, _record: Any) -> None:
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")  # not one page more

    event.listen(engine, "connect", full)
    engine.dispose()  # the connection opening the store made has no limit
    with pytest.raises(LocalStoreError, match="disk_full"):
        c.sync_once()
    assert sync_status(office)["cursor"] == cursor  # the page was rolled back whole
    event.remove(engine, "connect", full)
    office.close()  # space freed
    assert c.sync_once().pulled == 3
    check(office, district.engine)
    c.close()


def test_one_sync_at_a_time_per_database(tmp_path: Any) -> None:
    """The push lock (flock on POSIX, msvcrt.locking on Windows) refuses a second holder and
    is free again afterwards."""
    from desk.sync.client import SyncBusy, push_lock

    db = tmp_path / "desk.sqlite3"
    with push_lock(db), pytest.raises(SyncBusy), push_lock(db):
        pass
    with push_lock(db):
        pass

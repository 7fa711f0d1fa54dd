"""storage.quick.immediate, the quick writers' transaction (queue issue/call, a dossier's
view entry): a failure says its own cause and leaves the connection usable for the next
write (the printed ticket's job after its number)."""

from __future__ import annotations

import sqlite3

import pytest

from storage.quick import immediate


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES"
                 " parent (id) DEFERRABLE INITIALLY DEFERRED)")
    return conn


def test_a_failed_commit_is_rolled_back_and_the_next_write_goes_in() -> None:
    conn = _conn()
    with pytest.raises(sqlite3.IntegrityError), immediate(conn):
        conn.execute("INSERT INTO child VALUES (1, 99)")  # checked at COMMIT
    assert not conn.in_transaction
    with immediate(conn):
        conn.execute("INSERT INTO parent VALUES (1)")
    assert conn.execute("SELECT count(*) FROM child").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM parent").fetchone()[0] == 1


def test_a_rollback_by_sqlite_itself_keeps_the_real_cause() -> None:
    conn = _conn()
    conn.execute("CREATE TRIGGER no_parent BEFORE INSERT ON parent"
                 " BEGIN SELECT RAISE(ROLLBACK, 'parent refused'); END")
    with pytest.raises(sqlite3.IntegrityError, match="parent refused"), immediate(conn):
        conn.execute("INSERT INTO parent VALUES (1)")
    assert not conn.in_transaction

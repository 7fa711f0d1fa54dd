"""Read-only answers through the standard `sqlite3` module, for the TUI's first paint and the
read-only CLI commands that administrators script in loops.

Importing SQLAlchemy costs more than the whole first paint of the login screen, and three
times a `desk --help`; the few rows these need are read here instead. Anything unexpected —
no file yet, a schema this release would first migrate, a locked file — answers None, and the
caller falls back to the regular services.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from storage.schema_heads import HEADS


def read_rows(database: Path, sql: str,
              params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]] | None:
    if not database.is_file():
        return None
    try:
        conn = sqlite3.connect(database.resolve().as_uri() + "?mode=ro", uri=True, timeout=0.5)
    except sqlite3.Error:
        return None
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def open_current(database: Path, *, write: bool = False) -> sqlite3.Connection | None:
    """A connection to an office file already at this release's schema (the same check as
    `desk.services.store.open_store`: its Alembic heads), or None. Read-only unless `write`;
    a writer gets the store's pragmas and emits its own BEGIN IMMEDIATE."""
    if not database.is_file():
        return None
    mode = "rw" if write else "ro"
    try:
        conn = sqlite3.connect(database.resolve().as_uri() + f"?mode={mode}", uri=True,
                               timeout=10.0, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        heads = frozenset(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
        if heads != HEADS:
            conn.close()
            return None
        if write:
            conn.execute("PRAGMA synchronous=FULL")  # as storage.engine: power cuts are common
            conn.execute("PRAGMA foreign_keys=ON")
        return conn
    except sqlite3.Error:
        conn.close()
        return None


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction holding the write lock from its start (storage.engine's
    write_session): committed on normal exit, rolled back on an exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")  # a failed COMMIT (a deferred constraint) is rolled back too
    except BaseException:
        if conn.in_transaction:  # SQLite may have rolled back itself (RAISE(ROLLBACK), I/O)
            conn.execute("ROLLBACK")
        raise


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Several reads seeing one state of the file (storage.engine's read_session)."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")  # nothing written: it only ends the read


def utc(value: str | None) -> datetime | None:
    """An instant as `storage.tables.common.UTCDateTime` stores it (naive UTC text) → aware."""
    if value is None:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def db_time(dt: datetime) -> str:
    """An aware instant the way UTCDateTime stores it (naive UTC, ISO with a space)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def db_value(value: Any) -> Any:
    """A value the way the ORM's column types store it in SQLite."""
    if isinstance(value, uuid.UUID):
        return value.hex  # sqlmodel's GUID: CHAR(32)
    if isinstance(value, datetime):
        return db_time(value)  # UTCDateTime: naive UTC text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict):
        return json.dumps(value)  # SQLAlchemy's JSON type: json.dumps, default options
    return value


def insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    """INSERT one row (its columns named by `row`'s keys); the new rowid."""
    cols = ", ".join(row)
    marks = ", ".join("?" * len(row))
    cur = conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                       tuple(db_value(v) for v in row.values()))
    return int(cur.lastrowid or 0)

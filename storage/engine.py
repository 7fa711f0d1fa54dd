"""The SQLite engine: pragmas for power cuts and several processes, explicit transactions.

Several processes (two counters and the waiting-room display) share one file, so every
connection runs WAL with synchronous=FULL, foreign keys and a busy timeout, and transactions are
begun by us (pysqlite's implicit BEGIN is switched off) so that a write which takes a sequence
number can use BEGIN IMMEDIATE and never deadlock on a lock upgrade.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

BUSY_TIMEOUT_MS = 10_000


def make_engine(path: Path | str, *, echo: bool = False) -> Engine:
    """An engine on the SQLite file at `path` (created with its folder if missing)."""
    path = Path(path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # a new data folder: owner only
    if not path.exists() and os.name != "nt":  # citizens' data: readable by the office only
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    engine = create_engine(
        f"sqlite:///{path}",
        echo=echo,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # power cuts are common: every commit hits the disk
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def sqlite_of(dbapi_conn: object) -> sqlite3.Connection:
    """The sqlite3 connection under a pooled one (SQLAlchemy types it as a generic DBAPI
    connection; the desk's store is always the standard library's sqlite3)."""
    if not isinstance(dbapi_conn, sqlite3.Connection):
        raise TypeError(f"not a sqlite3 connection: {type(dbapi_conn).__name__}")
    return dbapi_conn


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session whose transaction holds the write lock from its first statement.

    Commits on normal exit, rolls back on an exception.
    """
    with Session(engine.execution_options(sqlite_immediate=True), expire_on_commit=False) as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise

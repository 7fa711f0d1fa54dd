"""Read-only answers through the standard `sqlite3` module, for the TUI's first paint.

Importing SQLAlchemy costs more than the whole first paint of the login screen; the few rows
it needs (the clerks to choose from) are read here instead. Anything unexpected — no file
yet, a schema this release would first migrate, a locked file — answers None, and the caller
falls back to the regular services in a worker.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


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

"""A connection of its own that tells when another connection committed to the SQLite file.

`PRAGMA data_version` changes only when another connection commits, so polling it every
fraction of a second costs nothing; the waiting-room feeds read through the same connection,
with a short timeout: a busy database raises sqlite3.OperationalError and the caller keeps
showing its last state.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


class CommitWatch:
    def __init__(self, path: Path | str, *, timeout: float = 0.25) -> None:
        self.path = Path(path)
        self._conn = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False,
                                     isolation_level=None)
        self._version: int | None = None

    def changed(self) -> bool:
        """True when another connection committed since the last call (and on the first)."""
        v = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        seen, self._version = self._version, v
        return seen != v

    def reset(self) -> None:
        """Report a change on the next call (after an error: read everything again)."""
        self._version = None

    def close(self) -> None:
        self._conn.close()

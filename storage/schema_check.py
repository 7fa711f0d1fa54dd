"""The schema a desk database may hold: exactly what the migrations create (issue 15).

A crafted backup once planted triggers that copied citizens' IDs into a new table, and
`db check` said OK. Here the objects of a file (tables, indexes, triggers, views) are compared
with those of a fresh database migrated to the same revision: anything more is refused by
restore and reported by `db check` / `audit verify`, and the audit trail's append-only
triggers must be there.
"""

from __future__ import annotations

import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

from storage import migrate
from storage.engine import make_engine

APPEND_ONLY = ("audit_log_no_update", "audit_log_no_delete")


def objects(conn: sqlite3.Connection) -> frozenset[tuple[str, str]]:
    """(type, name) of every schema object but SQLite's own."""
    return frozenset((str(t), str(n)) for t, n in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


@lru_cache(maxsize=8)
def expected(revisions: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """The objects the migrations create up to `revisions` (a fresh file, migrated)."""
    with tempfile.TemporaryDirectory() as d:
        engine = make_engine(Path(d) / "fresh.sqlite3")
        try:
            for rev in revisions or ("heads",):
                migrate.upgrade(engine, rev)
        finally:
            engine.dispose()
        conn = sqlite3.connect(Path(d) / "fresh.sqlite3")
        try:
            return objects(conn)
        finally:
            conn.close()


def revisions_of(conn: sqlite3.Connection) -> tuple[str, ...]:
    try:
        return tuple(sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version")))
    except sqlite3.DatabaseError:
        return ()


def problems(conn: sqlite3.Connection) -> list[str]:
    """What is wrong with the schema of `conn`'s database ([] when it is the migrations')."""
    revs = revisions_of(conn)
    if not revs or not all(migrate.is_known(r) for r in revs):
        return []  # not ours, or newer: the callers say so themselves
    have, want = objects(conn), expected(revs)
    out = [f"unknown {t} {n}" for t, n in sorted(have - want)]
    audit_triggers = {n for t, n in want if t == "trigger" and n in APPEND_ONLY}
    out += [f"missing trigger {n}" for n in sorted(audit_triggers - {n for _, n in have})]
    return out


def file_problems(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return problems(conn)
    finally:
        conn.close()

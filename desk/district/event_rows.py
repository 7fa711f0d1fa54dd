"""The `event` rows of one pushed batch: who may write them, which are known, how they are stored.

The results are computed before the rows are written, and go in with them (issue 19 §2): there
is no `UPDATE event SET result` after the insert. For that, a batch must know which of its ids
are already stored *before* it inserts, and no other push of the same office may store them in
between — so a push holds a transaction-level advisory lock on its office (PostgreSQL; SQLite's
BEGIN IMMEDIATE already serialises every write). An office's pushes come one after the other
anyway; only a resend while the first copy is still being ingested waits, and then answers
`duplicate`.

On PostgreSQL the rows are written with COPY into a temporary table and one
`INSERT … SELECT … ON CONFLICT (event_id) DO NOTHING RETURNING` (measured in one run against
the cached multi-row INSERT: client CPU 14.7 → 3.1 ms and wall 43.6 → 19.4 ms a 200-event
batch, docs/performance.md). SQLite (the demo) keeps the multi-row INSERT.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, any_, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import ColumnElement

from desk.district.tables import Event, utcnow
from storage.tables.common import table_of

EVENTS = table_of(Event)
# the columns COPY writes, in its order (every column of `event`)
COLS = ("event_id", "office_id", "device", "epoch", "seq", "hlc", "type", "entity_id", "at",
        "base_version", "schema_v", "payload", "payload_sha256", "received_at", "result")
# Session-level, emptied at every commit (and gone with a rollback): created once per
# connection, so the statement is a catalog look-up afterwards — also behind PgBouncer's
# transaction pooling, where the next transaction may run on another server connection.
STAGING = ("CREATE TEMP TABLE IF NOT EXISTS event_in (LIKE event INCLUDING DEFAULTS) "
           "ON COMMIT DELETE ROWS")
MOVE = (f"INSERT INTO event ({', '.join(COLS)}) SELECT {', '.join(COLS)} FROM event_in "
        "ON CONFLICT (event_id) DO NOTHING RETURNING event_id")
LOCK_SPACE = 19_2  # first key of the office lock (issue 19 §2): apart from any other lock

Known = dict[str, tuple[str, str, str]]  # event_id → (office_id, payload_sha256, result)


def among(column: Any, values: list[str], postgres: bool) -> ColumnElement[bool]:
    """`column IN values`. On PostgreSQL `= ANY(:array)`: one parameter, so the statement text
    is the same for every batch (psycopg converts an IN of 200 placeholders anew each time)."""
    out: ColumnElement[bool] = (
        column == any_(bindparam("among", values, type_=postgresql.ARRAY(String))) if postgres
        else column.in_(values))
    return out


def lock_office(s: Any, office_id: str, postgres: bool) -> None:
    """Hold this office's pushes until the commit: the known ids stay known (PostgreSQL)."""
    if postgres:
        s.execute(select(func.pg_advisory_xact_lock(LOCK_SPACE, func.hashtext(office_id))))


def known(s: Any, ids: Iterable[str], postgres: bool) -> Known:
    """The batch's ids already stored (by any office): one query."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = s.connection().execute(
        select(EVENTS.c.event_id, EVENTS.c.office_id, EVENTS.c.payload_sha256, EVENTS.c.result)
        .where(among(EVENTS.c.event_id, wanted, postgres))).all()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def store(s: Any, rows: list[dict[str, Any]], postgres: bool) -> set[str]:
    """Write the rows (results included); the ids really written."""
    if not rows:
        return set()
    if postgres:
        return _copy(s, rows)
    # executemany of one cached statement: SQLAlchemy's "insertmanyvalues" renders the
    # multi-row VALUES from a statement compiled once
    stmt = sqlite.insert(EVENTS).on_conflict_do_nothing(
        index_elements=["event_id"]).returning(EVENTS.c.event_id)
    return set(s.connection().execute(stmt, rows).scalars())


def _utc(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(tzinfo=None)  # UTCDateTime's column: naive UTC


def _copy(s: Any, rows: list[dict[str, Any]]) -> set[str]:
    received = _utc(utcnow())  # the row's arrival, as the column's default gives it
    pg = s.connection().connection.driver_connection
    with pg.cursor() as cur:
        cur.execute(STAGING)
        with cur.copy(f"COPY event_in ({', '.join(COLS)}) FROM STDIN") as cp:
            for r in rows:
                cp.write_row((r["event_id"], r["office_id"], r["device"], r["epoch"], r["seq"],
                              r["hlc"], r["type"], r["entity_id"], _utc(r["at"]),
                              r["base_version"], r["schema_v"], json.dumps(r["payload"]),
                              r["payload_sha256"], received, r["result"]))
        cur.execute(MOVE)
        return {row[0] for row in cur.fetchall()}

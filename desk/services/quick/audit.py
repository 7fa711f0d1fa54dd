"""The audit entry of a citizen's record being shown, appended through `sqlite3` as
desk.services.trust.audit.write does: the row and its hash come from trust/audit_chain.py, so
`desk audit verify` checks it (tests/cli/test_quick_cli.py runs it after a quick `dossier
show`)."""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import datetime

from desk.services.trust.actor import Actor
from desk.services.trust.audit_chain import VIEW, chain_hash, entry_row, next_link
from storage.quick import db_time, immediate


def append(conn: sqlite3.Connection, actor: Actor, action: str, *, at: datetime,
           target_type: str, target_id: str, citizen_id: str | None) -> None:
    """One entry in its own short write transaction (BEGIN IMMEDIATE, as audit.log); the row
    and its hash are `audit_chain`'s, as for every other writer."""
    with immediate(conn):
        write(conn, actor, action, at=at, target_type=target_type, target_id=target_id,
              citizen_id=citizen_id)


def write(conn: sqlite3.Connection, actor: Actor, action: str, *, at: datetime,
          target_type: str, target_id: str, citizen_id: str | None) -> None:
    """One entry inside the caller's write transaction (as audit.write)."""
    seq, prev = next_link(conn.execute(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone())
    row = entry_row(seq, at, actor, action, target_type=target_type, target_id=target_id,
                    citizen_id=citizen_id, detail=None)
    conn.execute(
        "INSERT INTO audit_log (seq, at, action, actor_id, actor_name, actor_role, counter,"
        " target_type, target_id, citizen_id, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, db_time(row["at"]), action, row["actor_id"], row["actor_name"],
         row["actor_role"], row["counter"], row["target_type"], row["target_id"],
         row["citizen_id"], json.dumps(row["detail"]), prev, chain_hash(prev, row)))


def log_view(conn: sqlite3.Connection, actor: Actor, *, at: datetime, target_type: str,
             target_id: str, citizen_id: str | None) -> None:
    """As desk.services.trust.audit.log_view: never fails the read it records."""
    if citizen_id is None:
        return
    try:
        append(conn, actor, VIEW, at=at, target_type=target_type, target_id=target_id,
               citizen_id=citizen_id)
    except sqlite3.Error:
        logging.getLogger("desk.audit").exception("audit entry for a view not written")

"""The audit entry of a citizen's record being shown, appended through `sqlite3` exactly as
desk.services.trust.audit.write does (same row, same hash chain: `desk audit verify` checks it;
tests/perf/test_quick_cli.py runs it after a quick `dossier show`)."""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from datetime import UTC, datetime
from typing import Any

from desk.services.trust.actor import Actor
from storage.quick import db_time, immediate

GENESIS = "0" * 64
_HASHED = ("seq", "at", "action", "actor_id", "actor_name", "actor_role", "counter",
           "target_type", "target_id", "citizen_id", "detail")


def _canonical(row: dict[str, Any]) -> str:
    data = {k: row.get(k) for k in _HASHED}
    data["at"] = row["at"].astimezone(UTC).replace(tzinfo=None).isoformat(
        timespec="microseconds")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def append(conn: sqlite3.Connection, actor: Actor, action: str, *, at: datetime,
           target_type: str, target_id: str, citizen_id: str | None) -> None:
    """One entry in its own short write transaction (BEGIN IMMEDIATE, as audit.log)."""
    with immediate(conn):
        last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
        row: dict[str, Any] = {
            "seq": seq, "at": at, "action": action,
            "actor_id": "" if actor.id is None else actor.id.hex, "actor_name": actor.name,
            "actor_role": actor.role, "counter": actor.counter, "target_type": target_type,
            "target_id": target_id, "citizen_id": citizen_id or None, "detail": {},
        }
        digest = hashlib.sha256(f"{prev}\n{_canonical(row)}".encode()).hexdigest()
        conn.execute(
            "INSERT INTO audit_log (seq, at, action, actor_id, actor_name, actor_role, counter,"
            " target_type, target_id, citizen_id, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, db_time(at), action, row["actor_id"], actor.name, actor.role, actor.counter,
             target_type, target_id, row["citizen_id"], json.dumps({}), prev, digest))


def log_view(conn: sqlite3.Connection, actor: Actor, *, at: datetime, target_type: str,
             target_id: str, citizen_id: str | None) -> None:
    """As desk.services.trust.audit.log_view: never fails the read it records."""
    if citizen_id is None:
        return
    try:
        append(conn, actor, "view", at=at, target_type=target_type, target_id=target_id,
               citizen_id=citizen_id)
    except sqlite3.Error:
        logging.getLogger("desk.audit").exception("audit entry for a view not written")

"""What the district sends down: decisions on dossiers, read by cursor without ever skipping.

The cursor is opaque to the desk: base64 of "1:<txid>:<id>". On PostgreSQL only rows whose
writing transaction is older than every running one are served
(`txid < pg_snapshot_xmin(pg_current_snapshot())`), ordered by (txid, id); a transaction that
commits later cannot add a row below a cursor already handed out.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlmodel import Session, select
from uuid6 import uuid7

from desk.district.catalog_delta import shape
from desk.district.db import is_postgres, read, write
from desk.district.rules import transition
from desk.district.shapes import DecisionOut
from desk.district.tables import ChangeLog, DossierState, utcnow
from desk.domain.errors import DomainError
from desk.sync.protocol import epoch_s

INT64 = 2**63 - 1


def new_change_id() -> str:
    return uuid7().hex


def append_change(s: Session, office_id: str, kind: str, entity_id: str,
                  payload: dict[str, Any], change_id: str | None = None) -> str:
    change_id = change_id or new_change_id()
    pg = s.get_bind().dialect.name == "postgresql"
    txid: Any = text("(pg_current_xact_id()::text)::bigint") if pg else 0
    s.execute(insert(ChangeLog).values(
        txid=txid, office_id=office_id, change_id=change_id, kind=kind, entity_id=entity_id,
        payload=payload, created_at=utcnow()))
    return change_id


def decide(engine: Engine, office_id: str, code: str, action: str, *, actor: str = "",
           reason: str = "", at: datetime | None = None,
           extra: dict[str, Any] | None = None) -> DecisionOut:
    """A district decision on a dossier (start_processing, result_ready, refuse, …)."""
    at = at or utcnow()
    with write(engine) as s:
        st = s.exec(select(DossierState).where(
            DossierState.office_id == office_id, DossierState.code == code).with_for_update()
        ).first()
        if st is None:
            raise DomainError("dossier.not_found", code=code)
        prev = st.last_event
        change_id = new_change_id()
        transition(st, action, change_id)  # DomainError if illegal
        payload: dict[str, Any] = dict(extra or {})
        if reason:
            payload["reason"] = reason
        s.add(st)
        append_change(s, office_id, "decision", code, {
            "a": action, "at": epoch_s(at), "by": actor, "prev": prev, "v": st.version,
            "p": payload}, change_id)
        return {"change_id": change_id, "code": code, "status": st.status, "version": st.version}


def encode_cursor(txid: int, row_id: int) -> str:
    return base64.urlsafe_b64encode(f"1:{txid}:{row_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[int, int]:
    if not cursor:
        return (-1, 0)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        v, txid, row_id = raw.split(":")
        if v != "1" or len(raw) > 64:
            raise ValueError(v)
        t, r = int(txid), int(row_id)
        if not (-1 <= t <= INT64 and 0 <= r <= INT64):  # a number no BIGINT holds: bad input
            raise ValueError("out of range")
        return t, r
    except (ValueError, UnicodeDecodeError):
        raise ValueError("bad cursor") from None


def changes_since(engine: Engine, office_id: str, cursor: str, limit: int,
                  catalog: int | None = None, catalog_snapshot: bool = False
                  ) -> dict[str, Any]:
    """The office's changes after `cursor`, with what was published to every office ("*":
    catalog versions, calendar exceptions) in the same order. `catalog`: the desk's catalog
    version (None: an older desk, which gets full snapshots) — see catalog_delta.py."""
    txid, row_id = decode_cursor(cursor)
    horizon = ("AND txid < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint"
               if is_postgres(engine) else "")
    sql = text(f"""
        SELECT id, txid, change_id, kind, entity_id, payload FROM change_log
        WHERE office_id IN (:office, '*') AND (txid > :txid OR (txid = :txid AND id > :row_id))
        {horizon}
        ORDER BY txid, id LIMIT :n""")
    with read(engine) as s:
        rows = s.execute(sql, {"office": office_id, "txid": txid, "row_id": row_id,
                               "n": limit + 1}).all()
        more = len(rows) > limit
        rows = rows[:limit]
        changes = [{"id": r.change_id, "k": r.kind, "e": r.entity_id,
                    "p": r.payload if isinstance(r.payload, dict) else json.loads(r.payload)}
                   for r in rows]
        if catalog is not None:
            shape(s, changes, catalog, catalog_snapshot, horizon)
    nxt = encode_cursor(rows[-1].txid, rows[-1].id) if rows else cursor
    return {"changes": changes, "next_cursor": nxt, "has_more": more}


def state_of(engine: Engine, office_id: str) -> dict[str, str]:
    """code → status of one office's dossiers (what the checker compares)."""
    with read(engine) as s:
        return {st.code: st.status for st in s.exec(
            select(DossierState).where(DossierState.office_id == office_id))}


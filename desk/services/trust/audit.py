"""The audit trail: append one entry cheaply, list entries, verify the hash chain.

Writing
    `write(session, actor, action, …)` adds one row inside the caller's write transaction (a
    `write_session`, i.e. BEGIN IMMEDIATE): one indexed SELECT of the last row and one INSERT.
    The entry then commits or rolls back with the change it describes. Outside a transaction use
    `log(ctx, actor, action, …)`, which opens its own short write transaction.

    Never call `write` from a `read_session`: a deferred read transaction that starts writing
    can fail with "database is locked" when another counter committed meanwhile. The `seq`
    primary key makes a racing second writer fail loudly instead of forking the chain.

Personal data in entries
    `detail` holds what changed. For a citizen's own fields pass them through
    `personal_diff`, which keeps the field names and masked values only, so that the audit
    trail (kept for years, append-only) does not become a second copy of the personal data
    that a retention purge must reach.

Verifying
    `verify(engine)` walks the chain in `seq` order and returns the first broken row: a gap in
    `seq` (a deleted row), a `prev_hash` that is not the previous row's hash (a row deleted or
    inserted), or a `hash` that does not match the row's content (an edited row). Rows removed
    from the end of the trail are caught by the anchor a backup records (see
    `desk/services/trust/backup.py`, `verify(…, anchor=…)`).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import text

from desk.domain.masking import mask_value
from desk.services.clock import system_clock
from desk.services.trust import audit_chain
from desk.services.trust.actor import Actor
from desk.services.trust.audit_chain import GENESIS, chain_hash, entry_row, id_text, next_link
from desk.services.trust.shapes import AuditEntryOut, VerdictOut
from storage.engine import write_session
from storage.tables.audit import AuditEntry

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from desk.services.context import DeskContext

# What an entry says happened: named once in audit_chain (the quick sqlite3 writers too).
VIEW = audit_chain.VIEW
CHANGE = audit_chain.CHANGE
LOGIN = audit_chain.LOGIN
LOGIN_FAILED = audit_chain.LOGIN_FAILED
LOGOUT = audit_chain.LOGOUT
EXPORT = audit_chain.EXPORT
PRINT = audit_chain.PRINT
BACKUP = audit_chain.BACKUP
RESTORE = audit_chain.RESTORE
DENIED = audit_chain.DENIED
PURGE = audit_chain.PURGE
VERIFY = audit_chain.VERIFY
ACTIONS = audit_chain.ACTIONS


def write(session: Session, actor: Actor, action: str, *, target_type: str = "",
          target_id: Any = "", citizen_id: Any = None, detail: dict[str, Any] | None = None,
          at: datetime | None = None) -> Any:
    """Append one entry inside the caller's write transaction; returns the row."""
    last = session.execute(
        text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    seq, prev = next_link(tuple(last) if last else None)
    row = entry_row(seq, at or system_clock(), actor, action,  # callers pass ctx.now()
                    target_type=target_type, target_id=target_id, citizen_id=citizen_id,
                    detail=detail)
    entry = AuditEntry(**row, prev_hash=prev, hash=chain_hash(prev, row))
    session.add(entry)
    session.flush()
    return entry


def log(ctx: DeskContext, actor: Actor, action: str, **kw: Any) -> Any:
    """Append one entry in its own short write transaction (the clock is the context's)."""
    kw.setdefault("at", ctx.now())
    with write_session(ctx.engine) as s:
        return write(s, actor, action, **kw)


def log_view(ctx: DeskContext, actor: Actor, *, citizen_id: Any, target_type: str,
             target_id: Any, fields: tuple[str, ...] = ()) -> None:
    """Record that `actor` was shown a citizen's record. Never fails the read it records: a
    database too busy for the entry is logged, and the screen still shows the dossier."""
    if citizen_id is None:
        return
    try:
        log(ctx, actor, VIEW, target_type=target_type, target_id=target_id,
            citizen_id=citizen_id, detail={"fields": list(fields)} if fields else None)
    except Exception:  # the view itself must not break; the log says why the entry is missing
        logging.getLogger("desk.audit").exception("audit entry for a view not written")


def log_login(ctx: DeskContext, name: str, *, ok: bool, actor: Actor | None = None,
              reason: str = "") -> None:
    """A login (ok) or a refused login attempt (wrong PIN, locked, unknown name)."""
    who = actor or Actor(id=None, name=name, role="unknown")
    log(ctx, who, LOGIN if ok else LOGIN_FAILED, target_type="clerk",
        target_id=who.id or name, detail={"reason": reason} if reason else None)


PERSONAL_FIELDS = ("full_name", "name", "id_number", "phone", "address", "email", "birth_date")


def personal_diff(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, Any]:
    """{"changed": {field: {"before": masked, "after": masked}}} for the fields that differ;
    personal fields are masked (desk.domain.masking), others kept as they are."""
    before = before or {}
    changed: dict[str, Any] = {}
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        if b == a:
            continue
        if key in PERSONAL_FIELDS:
            b, a = mask_value(key, b), mask_value(key, a)
        changed[key] = {"before": b, "after": a}
    return {"changed": changed}


# --- reading ----------------------------------------------------------------------------------

def _row_dict(r: Any) -> dict[str, Any]:
    m = r._mapping if hasattr(r, "_mapping") else r
    detail = m["detail"]
    if isinstance(detail, str):
        detail = json.loads(detail)
    at = m["at"]
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if isinstance(at, datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return {"seq": m["seq"], "at": at, "action": m["action"], "actor_id": m["actor_id"],
            "actor_name": m["actor_name"], "actor_role": m["actor_role"],
            "counter": m["counter"], "target_type": m["target_type"],
            "target_id": m["target_id"], "citizen_id": m["citizen_id"], "detail": detail,
            "prev_hash": m["prev_hash"], "hash": m["hash"]}


def _iter_rows(engine: Engine, batch: int = 2000) -> Iterator[dict[str, Any]]:
    after = 0
    with engine.connect() as conn:
        while True:
            rows = conn.execute(text(
                "SELECT seq, at, action, actor_id, actor_name, actor_role, counter, target_type,"
                " target_id, citizen_id, detail, prev_hash, hash FROM audit_log WHERE seq > :a"
                " ORDER BY seq LIMIT :n"), {"a": after, "n": batch}).all()
            if not rows:
                return
            for r in rows:
                yield _row_dict(r)
            after = int(rows[-1][0])


@dataclass(frozen=True)
class Verdict:
    ok: bool
    checked: int
    last_seq: int
    last_hash: str
    broken_seq: int | None = None
    problem: str = ""  # gap | prev_hash | hash | anchor

    def as_dict(self) -> VerdictOut:
        return {"ok": self.ok, "checked": self.checked, "last_seq": self.last_seq,
                "last_hash": self.last_hash, "broken_seq": self.broken_seq,
                "problem": self.problem}


def verify(engine: Engine, *, anchor: tuple[int, str] | None = None) -> Verdict:
    """Walk the chain; the first broken row, if any. `anchor` = (seq, hash) recorded earlier
    (e.g. in a backup's manifest): the trail must still reach it with the same hash."""
    expected_seq, prev, checked = 1, GENESIS, 0
    anchor_seen = anchor is None or anchor[0] == 0
    for row in _iter_rows(engine):
        seq = row["seq"]
        if seq != expected_seq:
            return Verdict(False, checked, expected_seq - 1, prev, seq, "gap")
        if row["prev_hash"] != prev:
            return Verdict(False, checked, seq - 1, prev, seq, "prev_hash")
        if chain_hash(prev, row) != row["hash"]:
            return Verdict(False, checked, seq - 1, prev, seq, "hash")
        if anchor is not None and seq == anchor[0]:
            if row["hash"] != anchor[1]:
                return Verdict(False, checked, seq - 1, prev, seq, "anchor")
            anchor_seen = True
        prev, expected_seq, checked = row["hash"], seq + 1, checked + 1
    if not anchor_seen:
        assert anchor is not None
        return Verdict(False, checked, expected_seq - 1, prev, expected_seq, "anchor")
    return Verdict(True, checked, expected_seq - 1, prev)


def head(engine: Engine) -> tuple[int, str]:
    """(last seq, last hash) — (0, GENESIS) for an empty trail; what a backup records."""
    with engine.connect() as conn:
        r = conn.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    return (int(r[0]), str(r[1])) if r else (0, GENESIS)


def entries(ctx: DeskContext, *, citizen: str | None = None, clerk: str | None = None,
            action: str | None = None, limit: int = 200) -> list[AuditEntryOut]:
    """Newest first. `citizen`: the citizen's id (hex or UUID) or their personal ID number;
    `clerk`: the clerk's name as recorded."""
    conds: list[str] = []
    params: dict[str, str | int] = {"n": max(1, min(limit, 10_000))}
    if citizen:
        conds.append("citizen_id = :c")
        params["c"] = _citizen_key(ctx, citizen)
    if clerk:
        conds.append("actor_name = :k")
        params["k"] = " ".join(clerk.split())
    if action:
        conds.append("action = :a")
        params["a"] = action
    where = f"WHERE {' AND '.join(conds)}" if conds else ""
    with ctx.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT seq, at, action, actor_id, actor_name, actor_role, counter, target_type,"
            f" target_id, citizen_id, detail, prev_hash, hash FROM audit_log {where}"
            " ORDER BY seq DESC LIMIT :n"), params).all()
    return [_entry_out(_row_dict(r), ctx) for r in rows]


def _entry_out(d: dict[str, Any], ctx: DeskContext) -> AuditEntryOut:
    return {"seq": d["seq"], "at": d["at"].astimezone(ctx.tz).isoformat(timespec="seconds"),
            "action": d["action"], "actor_id": d["actor_id"], "actor_name": d["actor_name"],
            "actor_role": d["actor_role"], "counter": d["counter"],
            "target_type": d["target_type"], "target_id": d["target_id"],
            "citizen_id": d["citizen_id"], "detail": d["detail"], "prev_hash": d["prev_hash"],
            "hash": d["hash"]}


def _citizen_key(ctx: DeskContext, citizen: str) -> str:
    """The hex id of a citizen given by id (hex / UUID) or by personal ID number."""
    raw = "".join(citizen.split())
    if raw.isdigit() and len(raw) in (9, 12):
        with ctx.engine.connect() as conn:
            found = conn.execute(text("SELECT id FROM citizen WHERE id_number = :n"),
                                 {"n": raw}).scalar()
        if found is not None:
            return id_text(found if not isinstance(found, str) else found.replace("-", ""))
    try:
        return uuid.UUID(raw).hex
    except ValueError:
        return raw

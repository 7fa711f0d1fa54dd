"""`desk dossier show|list|search` read through `sqlite3`: the dicts of
desk.services.dossier.views (dossier_view, summary) and desk.services.dossier.search, key for
key."""

from __future__ import annotations

import json
import re
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from desk.domain.codes import extract_dossier_code
from desk.domain.errors import DomainError
from desk.domain.states import DossierStatus, allowed_actions
from desk.domain.text import fold
from desk.services.dossier.fact_fold import attachments_of, fee_status, steps_view
from desk.services.quick.audit import log_view
from desk.services.quick.context import QuickContext
from desk.services.trust.actor import SYSTEM
from storage.quick import db_time, utc

_COLS = ("id", "code", "status", "applicant_name", "procedure_code", "field_code", "citizen_id",
         "channel", "sets", "notes", "time_limit_value", "time_limit_unit", "received_at",
         "due_at", "extended_due_at", "paused_since", "result_at", "returned_at",
         "return_method")
_SELECT = "SELECT " + ", ".join(_COLS) + " FROM dossier"
_TIMES = ("received_at", "due_at", "extended_due_at", "paused_since", "result_at",
          "returned_at")
_CLOSED = ("RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")


def _dossier(row: tuple[Any, ...]) -> SimpleNamespace:
    d = dict(zip(_COLS, row, strict=True))
    for k in _TIMES:
        d[k] = utc(d[k])
    return SimpleNamespace(**d)


def summary(q: QuickContext, d: SimpleNamespace) -> dict[str, Any]:
    return {"code": d.code, "status": d.status, "applicant": d.applicant_name,
            "procedure": d.procedure_code, "field": d.field_code,
            "received_at": q.iso(d.received_at), "due_at": q.iso(d.due_at),
            "extended_due_at": q.iso(d.extended_due_at)}


def _events(q: QuickContext, dossier_id: str) -> list[SimpleNamespace]:
    rows = q.rows("SELECT kind, at, recorded_at, clerk_name, backdated, payload FROM "
                  "dossier_event WHERE dossier_id = ? ORDER BY recorded_at, id", (dossier_id,))
    return [SimpleNamespace(kind=k, at=utc(a), recorded_at=utc(r), clerk_name=c,
                            backdated=bool(b), payload=json.loads(p))
            for k, a, r, c, b, p in rows]


def dossier_view(q: QuickContext, d: SimpleNamespace) -> dict[str, Any]:
    proc_row = q.rows("SELECT name, fee_amount, fee_note FROM procedure WHERE code = ?",
                      (d.procedure_code,))
    proc = (SimpleNamespace(name=proc_row[0][0], fee_amount=proc_row[0][1],
                            fee_note=proc_row[0][2]) if proc_row else None)
    citizen = (q.rows("SELECT id_number, phone, address FROM citizen WHERE id = ?",
                      (d.citizen_id,)) or [None])[0] if d.citizen_id else None
    effective_due = d.extended_due_at or d.due_at
    paused = d.paused_since is not None
    deadline = None
    if d.status not in _CLOSED and not paused:
        deadline = q.calendar.deadline_state(q.now(), effective_due)
    result_class = None
    if d.result_at is not None:
        result_class = q.calendar.classify(d.result_at, d.due_at)
    view: dict[str, Any] = {
        "code": d.code,
        "status": d.status,
        "procedure": {"code": d.procedure_code, "name": proc.name if proc else "",
                      "field": d.field_code},
        "applicant": {"name": d.applicant_name,
                      "id_number": citizen[0] if citizen else None,
                      "phone": citizen[1] if citizen else None,
                      "address": citizen[2] if citizen else ""},
        "channel": d.channel,
        "sets": d.sets,
        "notes": d.notes,
        "time_limit": {"value": d.time_limit_value, "unit": d.time_limit_unit},
        "received_at": q.iso(d.received_at),
        "due_at": q.iso(d.due_at),
        "extended_due_at": q.iso(d.extended_due_at),
        "paused_since": q.iso(d.paused_since),
        "deadline_state": "paused" if paused else deadline,
        "result_at": q.iso(d.result_at),
        "result_class": result_class,
        "apologised": d.extended_due_at is not None,
        "returned_at": q.iso(d.returned_at),
        "return_method": d.return_method,
        "actions": [a.value for a in allowed_actions(DossierStatus(d.status))],
    }
    events = _events(q, d.id)
    tz = q.ctx.tz
    fee = fee_status(events, proc, d.sets)  # type: ignore[arg-type]
    fee["at"] = q.iso(fee["at"])
    files = attachments_of(events, tz)
    view.update({"fee": fee, "attachments": files,
                 "digitised": any(f["kind"] == "document" for f in files),
                 "result_digitised": any(f["kind"] == "result" for f in files),
                 "steps": steps_view(events, tz)})
    view["timeline"] = [{"kind": e.kind, "at": q.iso(e.at), "recorded_at": q.iso(e.recorded_at),
                         "clerk": e.clerk_name, "backdated": e.backdated, "payload": e.payload}
                        for e in events]
    return view


def show(q: QuickContext, code: str) -> dict[str, Any]:
    """desk.services.dossier.views.show for the command line (SYSTEM): the view, and its
    audit entry."""
    q.conn.execute("BEGIN")  # one snapshot for the reads, as a read_session
    try:
        rows = q.rows(_SELECT + " WHERE code = ?", (code.strip().upper(),))
        if not rows:
            raise DomainError("dossier.not_found", code=code)
        d = _dossier(rows[0])
        view = dossier_view(q, d)
    finally:
        q.conn.execute("COMMIT")
    log_view(q.conn, SYSTEM, at=q.now(), target_type="dossier", target_id=view["code"],
             citizen_id=d.citizen_id)
    return view


def list_dossiers(q: QuickContext, *, status: str | None = None,
                  due_before: datetime | None = None, limit: int = 50,
                  offset: int = 0) -> list[dict[str, Any]]:
    where, params = "", []  # type: ignore[var-annotated]
    if status:
        where, params = " WHERE status = ?", [status.upper()]
    if due_before is not None:
        where += (" AND" if where else " WHERE") + " due_at < ?"
        params.append(db_time(due_before))
        order = "due_at"
    else:
        order = "received_at DESC"
    rows = q.rows(f"{_SELECT}{where} ORDER BY {order} LIMIT ? OFFSET ?",
                  (*params, limit, offset))
    return [summary(q, _dossier(r)) for r in rows]


# --- search: desk.services.dossier.search.search without status/field/scope (the CLI has none) ---

_TOKEN = re.compile(r"[0-9a-z]+")
_DAY_SEQ = re.compile(r"(\d{6})-(\d{1,4})")
_SEQ = re.compile(r"\d{1,4}")


def _fts_query(query: str) -> str | None:
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens[:8])


def _code_candidates(q: QuickContext, query: str) -> list[str]:
    office = q.ctx.settings.office.id
    text = query.strip().upper()
    full = extract_dossier_code(text)
    if full:
        prefix, rest = full.split("-", 1)
        out = [full]
        if prefix != office and office.endswith("." + prefix):
            out.append(f"{office}-{rest}")
        return out
    m = _DAY_SEQ.fullmatch(text)
    if m and int(m.group(2)):
        return [f"{office}-{m.group(1)}-{int(m.group(2)):04d}"]
    if _SEQ.fullmatch(text) and int(text):
        return [f"{office}-{q.ctx.local_now():%y%m%d}-{int(text):04d}"]
    return []


def search(q: QuickContext, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    codes = _code_candidates(q, query) if query.strip() else []
    if codes:
        rows = _search(q, query, codes, limit)
        if rows or extract_dossier_code(query.upper()):
            return rows
    return _search(q, query, [], limit)


def _search(q: QuickContext, query: str, codes: list[str], limit: int) -> list[dict[str, Any]]:
    match = None if codes else _fts_query(query)
    if query.strip() and not codes and not match:
        return []
    params: list[Any] = []
    source, where, order = "dossier d", "", "d.rowid DESC"
    if codes:
        where = f" WHERE d.code IN ({', '.join('?' * len(codes))})"
        params = list(codes)
    elif match:
        source = "dossier_fts f JOIN dossier d ON d.rowid = f.rowid"
        where, params, order = " WHERE dossier_fts MATCH ?", [match], "f.rowid DESC"
    cols = ", ".join(f"d.{c}" for c in _COLS)
    rows = q.rows(f"SELECT {cols} FROM {source}{where} ORDER BY {order} LIMIT ? OFFSET 0",
                  (*params, max(1, min(limit, 200))))
    return [summary(q, _dossier(r)) for r in rows]



"""`desk dossier show|list|search` read through `sqlite3`: the dicts of
desk.services.dossier.views (dossier_view, summary) and desk.services.dossier.search, key for
key."""

from __future__ import annotations

import json
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from desk.domain.errors import DomainError
from desk.services.dossier import search_terms, view_model
from desk.services.dossier.shapes import DossierSummary, DossierView
from desk.services.quick.audit import log_view
from desk.services.quick.context import QuickContext
from desk.services.trust.actor import SYSTEM
from storage.quick import db_time, snapshot, utc

_COLS = ("id", "code", "status", "applicant_name", "procedure_code", "field_code", "citizen_id",
         "channel", "sets", "notes", "time_limit_value", "time_limit_unit", "received_at",
         "due_at", "extended_due_at", "paused_since", "result_at", "returned_at",
         "return_method")
_SELECT = "SELECT " + ", ".join(_COLS) + " FROM dossier"
_TIMES = ("received_at", "due_at", "extended_due_at", "paused_since", "result_at",
          "returned_at")


def _dossier(row: tuple[Any, ...]) -> SimpleNamespace:
    d = dict(zip(_COLS, row, strict=True))
    for k in _TIMES:
        d[k] = utc(d[k])
    return SimpleNamespace(**d)


def summary(q: QuickContext, d: SimpleNamespace) -> DossierSummary:
    return view_model.summary(d, q.iso)


def _events(q: QuickContext, dossier_id: str) -> list[SimpleNamespace]:
    rows = q.rows("SELECT kind, at, recorded_at, clerk_name, backdated, payload FROM "
                  "dossier_event WHERE dossier_id = ? ORDER BY recorded_at, id", (dossier_id,))
    return [SimpleNamespace(kind=k, at=utc(a), recorded_at=utc(r), clerk_name=c,
                            backdated=bool(b), payload=json.loads(p))
            for k, a, r, c, b, p in rows]


def dossier_view(q: QuickContext, d: SimpleNamespace) -> DossierView:
    proc_row = q.rows("SELECT name, fee_amount, fee_note FROM procedure WHERE code = ?",
                      (d.procedure_code,))
    proc = (SimpleNamespace(name=proc_row[0][0], fee_amount=proc_row[0][1],
                            fee_note=proc_row[0][2]) if proc_row else None)
    found = q.rows("SELECT id_number, phone, address FROM citizen WHERE id = ?",
                   (d.citizen_id,)) if d.citizen_id else []
    row = found[0] if found else None
    citizen = SimpleNamespace(id_number=row[0], phone=row[1], address=row[2]) if row else None
    return view_model.build_view(d, proc, citizen, _events(q, d.id), calendar=q.calendar,
                                 now=q.now(), iso=q.iso, tz=q.ctx.tz)


def show(q: QuickContext, code: str) -> DossierView:
    """desk.services.dossier.views.show for the command line (SYSTEM): the view, and its
    audit entry."""
    with snapshot(q.conn):
        rows = q.rows(_SELECT + " WHERE code = ?", (code.strip().upper(),))
        if not rows:
            raise DomainError("dossier.not_found", code=code)
        d = _dossier(rows[0])
        view = dossier_view(q, d)
    log_view(q.conn, SYSTEM, at=q.now(), target_type="dossier", target_id=view["code"],
             citizen_id=d.citizen_id)
    return view


def list_dossiers(q: QuickContext, *, status: str | None = None,
                  due_before: datetime | None = None, limit: int = 50,
                  offset: int = 0) -> list[DossierSummary]:
    where = ""
    params: list[Any] = []
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

def search(q: QuickContext, query: str, *, limit: int = 20) -> list[DossierSummary]:
    codes = (search_terms.code_candidates(q.ctx.settings.office.id, q.ctx.local_now(), query)
             if query.strip() else [])
    return search_terms.codes_then_words(query, codes, lambda c: _search(q, query, c, limit))


def _search(q: QuickContext, query: str, codes: list[str],
            limit: int) -> list[DossierSummary]:
    match = None if codes else search_terms.fts_query(query)
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



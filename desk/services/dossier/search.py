"""Find a dossier from one search box: code, name (with or without diacritics), personal ID
or phone. Results come a page at a time, newest first, from an FTS5 index (migration 0004),
so a million dossiers answer as fast as a thousand."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlmodel import col, select

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier import search_terms
from desk.services.dossier.shapes import DossierSummary
from desk.services.dossier.views import summary
from storage.engine import read_session
from storage.tables import Dossier

PAGE = 20
OPEN = ("RECEIVED", "TRANSFERRED", "PROCESSING", "RESULT_READY")


def code_candidates(ctx: DeskContext, query: str) -> list[str]:
    """search_terms.code_candidates for this office, today."""
    return search_terms.code_candidates(ctx.settings.office.id, ctx.local_now(), query)


def find_code(ctx: DeskContext, query: str) -> str | None:
    """The code of the dossier a (short) code names, if there is one."""
    rows = search(ctx, query, limit=1) if code_candidates(ctx, query) else []
    return rows[0]["code"] if rows else None


def search(ctx: DeskContext, query: str = "", *, status: str | None = None,
           field: str | None = None, scope: str | None = None, limit: int = PAGE,
           offset: int = 0) -> list[DossierSummary]:
    """A page of dossiers for the search box. A code, short or full, finds its dossier;
    short forms that name none (`0003` may be the start of a phone number) are searched
    as words too."""
    codes = code_candidates(ctx, query) if query.strip() else []
    return search_terms.codes_then_words(
        query, codes, lambda c: _search(ctx, query, c, status, field, scope, limit, offset))


def _search(ctx: DeskContext, query: str, codes: list[str], status: str | None,
            field: str | None, scope: str | None, limit: int,
            offset: int) -> list[DossierSummary]:
    where: list[str] = []
    params: dict[str, Any] = {"limit": max(1, min(limit, 200)), "offset": max(0, offset)}
    match = None if codes else search_terms.fts_query(query)
    if query.strip() and not codes and not match:
        return []  # only punctuation typed
    source = "dossier d"
    order = "d.rowid DESC"
    if codes:
        names = [f":code{i}" for i in range(len(codes))]
        where.append(f"d.code IN ({', '.join(names)})")
        params.update({f"code{i}": c for i, c in enumerate(codes)})
    elif match:
        # Walk the index newest first and stop at the page: fast however common the words are.
        source = "dossier_fts f JOIN dossier d ON d.rowid = f.rowid"
        where.append("dossier_fts MATCH :match")
        params["match"] = match
        order = "f.rowid DESC"
    if status:
        where.append("d.status = :status")
        params["status"] = status.upper()
    if field:
        where.append("d.field_code = :field")
        params["field"] = field
    if scope:
        where.append(_scope_clause(ctx, scope, params))
        if scope in ("due_soon", "overdue") and not match:
            order = "d.due_at"
            if not codes:  # ANALYZE spreads the dossiers evenly over the statuses, so
                # the planner would read every dossier ever received to find the few open
                source = "dossier d INDEXED BY ix_dossier_status_due"
    sql = f"SELECT d.id FROM {source}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order} LIMIT :limit OFFSET :offset"
    with read_session(ctx.engine) as s:
        ids = [uuid.UUID(str(r[0])) for r in s.execute(text(sql), params)]
        if not ids:
            return []
        rows = {d.id: d for d in s.exec(select(Dossier).where(col(Dossier.id).in_(ids)))}
        return [summary(rows[i], ctx) for i in ids if i in rows]


def _scope_clause(ctx: DeskContext, scope: str, params: dict[str, Any]) -> str:
    now = ctx.now()
    local = ctx.local_now()
    open_ = "d.status IN ('RECEIVED','TRANSFERRED','PROCESSING','RESULT_READY')"
    due = "coalesce(d.extended_due_at, d.due_at)"
    if scope == "today":
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        params["day_start"] = _db_time(start)
        params["day_end"] = _db_time(start + timedelta(days=1))
        return "d.received_at >= :day_start AND d.received_at < :day_end"
    if scope == "overdue":
        params["now"] = _db_time(now)
        return f"{open_} AND {due} < :now"
    if scope == "due_soon":
        params["now"] = _db_time(now)
        horizon = ctx.calendar.add_working_time(now, ctx.calendar.hours.hours_per_day)
        params["horizon"] = _db_time(horizon)
        return f"{open_} AND {due} >= :now AND {due} <= :horizon"
    raise DomainError("search.bad_scope", scope=scope)


def _db_time(dt: datetime) -> str:
    """The way UTCDateTime stores instants in SQLite (naive UTC, ISO with a space)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

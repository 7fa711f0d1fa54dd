"""`desk deadlines` read through `sqlite3`: desk.services.deadlines.watch' counts, watch list and
summary sentence, the same SQL written out (one indexed query each)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desk.domain.errors import DomainError
from desk.services.deadlines import watch_rows
from desk.services.deadlines.shapes import WatchRow
from desk.services.quick.context import QuickContext
from storage.quick import db_time, utc

WATCH = "('RECEIVED', 'TRANSFERRED', 'PROCESSING')"
SORTS = ("due", "field", "agency")
_EFF = "coalesce(d.extended_due_at, d.due_at)"


def _window(q: QuickContext) -> tuple[datetime, datetime, datetime, datetime]:
    w = watch_rows.window(q.calendar, q.now())
    return w.now, w.tomorrow, w.soon, w.limit


def _base(limit: datetime) -> tuple[str, list[str]]:
    return (f"d.status IN {WATCH} AND d.due_at <= ? AND d.paused_since IS NULL",
            [db_time(limit)])


def counts(q: QuickContext) -> dict[str, int]:
    w = _window(q)
    now, tomorrow, soon = (db_time(x) for x in w[:3])
    base, params = _base(w[3])
    sql = (f"SELECT coalesce(sum(CASE WHEN {_EFF} >= ? AND {_EFF} < ? THEN 1 ELSE 0 END), 0),"
           f" coalesce(sum(CASE WHEN {_EFF} >= ? AND {_EFF} <= ? THEN 1 ELSE 0 END), 0),"
           f" coalesce(sum(CASE WHEN {_EFF} < ? THEN 1 ELSE 0 END), 0),"
           f" coalesce(sum(CASE WHEN {_EFF} < ? AND d.extended_due_at IS NULL THEN 1 ELSE 0"
           f" END), 0) FROM dossier d WHERE {base}")
    row = q.rows(sql, (now, tomorrow, tomorrow, soon, now, now, *params))[0]
    return dict(zip(("due_today", "due_soon", "overdue", "overdue_no_letter"),
                    (int(v) for v in row), strict=True))


def watch_list(q: QuickContext, sort: str = "due", *, limit: int = 200) -> list[WatchRow]:
    if sort not in SORTS:
        raise DomainError("deadline.bad_sort", sort=sort, sorts=", ".join(SORTS))
    w = _window(q)
    base, params = _base(w[3])
    order = {"due": "", "field": "d.field_code, ",
             "agency": "d.handling_agency = '', d.handling_agency, "}[sort]
    sql = (f"SELECT d.code, d.applicant_name, d.procedure_code, p.name, d.field_code, f.name,"
           f" d.handling_agency, d.status, d.received_at, d.due_at, d.extended_due_at, {_EFF}"
           f" FROM dossier d LEFT OUTER JOIN procedure p ON p.code = d.procedure_code"
           f" LEFT OUTER JOIN field f ON f.code = d.field_code"
           f" WHERE {base} AND {_EFF} <= ? ORDER BY {order}{_EFF}, d.code LIMIT ? OFFSET 0")
    rows = q.rows(sql, (*params, db_time(w[3]), max(1, min(limit, 1000))))
    return [_row(q, w[0], r) for r in rows]


def _row(q: QuickContext, now: datetime, r: tuple[Any, ...]) -> WatchRow:
    instants = tuple(utc(v) for v in r[8:])  # received, due, extended, effective
    return watch_rows.watch_row(q.calendar, q.ctx.tz, now, (*r[:8], *instants))


def at_risk_summary(c: dict[str, int]) -> str:
    """desk.services.deadlines.watch.at_risk_summary, on the counts' dict."""
    return watch_rows.at_risk_sentence(c)

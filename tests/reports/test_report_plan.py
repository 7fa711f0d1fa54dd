"""The period report reads the fees paid in its period by the event index (issue 20): the
Decision 766 "online fees" indicator walked every event the office ever recorded (4.5 ms
of a month's 12 ms at 20,000 dossiers, growing with the years)."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from sqlalchemy import event

from desk.services.context import DeskContext
from desk.services.reports.period import period_report


def test_a_months_fees_are_found_by_the_index(demo_ctx: DeskContext) -> None:
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, sql: str, params: Any, *args: Any) -> None:
        if "FROM dossier_event" in sql and "dossier_event.kind = ?" in sql:
            seen.append((sql, params))

    event.listen(demo_ctx.engine, "before_cursor_execute", keep)
    try:
        period_report(demo_ctx, date(2026, 10, 1), date(2026, 10, 31))
    finally:
        event.remove(demo_ctx.engine, "before_cursor_execute", keep)
    database = demo_ctx.engine.url.database
    assert database and seen
    with sqlite3.connect(database) as con:
        for sql, params in seen:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, params)]
            assert not any(step.startswith("SCAN dossier_event") for step in plan), (sql, plan)
    con.close()

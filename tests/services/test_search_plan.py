"""The overdue and due-soon filters read the open dossiers only (issue 20): an office keeps
every dossier it ever returned, and ANALYZE counts the statuses as if evenly spread, so the
planner read all of them for the first page (2.5 ms at 20,000 dossiers, growing with the
years; 0.02 ms through the status index)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import event

from desk.services.context import DeskContext
from desk.services.dossier.search import search
from tests.screens.conftest import intake


def _plan_on_a_big_office(ctx: DeskContext, scope: str) -> list[str]:
    seen: list[tuple[str, Any]] = []

    def keep(conn: Any, cursor: Any, sql: str, params: Any, *args: Any) -> None:
        if sql.startswith("SELECT d.id"):
            seen.append((sql, params))

    event.listen(ctx.engine, "before_cursor_execute", keep)
    try:
        search(ctx, "", scope=scope)
    finally:
        event.remove(ctx.engine, "before_cursor_execute", keep)
    database = ctx.engine.url.database
    assert database and seen
    with sqlite3.connect(database) as con:  # what ANALYZE says of an office of 20,000
        con.execute("ANALYZE")
        con.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'dossier'")
        con.execute("INSERT INTO sqlite_stat1 VALUES ('dossier', 'ix_dossier_status_due', "
                    "'20000 5000 1'), ('dossier', 'ix_dossier_received', '20000 1')")
    con.close()
    with sqlite3.connect(database) as fresh:  # the statistics are read when a store opens
        sql, params = seen[0]
        plan = [row[3] for row in fresh.execute("EXPLAIN QUERY PLAN " + sql, params)]
    fresh.close()
    return plan


@pytest.mark.parametrize("scope", ["overdue", "due_soon"])
def test_deadline_filters_walk_the_open_dossiers_only(demo_ctx: DeskContext,
                                                      scope: str) -> None:
    intake(demo_ctx)
    plan = _plan_on_a_big_office(demo_ctx, scope)
    assert not any(step.startswith("SCAN d") for step in plan), plan
    assert any("ix_dossier_status_due" in step for step in plan), plan

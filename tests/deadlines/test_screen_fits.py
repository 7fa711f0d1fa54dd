"""The deadlines list on a clerk's 80×24 terminal: every column's header on screen, nothing
off to the right; at 120 columns the names are still there to read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.widgets import DataTable

from desk.i18n import set_language, t
from desk.services.context import DeskContext
from desk.services.demo_dossiers import seed_demo_dossiers
from screens.deadlines import DeadlinesScreen, late_label
from tests.deadlines.conftest import SUPERVISOR
from tests.tui import workers_done


class _App(App[None]):
    def __init__(self, ctx: DeskContext, actor: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.actor = actor

    def on_mount(self) -> None:
        self.push_screen(DeadlinesScreen())


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_column_header_is_on_screen(office: Callable[..., DeskContext],
                                                size: tuple[int, int], lang: str) -> None:
    set_language(lang)
    ctx = office(2026, 11, 23, 9, 0)
    seed_demo_dossiers(ctx)
    app = _App(ctx, SUPERVISOR)
    async with app.run_test(size=size) as pilot:
        for _ in range(3):
            await workers_done(app)
            await pilot.pause()
        table = app.screen.query_one("#dl-table", DataTable)
        assert table.row_count
        assert table.max_scroll_x == 0  # no horizontal scroll: nothing hides to the right
        header = table.render_line(0).text
        keys = [str(k.value) for k in table.columns]
        for c in keys:
            assert t(f"deadlines.col.{c}") in header, (c, header)
        needed = {"state", "due", "code", "applicant", "letter"}  # what a clerk acts on
        if size[0] >= 120:
            needed |= {"procedure", "field"}
        assert needed <= set(keys), keys
        row = dict(zip(keys, (str(cell) for cell in table.get_row_at(0)), strict=True))
        assert row["code"].endswith("-0001") and row["applicant"] and row["letter"]
        assert row["state"].lower() == late_label(4.2).lower()  # how late, in the state

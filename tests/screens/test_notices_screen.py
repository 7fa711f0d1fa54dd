"""The notices screen: the states, and a failed notice sent again by a key."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.notify import notices
from screens.notices import NoticesScreen
from storage.engine import write_session
from storage.tables.notice import Notice
from tests.screens.conftest import settle


async def test_failed_notice_is_shown_and_resent_by_key(app: DeskApp,
                                                       demo_ctx: DeskContext) -> None:
    n = notices.send(demo_ctx, "0912345678", "Hồ sơ đã có kết quả", channel="http")
    with write_session(demo_ctx.engine) as s:
        row = s.get(Notice, __import__("uuid").UUID(n["id"]))
        row.status, row.last_error = "failed", "gateway refused: HTTP 400"
        s.add(row)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        app.action_goto("notices")  # the mode; its key is the key plan's to give
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NoticesScreen)
        table = screen.query_one("#notices", DataTable)
        assert table.row_count == 1
        assert "Lỗi 1" in str(screen.query_one("#notices-counts", Static).render())
        await pilot.press("r")
        await settle(pilot)
    assert notices.list_notices(demo_ctx)[0]["status"] == "waiting"


async def test_title_and_counts_line_up_with_the_table(app: DeskApp) -> None:
    """The title and the counts started in the screen's first column, one left of the table's
    text and of every other screen's title ("Tin nhắn báo công dân" flush against the edge)."""
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f11")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NoticesScreen)
        for widget_id in ("#notices-title", "#notices-counts"):
            assert screen.query_one(widget_id, Static).content_region.x == 1, widget_id

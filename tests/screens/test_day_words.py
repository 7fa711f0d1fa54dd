"""Issue 14 (the new clerk's day in tmux): what the sync and notices screens showed raw — an
ISO instant ("2026-12-04T09:30:00+07:00") for each waiting event, and the channel's code
("file") — now reads as everywhere else: "09:30 23/11/2026", "Tệp chờ gửi"."""

from __future__ import annotations

from textual.widgets import DataTable

from desk.app import DeskApp
from desk.services.context import DeskContext
from tests.screens.conftest import intake, settle, wait_until


def _cells(table: DataTable) -> list[str]:  # type: ignore[type-arg]
    return [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]


async def test_sync_times_and_notice_channels_read_as_words(app: DeskApp,
                                                           demo_ctx: DeskContext) -> None:
    intake(demo_ctx)  # an event waiting for the district, a notice for the file channel
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await wait_until(pilot, lambda: app.screen.query_one("#sync-waiting",
                                                              DataTable).row_count > 0)
        cells = _cells(app.screen.query_one("#sync-waiting", DataTable))
        assert "09:00 23/11/2026" in cells, cells
        assert not [c for c in cells if "T09:" in c or "+07:00" in c]
        await pilot.press("f11")
        await wait_until(pilot, lambda: app.screen.query_one("#notices", DataTable).row_count)
        cells = _cells(app.screen.query_one("#notices", DataTable))
        assert "Tệp chờ gửi" in cells and "file" not in cells, cells

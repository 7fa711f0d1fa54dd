"""The timeline's details are never cut off and a long name never pushes a column off the
screen, at 120×40, 80×24 and 60×20 (issue 14 §2)."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual.widgets import DataTable

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from screens.dossier import DossierScreen
from screens.search import SearchScreen
from tests.screens.conftest import intake, settle, wait_until

LONG_NAME = "Nguyễn Thị Hoàng Phương Thảo Nguyên Khánh Linh Bảo Ngọc"
LONG_REASON = ("Thiếu bản sao giấy khai sinh có chứng thực, thiếu xác nhận tình trạng hôn nhân "
               "của Ủy ban nhân dân xã nơi cư trú trước đây, và ảnh chân dung 4x6 chụp gần đây")


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_timeline_details_wrap_inside_the_screen(app: DeskApp, demo_ctx: DeskContext,
                                                       size: tuple[int, int]) -> None:
    code = intake(demo_ctx, LONG_NAME)["code"]
    act(demo_ctx, code, "request_supplement", reason=LONG_REASON, documents=["Ảnh 4x6"])
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: getattr(app.screen, "view", None) is not None)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        table = screen.query_one("#timeline", DataTable)
        await pilot.pause()
        assert table.max_scroll_x == 0  # nothing off to the right
        details = table.get_row_at(table.row_count - 1)[3]
        assert isinstance(details, Text) and LONG_REASON in details.plain  # all of it …
        row = table.ordered_rows[table.row_count - 1]
        assert row.height > 1  # … on several lines


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_name_keeps_the_search_columns_on_screen(
        app: DeskApp, demo_ctx: DeskContext, size: tuple[int, int]) -> None:
    intake(demo_ctx, LONG_NAME)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen)
                         and bool(app.screen.rows))
        table = app.screen.query_one("#results", DataTable)
        await pilot.pause()
        assert table.max_scroll_x == 0
        cells = table.get_row_at(0)
        assert str(cells[-1]).strip()  # the last column (the due date) is there

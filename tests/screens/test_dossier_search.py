"""The dossier screen's actions, search as you type, the scanner, literal markup."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable, Input

from desk.app import DeskApp
from desk.i18n import set_language
from desk.services.context import DeskContext
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from screens.dossier import DossierScreen
from screens.scanner import ScanBuffer
from screens.search import PAGE_SIZE, SearchScreen
from screens.widgets.action_form import ActionForm
from tests.screens.conftest import intake, settle, wait_until


async def test_return_of_result_by_keys(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    for action in ("transfer", "start_processing", "result_ready"):
        act(demo_ctx, code, action)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        assert screen.check_action("act", ("return_result",)) is True
        assert screen.check_action("act", ("transfer",)) is False  # not shown now
        table = screen.query_one("#timeline", DataTable)
        assert table.row_count == 4
        await pilot.press("c")  # not allowed: nothing opens
        assert app.screen is screen
        await pilot.press("t")
        await pilot.press("y")  # the fee is unpaid: returned anyway, after the warning
        assert isinstance(app.screen, ActionForm)
        assert app.screen.query_one("#f-receiver", Input).value == "Nguyễn Văn Hiệp"
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is screen
        assert screen.view is not None and screen.view["status"] == "RETURNED"
        assert table.row_count == 5 and screen.view["actions"] == []
    last = show(demo_ctx, code)["timeline"][-1]
    assert last["clerk"] == "Nguyễn Thị Lan" and last["payload"]["receiver"] == "Nguyễn Văn Hiệp"


async def test_an_action_error_is_explained_and_the_form_kept(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await settle(pilot)
        await pilot.press("f")  # refuse, with no reason
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, ActionForm)  # again, to type the reason
        assert show(demo_ctx, code)["status"] == "RECEIVED"
        await pilot.press(*"Khong du dieu kien", "enter")
        await settle(pilot)
        assert show(demo_ctx, code)["status"] == "REFUSED"


async def test_search_as_you_type(app: DeskApp, demo_ctx: DeskContext) -> None:
    intake(demo_ctx)
    intake(demo_ctx, "Trần Thị Mai", id_number="001190000001", phone="0987000111")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        table = screen.query_one("#results", DataTable)
        assert table.row_count == 2  # empty box: the newest first
        before = screen.searches
        await pilot.press(*"nguyen van hiep")
        await wait_until(pilot, lambda: len(screen.rows) == 1)
        assert screen.searches - before <= 3  # debounced, not one search per key
        assert [r["applicant"] for r in screen.rows] == ["Nguyễn Văn Hiệp"]
        await pilot.press(*["backspace"] * 15)
        await wait_until(pilot, lambda: len(screen.rows) == 2)
        await pilot.press(*"0912")
        await wait_until(pilot, lambda: len(screen.rows) == 1)
        assert [r["applicant"] for r in screen.rows] == ["Nguyễn Văn Hiệp"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen)
        await pilot.press("escape")
        assert app.screen is screen


async def test_search_pages_and_filters(app: DeskApp, demo_ctx: DeskContext) -> None:
    for i in range(PAGE_SIZE + 3):
        intake(demo_ctx, f"Lê Văn {chr(65 + i)}", id_number=None, phone=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#results", DataTable)
        assert table.row_count == PAGE_SIZE and screen.has_next
        await pilot.press("pagedown")
        await settle(pilot)
        assert table.row_count == 3 and screen.page == 1
        await pilot.press("pageup")
        await settle(pilot)
        assert screen.page == 0
        await pilot.press("ctrl+l")  # received today
        await settle(pilot)
        assert screen.scope == "today" and table.row_count == PAGE_SIZE
        await pilot.press("ctrl+l", "ctrl+l")  # overdue: none yet
        await settle(pilot)
        assert screen.scope == "overdue" and table.row_count == 0
        await pilot.press("ctrl+l", "ctrl+r", "ctrl+r")  # all; status TRANSFERRED
        await settle(pilot)
        assert screen.status == "TRANSFERRED" and table.row_count == 0
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert screen.field is not None


def test_scan_buffer_tells_a_scanner_from_a_person() -> None:
    code = "000.00.00.H41-261123-0001"
    buf = ScanBuffer()
    for i, ch in enumerate(code):
        buf.feed(ch, 10 + i * 0.005)
    assert buf.enter(10 + len(code) * 0.005) == code
    for i, ch in enumerate(code):  # typed by hand
        buf.feed(ch, 20 + i * 0.2)
    assert buf.enter(20 + len(code) * 0.2) is None
    for i, ch in enumerate("nguyen van hiep"):  # fast, but not a code
        buf.feed(ch, 30 + i * 0.005)
    assert buf.enter(30.1) is None


async def test_a_scanned_code_opens_the_dossier_from_any_screen(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        intake_screen = app.screen
        await pilot.press(*"xac")  # the clerk had typed something
        await pilot.pause()
        t0 = 1000.0
        for i, ch in enumerate([*code, "enter"]):
            key = "enter" if ch == "enter" else ch
            event = events.Key(key, "\r" if ch == "enter" else ch)
            event.time = t0 + i * 0.004
            app.post_message(event)
        await settle(pilot)
        assert isinstance(app.screen, DossierScreen) and app.screen.code == code
        await pilot.press("escape")
        assert app.screen is intake_screen
        assert intake_screen.query_one("#procedure", Input).value == "xac"


async def test_markup_in_a_name_is_shown_literally(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx, "[bold]Lê\x1b[2J Thị Hoa[/bold]", id_number=None)["code"]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert "[bold]Lê[2J Thị Hoa[/bold]" in _screen_text(app)
        app.open_dossier(code)
        await settle(pilot)
        assert "[bold]Lê[2J Thị Hoa[/bold]" in _screen_text(app)


async def test_search_and_dossier_in_english_at_80x24(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    set_language("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        text = _screen_text(app)
        assert "Applicant" in text and "Received" in text
        app.open_dossier(code)
        await settle(pilot)
        assert "Nguyễn Văn Hiệp" in _screen_text(app)
        # at 80 columns the footer keeps the global keys; the dossier's own keys are in F1
        await pilot.press("f1")
        await settle(pilot)
        assert "Transfer" in _screen_text(app)


def _screen_text(app: DeskApp) -> str:
    """What the terminal shows, as text (the screenshot's SVG without its tags)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")

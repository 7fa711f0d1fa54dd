"""Intake by keys: a returning citizen in a handful of keys, Form 02, drafts, Telex."""

from __future__ import annotations

import json

from textual.widgets import Input, Static

from desk.app import DeskApp
from desk.i18n import set_language
from desk.services.context import DeskContext
from desk.services.dossier.search import search
from desk.services.dossier.views import show
from screens.intake import IntakeScreen
from screens.widgets.confirm import Confirm
from tests.screens.conftest import intake, settle, wait_until

# The typed text of the common intake; every other key is counted.
PROCEDURE_TEXT = "xac nhan hon"
LOOKUP_TEXT = "0912345678"
KEYS = ["f2", *PROCEDURE_TEXT, "enter", "a", "enter", *LOOKUP_TEXT, "enter", "f8"]
EXTRA_KEYS = len(KEYS) - len(PROCEDURE_TEXT) - len(LOOKUP_TEXT)


async def test_returning_citizen_intake_by_keys(app: DeskApp, demo_ctx: DeskContext) -> None:
    intake(demo_ctx)  # the citizen came before
    assert EXTRA_KEYS == 6 < 20  # F2, Enter (pick), A (all documents), Enter, Enter (look up), F8
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await pilot.press(*PROCEDURE_TEXT, "enter")
        assert screen.procedure is not None and screen.procedure["code"] == "1.004873"
        info = str(screen.query_one("#procedure-info", Static).render())
        assert "15.000" in info and "3 ngày làm việc" in info and "09:00 thứ Sáu 27/11/2026" in info
        await pilot.press("a", "enter", *LOOKUP_TEXT, "enter")
        await settle(pilot)
        assert screen.query_one("#name", Input).value == "Nguyễn Văn Hiệp"
        assert screen.query_one("#id_number", Input).value == "040095000123"
        await pilot.press("f8")
        await settle(pilot)
        view = screen.last_result
        assert view is not None and view["code"] == "000.00.00.H41-261123-0002"
        result = str(screen.query_one("#intake-result", Static).render())
        assert view["code"] in result and "09:00 thứ Sáu 27/11/2026" in result
        # ready for the next citizen
        assert app.focused is screen.query_one("#procedure")
        assert screen.query_one("#name", Input).value == "" and not screen.has_unsaved()
    saved = show(demo_ctx, view["code"])
    assert saved["timeline"][0]["clerk"] == "Nguyễn Thị Lan"
    assert saved["applicant"]["id_number"] == "040095000123"


async def test_incomplete_dossier_offers_form02_and_gets_no_code(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    from desk.services.printing import spooler as printing

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"khai sinh", "enter")  # 1.001193: three documents
        assert screen.procedure["code"] == "1.001193"
        await pilot.press("space", "enter")  # only the first one is there
        await pilot.press(*"040095000999", "enter")
        await settle(pilot)
        assert app.focused is screen.query_one("#name")
        await pilot.press(*"Tran Thi Mai", "f8")
        await settle(pilot)
        assert isinstance(app.screen, Confirm)
        assert "Giấy chứng sinh" in app.screen.question
        assert "Tờ khai đăng ký khai sinh" not in app.screen.question  # ticked with Space
        await pilot.press("enter")  # issue Form 02
        await settle(pilot)
        assert app.screen is screen and not screen.has_unsaved()
        assert app.focused is screen.query_one("#procedure")
    assert search(demo_ctx, "") == []  # nothing got a code
    forms = printing.jobs(demo_ctx, printer="receipt")
    assert [j["kind"] for j in forms] == ["form"]


async def test_field_errors_are_shown_under_the_field_and_text_kept(app: DeskApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter")  # no lookup: new citizen
        await pilot.press("tab", *"04009500012", "f8")  # 11 digits
        await settle(pilot)
        error = screen.query_one("#err-id_number", Static)
        assert error.display and "12 chữ số" in str(error.render())
        assert screen.query_one("#id_number", Input).value == "04009500012"
        await pilot.press("escape")  # Escape never clears
        assert screen.query_one("#id_number", Input).value == "04009500012"
        assert screen.has_unsaved()


async def test_leaving_with_unsaved_input_asks_and_keeps_the_draft(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter", *"Hoa")
        folder = demo_ctx.settings.database_path.parent / "drafts"

        def draft_name() -> str | None:
            try:
                [path] = folder.glob("intake*.json")
                return str(json.loads(path.read_text(encoding="utf-8"))["name"])
            except ValueError:  # none yet, or being replaced
                return None

        await wait_until(pilot, lambda: draft_name() == "Hoa")  # written 0.5 s after a key
        await pilot.press("f3")
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # stay
        assert app.screen is screen
        await pilot.press("f3", "enter")  # leave
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is screen and screen.query_one("#name", Input).value == "Hoa"
    # a new app (after a crash) restores it
    again = DeskApp(demo_ctx, background=False)
    again.actor = app.actor
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert again.screen.query_one("#name", Input).value == "Hoa"
        assert again.screen.procedure["code"] == "1.004873"


async def test_telex_and_vni_toggle_for_every_text_input(app: DeskApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        await pilot.press("f9")  # Telex
        assert "Telex" in str(screen.query_one("InputMethodIndicator").render())
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter", *"Nguyeenx Vawn Hieepj")
        assert screen.query_one("#name", Input).value == "Nguyễn Văn Hiệp"
        await pilot.press("f9")  # VNI
        await pilot.press("tab", "tab", "tab", "tab", *"Xo1m 3")  # the address field
        assert screen.query_one("#address", Input).value == "Xóm 3"
        await pilot.press("f9")  # off
        assert "tắt" in str(screen.query_one("InputMethodIndicator").render())


async def test_intake_in_english_at_80x24(app: DeskApp, demo_ctx: DeskContext) -> None:
    intake(demo_ctx)
    set_language("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert "Procedure" in str(screen.query_one(".section", Static).render())
        await pilot.press(*"tinh trang hon", "enter", "a", "enter", *"040095000123", "enter")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        result = str(screen.query_one("#intake-result", Static).render())
        assert "RECEIVED" in result and "Friday 27/11/2026" in result
        assert screen.query_one("#intake-result").region.bottom <= 23  # above the footer

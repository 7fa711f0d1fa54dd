"""Issue 14 §5 on screen: a toneless word typed the UniKey way (circumflex key after the
final consonant) is Vietnamese once the clerk leaves the word — by a space, by Tab, by Enter."""

from __future__ import annotations

from textual.widgets import Input

from desk.app import DeskApp
from tests.screens.conftest import settle


async def test_khongo_becomes_khong_when_the_field_is_left(app: DeskApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        await pilot.press("f9")  # Telex
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter", *"Truwowngf Xuana")
        name = screen.query_one("#name", Input)
        assert name.value == "Trường Xuana"  # a tone key may still come
        await pilot.press("tab")
        await pilot.pause()
        assert name.value == "Trường Xuân"
        await pilot.press("tab", "tab", "tab", *"thoon Khongo Tieen")  # the address field
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#address", Input).value.startswith("thôn Không Tiên")

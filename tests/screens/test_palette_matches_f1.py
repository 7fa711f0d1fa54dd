"""The command palette (Ctrl+P) offers what the footer and F1 offer, under the same names, and
no two of its commands on one screen read the same: a clerk who types "goi so" or "thoat" must
not have to guess which of two equal lines quits the desk or opens the queue."""

from __future__ import annotations

from desk.app import DeskApp
from screens.keyplan import GLOBAL_PLAN
from screens.widgets.keys_panel import screen_keys
from screens.widgets.textual_texts import desk_commands, label
from tests.screens.conftest import settle

MODES = ("escape", "f2", "f3", "f4", "f5", "f7", "ctrl+o", "f11")
PLAN = {key for key, _ in GLOBAL_PLAN}


async def test_no_two_palette_commands_read_the_same(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for mode_key in MODES:
            await pilot.press(mode_key)
            await settle(pilot)
            commands = list(desk_commands(app, app.screen))
            titles = [c.title for c in commands]
            same = sorted((c.title, c.help) for c in commands if titles.count(c.title) > 1)
            assert same == [], (type(app.screen).__name__, same)


async def test_the_palette_offers_only_keys_f1_lists(app: DeskApp) -> None:
    """Textual's Tab, Shift+Tab and Ctrl+C ("Ô tiếp theo — Phím tab") are field keys, not
    commands: F1 leaves them out, so does the palette."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for mode_key in MODES:
            await pilot.press(mode_key)
            await settle(pilot)
            bindings = app.screen.active_bindings
            f1 = {d for _, d in screen_keys(bindings)}
            plan_actions = {ab.binding.action for key, ab in bindings.items() if key in PLAN}
            extra = [c.title for c in desk_commands(app, app.screen)
                     if c.title not in f1 and not any(
                         ab.binding.action in plan_actions and c.title == _title(ab)
                         for ab in bindings.values())]
            assert extra == [], (type(app.screen).__name__, extra)


def _title(ab: object) -> str:
    return label(ab.binding.description)  # type: ignore[attr-defined]

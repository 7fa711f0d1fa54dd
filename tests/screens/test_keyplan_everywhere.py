"""Issue 14 §2 / issue 17 §3: every global key of the plan (screens/keyplan.py) is offered in
the three places a clerk looks — the footer, F1 and the command palette (Ctrl+P) — with its
meaning in the clerk's language; F11 opens the notices screen."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from desk.app import DeskApp
from screens.keyplan import GLOBAL_PLAN, key_label
from screens.widgets.keys_panel import KeysPanel
from tests.screens.conftest import settle

# keys a clerk is offered everywhere (F6 is a supervisor's; Esc, F8 and Ctrl+P are no commands)
CLERK_KEYS = [k for k, _ in GLOBAL_PLAN if k not in ("f6", "f8", "escape", "ctrl+p")]


def _footer_keys(app: Any) -> set[str]:
    return {fk.key for fk in app.screen.query(FooterKey)}


def _palette_keys(app: Any) -> dict[str, str]:
    from screens.widgets.textual_texts import desk_commands

    out = {}
    for c in desk_commands(app, app.screen):
        key = c.help.rsplit("(", 1)[-1].rstrip(")")
        out[key] = f"{c.title} | {c.help}"
    return out


async def test_every_global_key_is_in_footer_f1_and_palette(app: DeskApp) -> None:
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        for mode_key in ("escape", "f3", "f4", "f5", "f7", "ctrl+o", "f11"):
            await pilot.press(mode_key)
            await settle(pilot)
            shown = _footer_keys(app)
            assert not [k for k in CLERK_KEYS if k not in shown], (mode_key, shown)
            palette = _palette_keys(app)
            missing = [k for k in CLERK_KEYS if app.get_key_display(
                next(ab.binding for ab in app.screen.active_bindings.values()
                     if ab.binding.key == k)) not in palette]
            assert missing == [], (mode_key, palette)
            english = [v for v in palette.values() if "Quit the app" in v or "the app" in v]
            assert english == [], english
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysPanel)
        plan = str(app.screen.query_one("#keys-global", Static).render())
        assert not [k for k in CLERK_KEYS if key_label(k) not in plan], plan
        assert "F11" in plan and "Tin nhắn" in plan


async def test_f11_opens_the_notices_screen(app: DeskApp) -> None:
    from screens.notices import NoticesScreen

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f11")
        await settle(pilot)
        assert isinstance(app.screen, NoticesScreen)
        await pilot.press("f2")  # and away again, as from any mode
        await settle(pilot)
        assert not isinstance(app.screen, NoticesScreen)


async def test_home_lists_every_mode_key_of_the_plan(app: DeskApp) -> None:
    from screens.home import MODES

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        listed = {key for key, _, _ in MODES}
        plan = {k for k in CLERK_KEYS if k not in ("f1", "f9", "f10")}
        assert plan <= listed, plan - listed
        assert "F11" in shown and "Tin nhắn báo công dân" in shown

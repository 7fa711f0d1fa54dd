"""The login's footer is one widget (screens/widgets/footer.py: KeysLine, for the first paint)
and still shows every key a clerk can press there, with the footer's short labels, in the
footer's order; a click on a key presses it."""

from __future__ import annotations

from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.login import LoginScreen
from screens.widgets.keys_line import KeysLine
from screens.widgets.keys_panel import KeysPanel
from tests.screens.conftest import settle


async def test_login_footer_shows_every_key_and_a_click_presses_it(
        demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        line = app.screen.query_one(KeysLine)
        text = str(line.render())
        shown = [ab.binding.key for ab in app.screen.active_bindings.values()
                 if ab.binding.show]
        assert {"f1", "f9", "f10"} <= set(shown)
        for words in ("f1 Phím", "f10 Tắt", "f9 Gõ", "^p Lệnh"):
            assert words in text, text
        assert text.index("f1 Phím") < text.index("f10 Tắt") < text.index("^p Lệnh")
        assert text.rstrip().endswith("^p Lệnh")  # the palette's key on the right
        await pilot.click(KeysLine, offset=(1, 0))  # on "f1"
        await pilot.pause()
        assert isinstance(app.screen, KeysPanel)

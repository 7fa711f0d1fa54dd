"""At 80 columns the home footer's keys overflow under the palette key docked right; the
palette key must cover the footer to the last column, so nothing of the hidden keys shows
after "^p Lệnh" (seen at the counter: a stray "o" at column 80)."""

from __future__ import annotations

from desk.app import DeskApp
from tests.screens.conftest import settle


def _last_row(app: DeskApp) -> str:
    """The bottom line exactly as the terminal draws it (the compositor's strips)."""
    strips = app.screen._compositor.render_strips()
    return strips[-1].text


async def test_nothing_shows_after_the_palette_key_at_80_columns(app: DeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for mode_key in ("escape", "f2", "f3"):
            await pilot.press(mode_key)
            await settle(pilot)
            row = _last_row(app)
            assert len(row) == 80
            assert row.rstrip().endswith("^p Lệnh"), (mode_key, row)

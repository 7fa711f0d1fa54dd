""""Làm mới" (read the list again) is M on every screen that has it. It was M on the deadlines
and the dashboard, but Ctrl+R on the notices, G on the printers and R on the sync screen,
where R on the notices resends a message and on the printers reprints a paper: a clerk
refreshing with the sync screen's R elsewhere sent or printed something."""

from __future__ import annotations

from desk.app import DeskApp
from tests.screens.conftest import settle


async def test_refresh_is_m_wherever_there_is_one(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for mode_key in ("f5", "f7", "ctrl+o", "f11"):
            await pilot.press(mode_key)
            await settle(pilot)
            refresh = {key for key, ab in app.screen.active_bindings.items()
                       if (ab.binding.id or "").endswith(".refresh")}
            assert refresh == {"m"}, (type(app.screen).__name__, refresh)

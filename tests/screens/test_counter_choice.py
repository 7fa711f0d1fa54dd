"""A supervisor signed in at no counter: F4 asks which counter (naming whose each is) instead
of taking counter 1, the clerk Lan's, so two people never call for one counter by default."""

from __future__ import annotations

from textual.widgets import Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.trust.auth import login
from screens.counter_queue import AskModal, CounterQueueScreen
from tests.screens.conftest import settle, wait_until


async def test_f4_without_a_counter_asks_which(demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Trần Văn Minh", "2345")
    assert app.actor.counter is None
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, AskModal))
        prompt = str(app.screen.query_one(Static).render())
        assert "Quầy 1 (Nguyễn Thị Lan)" in prompt and "Quầy 2" in prompt  # whose each is
        await pilot.press("escape")  # no counter chosen: no calls, and how to choose one
        await settle(pilot)
        assert not isinstance(app.screen, (AskModal, CounterQueueScreen))
        assert any("F4" in n.message and "F12" in n.message for n in app._notifications)
        await pilot.press("f4", "9", "enter")  # no such counter
        await settle(pilot)
        assert not isinstance(app.screen, CounterQueueScreen)
        assert any("Không có quầy số 9" in n.message for n in app._notifications)
        await pilot.press("f4", "2", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CounterQueueScreen))
        assert isinstance(app.screen, CounterQueueScreen) and app.screen.counter == 2
        assert app.actor.counter == 2 and "quầy 2" in app.sub_title.lower()
        await pilot.press("escape", "f4")  # chosen once: F4 goes straight to it
        await settle(pilot)
        assert isinstance(app.screen, CounterQueueScreen) and app.screen.counter == 2


async def test_a_clerk_goes_straight_to_her_counter(app: DeskApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, CounterQueueScreen))
        assert isinstance(app.screen, CounterQueueScreen) and app.screen.counter == 1

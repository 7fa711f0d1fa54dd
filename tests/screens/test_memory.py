"""A day at the counter must not fill the memory: closed screens are freed (issue 10).

Not a timing test: it counts the widgets still alive after their screen was closed.
"""

from __future__ import annotations

import gc

from textual.widget import Widget

from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.dossier import DossierScreen
from screens.home import HomeScreen
from screens.widgets.deadline_badge import DeadlineBadge
from tests.screens.conftest import intake, settle


def removed_but_alive() -> int:
    """Widgets taken off the screen (closed) that something still holds.

    Not the status line: asyncio keeps its cancelled 60-second refresh timer, and with it
    the widget, until the minute is over; that is bounded by time, not a leak.
    """
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Widget)
               and (o._closing or o._closed) and not isinstance(o, DeadlineBadge))


async def test_dossiers_opened_and_closed_are_freed(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)

        async def open_and_close() -> None:
            app.open_dossier(code)
            await settle(pilot)
            assert isinstance(app.screen, DossierScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, HomeScreen)

        await open_and_close()
        after_one = removed_but_alive()
        for _ in range(6):
            await open_and_close()
        # Textual 8.2 kept each closed screen's Header (and its three children) alive through
        # its watchers on App.title/sub_title: 24 more here, a few MB an hour at the counter.
        assert removed_but_alive() <= after_one
        assert len(app.screen_stack) == 1


async def test_a_closed_input_method_indicator_is_not_kept_by_its_signal() -> None:
    """The F9 indicator subscribes to the input-method signal; once removed (a modal closed)
    it must not stay subscribed, or the closed widget and its modal live on until F9."""
    from textual.app import App, ComposeResult

    from screens.widgets.telex_input import InputMethodIndicator, method_signal

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield InputMethodIndicator()

    app = Host()
    async with app.run_test() as pilot:
        indicator = app.query_one(InputMethodIndicator)
        signal = method_signal(app)
        assert indicator in signal._subscriptions
        await indicator.remove()
        await pilot.pause()
        assert indicator not in signal._subscriptions

"""A counter that desk.toml leaves unnamed is called "Counter N" on an English desk (and
"Quầy N" on a Vietnamese one): the name comes from the message catalogs, not from code."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from desk.i18n import set_language
from desk.queue_apps import CounterApp
from desk.services.context import DeskContext
from desk.services.queue.tickets import counter_state
from tests.queue.conftest import MovingClock, queue_settings
from tests.tui import workers_done


async def test_an_english_counter_screen_says_counter_n(tmp_path: Path,
                                                        clock: MovingClock) -> None:
    ctx = DeskContext(queue_settings(tmp_path / "q.sqlite3",
                                     counters=[{"number": n} for n in (1, 2, 3, 4)]), clock=clock)
    assert counter_state(ctx, 2).name == "Quầy 2"
    set_language("en")  # the autouse fixture puts Vietnamese back
    app = CounterApp(ctx, 2)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(2):  # the screen opens after the first paint, then reads the counter
            await pilot.pause()
            await workers_done(app)
        await pilot.pause()
        head = str(app.screen.query_one("#cq-head", Static).render())
    ctx.close()
    assert head.startswith("Counter 2 — calls"), head

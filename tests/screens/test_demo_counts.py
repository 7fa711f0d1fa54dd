"""Issue 14 (the new clerk's day in tmux, `desk demo`): a clerk who logged in while the demo
dossiers were still being seeded saw "Overdue 0" in the status line until its next minute;
the line counts again once the dossiers are in."""

from __future__ import annotations

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.trust.actor import Actor
from screens.widgets.deadline_badge import ORDER, DeadlineBadge
from tests.screens.conftest import wait_until


async def test_the_status_line_counts_the_seeded_demo_dossiers(ctx: DeskContext) -> None:
    from desk.services.deadlines.watch import counts

    app = DeskApp(ctx, background=False)
    app.demo_seed = "dossiers"
    app.actor = Actor(id=None, name="Nguyễn Thị Lan", role="clerk", counter=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: not [w for w in app.workers if w.group == "demo"],
                         timeout=60)
        expected = counts(ctx).as_dict()
        assert expected["overdue"] > 0
        shown = {k: expected[k] for k in ORDER}
        await wait_until(pilot, lambda: app.screen.query_one(DeadlineBadge).counts == shown,
                         timeout=10)

"""The dashboard and the status line agree (one definition, one source per count), and the
figures are written the Vietnamese way (issue 14 §2)."""

from __future__ import annotations

from textual.widgets import Static

from desk.app import DeskApp
from desk.i18n import set_language
from desk.i18n.numbers import decimal, integer, percent, share
from desk.services.context import DeskContext
from desk.services.demo_dossiers import seed_demo_dossiers
from desk.services.queue import tickets as queue
from desk.services.trust.auth import login
from screens.dashboard import DashboardScreen
from screens.widgets.status_line import StatusLine
from tests.conftest import local
from tests.queue.conftest import MovingClock
from tests.screens.conftest import settle, wait_until


def test_vietnamese_numbers() -> None:
    assert decimal(0.6) == "0,6" and decimal(1234.56) == "1.234,6" and decimal(20, 0) == "20"
    assert integer(15000) == "15.000" and share(2 / 3) == "66,7 %" == percent(2 / 3)


def test_english_numbers() -> None:
    set_language("en")
    assert decimal(0.6) == "0.6" and decimal(1234.56) == "1,234.6" and decimal(20, 0) == "20"
    assert integer(15000) == "15,000" and share(2 / 3) == "66.7 %" == percent(2 / 3)


async def test_dashboard_says_what_the_status_line_says(demo_ctx: DeskContext) -> None:
    clock = MovingClock(local(2026, 11, 23, 9, 0))
    demo_ctx.clock = clock
    seed_demo_dossiers(demo_ctx)
    queue.issue(demo_ctx, "HT", print_ticket=False)
    clock.advance(seconds=36)
    queue.call_next(demo_ctx, 1)  # waited 0,6 minute
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Trần Văn Minh", "2345")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                         and app.screen.glance is not None, timeout=60)
        line = app.screen.query_one(StatusLine)
        await wait_until(pilot, lambda: line.counts is not None, timeout=60)  # a busy machine
        status = str(line.render())
        overdue = str(app.screen.query_one("#dash-overdue", Static).render())
        due = str(app.screen.query_one("#dash-due", Static).render())
        counts = line.counts
        assert counts is not None and counts["overdue"] == 4
        # the same words and the same numbers as the status line
        assert overdue.split("\n") == ["Quá hạn", str(counts["overdue"])]
        assert f"Quá hạn {counts['overdue']}" in status
        assert due.split("\n") == ["Đến hạn hôm nay", str(counts["due_today"])]
        assert "(cuối ngày)" not in overdue
        mean = str(app.screen.query_one("#dash-q_mean", Static).render())
        assert "0,6 phút" in mean and "0.6" not in mean


async def test_an_english_desk_writes_the_decimal_point(demo_ctx: DeskContext) -> None:
    """The walk saw "66,7 %" on an English dashboard: English writes 0.6 min and 66.7 %."""
    set_language("en")
    clock = MovingClock(local(2026, 11, 23, 9, 0))
    demo_ctx.clock = clock
    seed_demo_dossiers(demo_ctx)
    queue.issue(demo_ctx, "HT", print_ticket=False)
    clock.advance(seconds=36)
    queue.call_next(demo_ctx, 1)  # waited 0.6 minute
    app = DeskApp(demo_ctx, background=False)
    app.actor = login(demo_ctx, "Trần Văn Minh", "2345")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen)
                         and app.screen.glance is not None
                         and app.screen.official is not None, timeout=60)
        await settle(pilot)
        mean = str(app.screen.query_one("#dash-q_mean", Static).render())
        assert "0.6" in mean and "0,6" not in mean
        shares = [str(app.screen.query_one(f"#dash-i-{key}", Static).render())
                  for key in ("on_time", "online", "digitised", "online_fees", "satisfaction")]
        shown = [line for s in shares for line in s.split("\n") if line.endswith(" %")]
        assert shown and all("," not in line for line in shown), shares
        assert any("." in line for line in shown), shares  # some share has decimals

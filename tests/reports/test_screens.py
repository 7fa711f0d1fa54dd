"""Pilot tests: the rating screen (keys 1/2/3, thanks, back to waiting), the report screen and
the dashboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desk.services.context import DeskContext
from tests.reports.conftest import History
from tests.reports.test_xlsx_created import core_dates
from tests.tui import workers_done


def _app(ctx: DeskContext):  # type: ignore[no-untyped-def]
    from desk.app import DeskApp

    return DeskApp(ctx, background=False)


def _ratings(ctx: DeskContext) -> list[tuple[str, str | None, int | None]]:
    from sqlmodel import select

    from storage.engine import read_session
    from storage.tables.rating import Rating

    with read_session(ctx.engine) as s:
        rows = s.exec(select(Rating).order_by(Rating.at, Rating.id)).all()
        return [(r.level, r.ticket_label, r.counter_number) for r in rows]


async def test_rating_screen_keys(demo_ctx: DeskContext) -> None:
    from screens.rating import RatingScreen

    app = _app(demo_ctx)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = RatingScreen(counter=2, ticket_label="A015", thanks_seconds=60)
        await app.push_screen(screen)
        await pilot.pause()
        assert "A015" in str(screen.query_one("#rating-subject").render())
        await pilot.press("1")
        await workers_done(app)
        await pilot.pause()
        assert screen.has_class("-thanks")
        await pilot.press("3")  # ignored while thanking: one rating per citizen
        await workers_done(app)
        screen.reset()  # the timer's job, called directly (no timing in tests)
        await pilot.pause()
        assert not screen.has_class("-thanks")
        screen.subject(ticket_label="B002")
        await pilot.press("2")
        await workers_done(app)
        await pilot.pause()
        screen.reset()
        await pilot.press("3")
        await workers_done(app)
        await pilot.pause()
    assert _ratings(demo_ctx) == [("rat_hai_long", "A015", 2), ("hai_long", "B002", 2),
                                  ("khong_hai_long", None, 2)]


async def test_report_screen_shows_the_table_and_exports(history: History,
                                                         tmp_path: Path) -> None:
    from textual.widgets import DataTable, Sparkline, Static

    from screens.report import ReportScreen

    app = _app(history.ctx)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = ReportScreen(date(2026, 11, 2), date(2026, 11, 13), export_dir=tmp_path)
        await app.push_screen(screen)
        await workers_done(app)
        await pilot.pause()
        table = screen.query_one("#rep-table", DataTable)
        assert table.row_count == 8
        total = table.get_row_at(7)
        assert total[1:4] == ["14", "5", "6"] and "71,4 %" in total
        assert screen.query_one("#rep-spark", Sparkline).data == [
            1, 1, 1, 1, 0, 0, 0, 2, 1, 0, 1, 1]
        rates = str(screen.query_one("#rep-rates", Static).render())
        assert "71,4 %" in rates and "Khá" in rates
        for key in ("x", "p", "c", "j", "s"):
            await pilot.press(key)
            await workers_done(app)
        await pilot.pause()
        app.save_screenshot(str(tmp_path / "report.svg"))
        assert [Path(p).suffix for p in screen.exported] == [".xlsx", ".pdf", ".csv", ".json",
                                                             ".xlsx"]
        assert all(Path(p).is_file() for p in screen.exported)
        for xlsx in (screen.exported[0], screen.exported[-1]):  # the report, the book
            assert core_dates(Path(xlsx).read_bytes())["created"] == "2026-11-23T02:00:00Z"
        await pilot.press("t")  # the previous month: October, with C D E F Q A B
        await workers_done(app)
        await pilot.pause()
        assert screen.first == date(2026, 10, 1) and screen.report.total.new == 7


async def test_dashboard_of_a_past_day(history: History) -> None:
    from textual.widgets import Static

    from screens.dashboard import DashboardScreen

    app = _app(history.ctx)
    async with app.run_test(size=(140, 40)) as pilot:
        screen = DashboardScreen()
        await app.push_screen(screen)
        await workers_done(app)
        await pilot.pause()
        assert screen.glance.day == date(2026, 11, 23)
        await pilot.press("n")  # another day (ngày)
        await pilot.pause()
        inp = app.screen.query_one("Input")
        inp.value = "12/11/2026"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await workers_done(app)
        await pilot.pause()
        g = screen.glance
        assert (g.day, g.received, g.due, g.overdue, g.month_resolved) == (
            date(2026, 11, 12), 1, 2, 2, 7)
        assert "71,4 %" in str(screen.query_one("#dash-on_time", Static).render())
        assert "chưa cấu hình" in str(screen.query_one("#dash-sync", Static).render())

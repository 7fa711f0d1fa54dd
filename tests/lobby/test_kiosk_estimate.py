"""The kiosk tells the estimated wait with the number (the same figure as the ticket), and
checks in an appointment from the ID card's QR."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.widgets import Static

from desk.config import Settings
from desk.queue_apps import KioskApp
from desk.services.context import DeskContext
from desk.services.queue import appointments
from desk.services.queue import tickets as queue
from tests.conftest import local
from tests.queue.conftest import COUNTERS, SERVICES
from tests.tui import workers_done


async def test_kiosk_shows_the_estimate(qctx: DeskContext) -> None:
    for _ in range(6):
        queue.issue(qctx, "HT", print_ticket=False)
    queue.call_next(qctx, 1)
    app = KioskApp(qctx)
    async with app.run_test(size=(100, 36)) as pilot:
        await _opened(pilot)
        screen = app.screen
        await pilot.press("1")
        for _ in range(50):
            await pilot.pause(0.05)
            if screen.last_issued is not None:
                break
        await pilot.pause()
        issued = screen.last_issued
        assert issued is not None and issued.wait_minutes is not None
        text = str(screen.query_one("#kiosk-ahead", Static).render())
        assert f"Thời gian chờ dự kiến: khoảng {issued.wait_minutes} phút" in text


async def _opened(pilot) -> None:  # type: ignore[no-untyped-def]
    """The kiosk's services open after its first paint (tests/queue/test_first_paint_lean)."""
    await pilot.pause()
    await workers_done(pilot.app)
    await pilot.pause()


async def _issued(pilot, screen):  # type: ignore[no-untyped-def]
    for _ in range(60):
        await pilot.pause(0.05)
        if screen.last_issued is not None:
            return screen.last_issued
    return None


async def test_kiosk_checks_in_an_appointment(tmp_path: Path) -> None:
    services = [{**s, "appointment_slots": ["08:00"], "appointment_capacity": 2}
                if s["code"] == "HT" else s for s in SERVICES]
    ctx = DeskContext(Settings.from_dict({
        "storage": {"database": str(tmp_path / "k.sqlite3"), "data_dir": str(tmp_path)},
        "queue": {"services": services, "counters": COUNTERS}}),
        clock=lambda: local(2026, 11, 30, 7, 50))
    by_code = appointments.book(ctx, "HT", date(2026, 11, 30), "001099012345", at=time(8, 0))
    appointments.book(ctx, "HT", date(2026, 11, 30), "001199054321", at=time(8, 0))
    queue.issue(ctx, "HT", print_ticket=False)  # a walk-in before
    app = KioskApp(ctx)
    async with app.run_test(size=(100, 36)) as pilot:
        await _opened(pilot)
        screen = app.screen
        # a citizen types the booking code (F12 opens the check-in window)
        await pilot.press("f12")
        await pilot.pause()
        await pilot.press(*by_code.code.lower(), "enter")
        issued = await _issued(pilot, screen)
        assert issued is not None and issued.ticket.priority_reason == "appointment"
        assert (issued.ticket.label, str(screen.query_one("#kiosk-number").value)) == \
            ("A002", "A002")
        # another scans the ID card: the kiosk's scanner gate hands the text to the screen on
        # top, here the check-in window (elsewhere a card only greets)
        screen.last_issued = None
        await pilot.press("asterisk")
        await pilot.pause()
        app.screen.card_scanned(  # what the gate calls on the screen on top
            "001199054321||NGUYEN THI BINH|02021999|Nữ|Xã Minh Châu|01012021")
        issued = await _issued(pilot, screen)
        assert issued is not None and issued.ticket.label == "A003"
    assert {a.state for a in appointments.list_day(ctx)} == {"CHECKED_IN"}
    ctx.close()

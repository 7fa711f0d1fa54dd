"""Booking an appointment at the ticket kiosk (issue 18 §5), keys only: / opens the window,
Tab and arrows pick service, day and time, the ID is typed or the card scanned, Enter books;
a refusal stays in the window with everything kept; the booking checks in later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from desk.config import Settings
from desk.queue_apps import KioskApp
from desk.services.context import DeskContext
from desk.services.queue import appointments
from screens.kiosk_booking import BookModal
from tests.conftest import local
from tests.queue.conftest import COUNTERS, SERVICES, MovingClock
from tests.tui import workers_done

ID = "001099012345"


@pytest.fixture
def kctx(tmp_path: Path) -> Iterator[DeskContext]:
    services = [{**s, "appointment_slots": ["08:00", "08:30"], "appointment_capacity": 1}
                if s["code"] in ("HT", "CT") else s for s in SERVICES]
    ctx = DeskContext(Settings.from_dict({
        "storage": {"database": str(tmp_path / "k.sqlite3"), "data_dir": str(tmp_path)},
        "queue": {"services": services, "counters": COUNTERS}}),
        clock=MovingClock(local(2026, 11, 30, 7, 40)))  # a Monday
    yield ctx
    ctx.close()


async def _until(pilot, test) -> None:  # type: ignore[no-untyped-def]
    for _ in range(80):
        await pilot.pause(0.05)
        if test():
            return
    raise AssertionError("the kiosk did not answer")


async def test_kiosk_books_with_keys_and_keeps_a_refusal(kctx: DeskContext) -> None:
    app = KioskApp(kctx)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await workers_done(app)  # the services open after the first paint
        await pilot.pause()
        kiosk = app.screen
        await pilot.press("slash")
        await pilot.pause()
        book = app.screen
        assert isinstance(book, BookModal)
        # service: the first list has focus; Enter opens it, ↓ picks Chứng thực
        await pilot.press("enter", "down", "enter", "tab")
        assert book.query_one("#book-service", Select).value == "CT"
        await pilot.press("enter", "down", "enter", "tab")  # tomorrow
        assert book.query_one("#book-day", Select).value == "2026-12-01"
        await pilot.press("enter", "down", "down", "enter", "tab")  # earliest, 08:00, 08:30
        assert book.query_one("#book-time", Select).value == "08:30"
        for key in ID:  # typed by a person: slower than a scanner (screens/scanner.py)
            await pilot.press(key)
            await pilot.pause(0.08)
        await pilot.press("enter")
        await _until(pilot, lambda: app.screen is kiosk)
        text = str(kiosk.query_one("#kiosk-armed", Static).render())
        [v] = appointments.list_day(kctx, appointments.bookable_days(kctx)[1])
        assert (v.service_code, v.slot, v.channel) == ("CT", "08:30", "kiosk")
        assert f"Đã đặt lịch {v.code}: Chứng thực, ngày 01/12/2026 lúc 08:30" in text
        # the same slot again, by scanning another card: refused, the window keeps it all
        await pilot.press("plus")
        await pilot.pause()
        book = app.screen
        book.query_one("#book-service", Select).value = "CT"
        book.query_one("#book-day", Select).value = "2026-12-01"
        await pilot.pause()
        book.query_one("#book-time", Select).value = "08:30"
        book.card_scanned("001199054321||NGUYEN THI BINH|02021999|Nữ|Xã Minh Châu|01012021")
        await _until(pilot, lambda: "đủ người" in str(
            book.query_one("#book-error", Static).render()))
        assert app.screen is book
        assert str(book.query_one("#book-error", Static).render()) == \
            "Khung giờ 08:30 đã đủ người. Còn trống: 08:00."
        assert book.query_one("#book-id", Input).value == "001199054321"
        assert book.query_one("#book-time", Select).value == "08:30"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is kiosk
    assert [a.code for a in appointments.list_day(kctx, v.day)] == [v.code]

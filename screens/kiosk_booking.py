"""Booking an appointment at the ticket kiosk (issue 18 §5): service, day and time picked from
lists (Tab moves between them, Enter opens one, arrows choose), the ID number typed or the ID
card scanned, Enter books. A refusal is shown in the window with everything kept."""

from __future__ import annotations

from datetime import date, time
from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, Select, Static

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.queue import appointments
from screens.kiosk_modal import KioskModal, cancel_binding

FIRST_FREE = ""  # the time list's first entry: the earliest free slot


class BookModal(KioskModal):
    """Dismisses with the booking made (an AppointmentView), or None on Esc."""

    DEFAULT_CSS = """
    BookModal > Vertical { width: 76; }
    BookModal Static { margin: 0; }
    BookModal Select, BookModal Input { margin-bottom: 1; }
    BookModal #book-error { color: $error; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [cancel_binding("kiosk.book.cancel")]

    def __init__(self, services: list[appointments.Bookable], days: list[date]) -> None:
        super().__init__()
        self.services = services
        self.days = days

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{t('appt.kiosk.book_title')}[/b]")
            yield Static(t("appt.web.service"))
            yield Select([(s.name, s.code) for s in self.services], allow_blank=False,
                         compact=True, id="book-service")
            yield Static(t("appt.web.date"))
            yield Select([(f"{d:%d/%m/%Y}", d.isoformat()) for d in self.days],
                         allow_blank=False, compact=True, id="book-day")
            yield Static(t("appt.web.time"))
            yield Select(self._times(self.services[0].code), allow_blank=False, compact=True,
                         id="book-time")
            yield Static(t("appt.kiosk.step_id"))
            yield Input(id="book-id")
            yield Static(id="book-error")

    def _times(self, code: str) -> list[tuple[str, str]]:
        svc = next(s for s in self.services if s.code == code)
        return [(t("appt.web.first_free"), FIRST_FREE), *((s, s) for s in svc.slots)]

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "book-service" and isinstance(event.value, str):
            self.query_one("#book-time", Select).set_options(self._times(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def card_scanned(self, text: str) -> None:
        """A scanned ID card gives the number (the first field of its QR) and books."""
        self.query_one("#book-id", Input).value = text.strip().split("|", 1)[0]
        self._submit()

    def _submit(self) -> None:
        service = str(self.query_one("#book-service", Select).value)
        day = date.fromisoformat(str(self.query_one("#book-day", Select).value))
        slot = str(self.query_one("#book-time", Select).value)
        self._book(service, day, time.fromisoformat(slot) if slot else None,
                   self.query_one("#book-id", Input).value)

    @work(thread=True, group="kiosk-book", exit_on_error=False)
    def _book(self, service: str, day: date, at: time | None, id_number: str) -> None:
        ctx: Any = self.app.ctx  # type: ignore[attr-defined]
        try:
            booked = appointments.book(ctx, service, day, id_number, at=at, channel="kiosk")
        except DomainError as e:
            self.app.call_from_thread(self._refused, render_error(e))
            return
        self.app.call_from_thread(self.dismiss, booked)

    def _refused(self, text: str) -> None:
        self.query_one("#book-error", Static).update(escape(text))


def booked_text(v: appointments.AppointmentView) -> str:
    return t("appt.kiosk.booked", code=v.code, service=escape(v.service_name),
             date=f"{v.day:%d/%m/%Y}", time=v.slot)

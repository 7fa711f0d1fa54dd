"""The ticket kiosk: one number key per service, 0 for priority (asks the reason first)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Input, Static

from desk.domain.errors import DomainError
from desk.domain.queue import PRIORITY_REASONS
from desk.i18n import render_error, t
from desk.services.dossier.card_scan import scan_card
from desk.services.queue import appointments
from desk.services.queue.tickets import issue, waiting_summary
from desk.services.trust.actor import SYSTEM
from screens.base import DeskScreen
from screens.kiosk_booking import BookModal, booked_text
from screens.kiosk_modal import KioskModal, cancel_binding
from screens.widgets.footer import DeskFooter

MAX_SERVICES = 8
CLEAR_AFTER_SECONDS = 12.0


class ReasonModal(KioskModal):
    """Pick the priority group with a number key; Esc cancels."""

    DEFAULT_CSS = "ReasonModal > Vertical { border: thick $warning; }"
    BINDINGS: ClassVar[list[BindingType]] = [cancel_binding("kiosk.reason.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{t('queue.kiosk.pick_reason')}[/b]")
            yield Static("\n".join(f"[b]{i}[/b]  {t('queue.reason.' + r)}"
                                   for i, r in enumerate(PRIORITY_REASONS, 1)))

    def on_key(self, event: Any) -> None:
        if event.character and event.character.isdigit():
            i = int(event.character)
            if 1 <= i <= len(PRIORITY_REASONS):
                event.stop()
                self.dismiss(PRIORITY_REASONS[i - 1])


class CheckinModal(KioskModal):
    """Check in an appointment: type the booking code or the ID number, or scan the ID card's
    QR (the scanner types its text and Enter). Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [cancel_binding("kiosk.checkin.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{t('appt.kiosk.prompt')}[/b]")
            yield Input(id="checkin-code")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def card_scanned(self, text: str) -> None:
        """The kiosk's scanner gate hands a scanned ID card to the screen on top: here it
        checks the booking in (elsewhere at the kiosk a card only greets)."""
        self.dismiss(text.strip() or None)


def _service_bindings() -> list[BindingType]:
    return [Binding(f"{i},f{i + 1}", f"issue({i - 1})", "queue.key.service",
                    id=f"kiosk.service.{i}", tooltip="queue.key.service.tip")
            for i in range(1, MAX_SERVICES + 1)]


class KioskScreen(DeskScreen):
    DEFAULT_CSS = """
    KioskScreen { align: center top; }
    KioskScreen #kiosk-title { text-style: bold; color: $primary; content-align: center middle;
        width: 100%; height: 3; }
    KioskScreen #kiosk-services { padding: 1 4 0 4; height: auto; }
    KioskScreen #kiosk-armed { color: $warning; text-style: bold; padding: 0 4; height: auto; }
    KioskScreen #kiosk-armed.-empty { display: none; }
    KioskScreen #kiosk-result { height: auto; align: center top; padding: 1 4 0 4; }
    KioskScreen #kiosk-result.-empty { display: none; }
    KioskScreen #kiosk-digits { height: auto; }
    KioskScreen #kiosk-number { width: auto; color: $success; }
    KioskScreen #kiosk-priority { width: 1fr; height: 3; content-align: left middle;
        padding: 0 0 0 3; color: $warning; text-style: bold; }
    KioskScreen #kiosk-note { color: $warning; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *_service_bindings(),
        Binding("0,f11", "priority", "queue.key.priority", id="kiosk.priority",
                tooltip="queue.key.priority.tip"),
        Binding("escape", "cancel", "queue.key.cancel", id="kiosk.cancel",
                tooltip="queue.key.cancel.tip"),
        Binding("f12,asterisk", "checkin", "appt.key.checkin", id="kiosk.checkin",
                tooltip="appt.key.checkin.tip"),
        Binding("slash,plus", "book", "appt.kiosk.book", id="kiosk.book",
                tooltip="appt.kiosk.book.tip"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pending_reason: str | None = None
        self.last_issued: Any = None
        self._clear_timer: Any = None

    def compose(self) -> ComposeResult:
        yield Static(t("queue.kiosk.title"), id="kiosk-title")
        yield Static(id="kiosk-services")
        yield Static(id="kiosk-armed", classes="-empty")
        with Vertical(id="kiosk-result", classes="-empty"):
            yield Static(t("queue.kiosk.your_number"))
            with Horizontal(id="kiosk-digits"):  # the priority beside the number: 80×24 fits
                yield Digits("", id="kiosk-number")
                yield Static(id="kiosk-priority")
            yield Static(id="kiosk-ahead")
            yield Static(id="kiosk-note")
        yield DeskFooter()

    @property
    def services(self) -> tuple[Any, ...]:
        return self.ctx.settings.queue.services[:MAX_SERVICES]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        out = super().active_bindings
        for key, ab in out.items():
            bid = ab.binding.id or ""
            if bid.startswith("kiosk.service."):
                i = int(bid.rsplit(".", 1)[1]) - 1
                if i < len(self.services):
                    b = ab.binding
                    out[key] = ab._replace(binding=replace(b, description=self.services[i].name))
        return out

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "issue":
            return bool(parameters) and int(str(parameters[0])) < len(self.services)
        if action == "cancel":
            return self.pending_reason is not None
        return True

    def on_mount(self) -> None:
        self.refresh_services()
        self.set_interval(5.0, self.refresh_services)

    @work(thread=True, exclusive=True, group="kiosk-refresh", exit_on_error=False)
    def refresh_services(self) -> None:
        rows = {w.code: w.waiting for w in waiting_summary(self.ctx)}
        self.app.call_from_thread(self._show_services, rows)

    def _show_services(self, waiting: dict[str, int]) -> None:
        lines = [f"[b]{i}[/b]  {s.prefix} — {escape(s.name)}  "
                 f"[dim]({t('queue.kiosk.waiting', n=waiting.get(s.code, 0))})[/dim]"
                 for i, s in enumerate(self.services, 1)]
        lines += ["", t("queue.kiosk.priority_line"), t("queue.kiosk.appointment_line"), "",
                  f"[dim]{t('queue.kiosk.hint')}[/dim]"]
        self.query_one("#kiosk-services", Static).update("\n".join(lines))

    def action_priority(self) -> None:
        def chosen(reason: str | None) -> None:
            self.pending_reason = reason
            self._show_armed()

        self.app.push_screen(ReasonModal(), chosen)

    def action_checkin(self) -> None:
        def entered(code: str | None) -> None:
            if code:
                self._checkin(code)

        self.app.push_screen(CheckinModal(), entered)

    @work(thread=True, group="kiosk-issue", exit_on_error=False)
    def _checkin(self, code: str) -> None:
        try:
            _booking, issued = appointments.checkin(self.ctx, code)
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error")
            return
        self.app.call_from_thread(self._show_issued, issued)

    def action_book(self) -> None:
        services = appointments.bookable_services(self.ctx)
        if not services:
            self.notify(t("appt.web.none"), severity="warning")
            return

        def booked(v: Any) -> None:
            if v is not None:
                self._say(booked_text(v))

        self.app.push_screen(BookModal(services, appointments.bookable_days(self.ctx)), booked)

    def action_cancel(self) -> None:
        self.pending_reason = None
        self._show_armed()

    def _show_armed(self) -> None:
        text = (t("queue.kiosk.priority_armed", reason=t(f"queue.reason.{self.pending_reason}"))
                if self.pending_reason else "")
        self._say(text)
        self.refresh_bindings()

    def _say(self, text: str) -> None:
        """The line under the services; empty, it takes no row (80×24 keeps the ticket whole)."""
        armed = self.query_one("#kiosk-armed", Static)
        armed.update(text)
        armed.set_class(not text, "-empty")

    def action_issue(self, index: int) -> None:
        if index >= len(self.services):
            return
        reason, self.pending_reason = self.pending_reason, None
        self._show_armed()
        self._issue(self.services[index].code, reason)

    @work(thread=True, group="kiosk-issue", exit_on_error=False)
    def _issue(self, code: str, reason: str | None) -> None:
        try:
            issued = issue(self.ctx, code, reason)
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error")
            return
        self.app.call_from_thread(self._show_issued, issued)

    def _show_issued(self, issued: Any) -> None:
        self.last_issued = issued
        svc = next(s for s in self.ctx.settings.queue.services
                   if s.code == issued.ticket.service_code)
        self.query_one("#kiosk-number", Digits).update(issued.ticket.label)
        ahead = t("queue.kiosk.ahead", service=escape(svc.name), n=issued.people_ahead)
        if issued.wait_minutes is not None:
            ahead += "\n" + t("lobby.kiosk.wait", m=issued.wait_minutes)
        reason = issued.ticket.priority_reason
        self.query_one("#kiosk-priority", Static).update(
            t("queue.counter.priority", reason=t(f"queue.reason.{reason}")) if reason else "")
        self.query_one("#kiosk-ahead", Static).update(ahead)
        note = t(issued.print_note) if issued.print_note else t("queue.kiosk.take_ticket")
        self.query_one("#kiosk-note", Static).update(note)
        self.query_one("#kiosk-result").remove_class("-empty")
        if self._clear_timer is not None:
            self._clear_timer.stop()
        self._clear_timer = self.set_timer(CLEAR_AFTER_SECONDS, self._clear)
        self.refresh_services()

    def card_scanned(self, text: str) -> None:
        """A citizen scanned their ID card: greet them by name (the card is read, checked and
        audited; nothing of it is kept at the kiosk)."""
        self.greet(text)

    @work(thread=True, group="kiosk-card", exit_on_error=False)
    def greet(self, text: str) -> None:
        try:
            card = scan_card(self.ctx, text, SYSTEM, where="kiosk")
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error")
            return
        self.app.call_from_thread(self._greeted, card["name"])

    def _greeted(self, name: str) -> None:
        self._say(t("qr.kiosk_hello", name=escape(name)))

    def _clear(self) -> None:
        self.query_one("#kiosk-result").add_class("-empty")

"""Small Textual apps for the queue's single-purpose terminals: the ticket kiosk, the
waiting-room display, one counter, the supervisor's day. Each opens one screen and nothing else
(a kiosk must not let a citizen wander into the office's data)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from desk.i18n import t
from screens.lazy import later
from screens.opening import OpeningScreen

if TYPE_CHECKING:
    from desk.services.context import DeskContext
    from desk.services.queue.announce import Announcer


class QueueApp(App[int]):
    TITLE = "Một Cửa Desk"
    CSS_PATH = str(Path(__file__).resolve().parent.parent / "screens" / "app.tcss")
    ENABLE_COMMAND_PALETTE = False
    SCREEN: ClassVar[str] = ""  # the screens/lazy.py name of the screen opened after the paint
    BINDINGS: ClassVar[list[BindingType]] = [  # descriptions are message keys (screens/base.py)
        Binding("f1", "show_keys", "key.keys", id="keys", tooltip="key.keys.tip"),
        Binding("f10", "quit", "key.quit", id="quit", tooltip="key.quit.tip"),
    ]

    def __init__(self, ctx: DeskContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.title = t("app.title")
        self.sub_title = ctx.settings.office.name

    def make_screen(self) -> Screen[object]:
        raise NotImplementedError

    def opening_text(self) -> str:
        """The line painted first while the database stack and the screen named by
        SCREEN (screens/lazy.py) load behind it; "" paints the screen at once (the
        TV)."""
        return ""

    def on_mount(self) -> None:
        text = self.opening_text()
        self.push_screen(OpeningScreen(text) if text else self.make_screen())

    def on_ready(self) -> None:
        if isinstance(self.screen, OpeningScreen):  # the stack after the first paint
            self.call_after_refresh(self._load_screen)

    @work(thread=True, exit_on_error=False, group="start")
    def _load_screen(self) -> None:
        try:
            later(self.SCREEN)  # the database stack and the screen's module, off the UI thread
        except Exception as e:  # said on screen, never an opening line for ever
            from desk.commands.crash import classify_exception  # the failure path only

            self.call_from_thread(self.notify, classify_exception(e)[0], severity="error",
                                  timeout=3600)
            raise
        self.call_from_thread(self._open)

    def _open(self) -> None:
        if isinstance(self.screen, OpeningScreen):
            self.switch_screen(self.make_screen())

    def action_show_keys(self) -> None:
        if self.screen.query("KeyPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()


class KioskApp(QueueApp, inherit_bindings=False):
    """The ticket kiosk, in the waiting room: no key closes it (not F10, nor Textual's Ctrl+Q
    and Ctrl+C, hence no inherited bindings), so a citizen or a hostile neighbour cannot quit
    it. No F1 either: the screen and its footer name every key a citizen uses. The
    administrator closes it from the system: SIGTERM (`systemctl stop`, `kill PID`) ends it
    cleanly (docs/waiting-room.md). A chip ID card scanned at the kiosk greets the citizen and
    never issues tickets (screens/scanner.py)."""

    BINDINGS: ClassVar[list[BindingType]] = []
    SCREEN = "kiosk"
    _gate: Any = None

    def opening_text(self) -> str:
        return t("queue.opening.kiosk")

    def on_mount(self) -> None:  # QueueApp's runs too: Textual calls each class's handler
        # The administrator's way out, the terminal handed back rather than left garbled.
        # Windows has no such handler: there the console window is closed.
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self.exit)

    def on_unmount(self) -> None:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGTERM)

    def make_screen(self) -> Screen[object]:
        return cast("Screen[object]", later(self.SCREEN)())

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._gate is None:
                from screens.scanner import KioskGate

                self._gate = KioskGate(self, self._card_scanned)
            if self._gate.take(event):
                return
        await super().on_event(event)

    def _card_scanned(self, text: str) -> None:
        handler = getattr(self.screen, "card_scanned", None)
        if callable(handler):
            handler(text)


class DisplayApp(QueueApp):
    """The waiting-room TV: calls, counters, waiting counts; never names or ID numbers."""

    def __init__(self, ctx: DeskContext, *, clips_dir: Path | None = None,
                 announcer: Announcer | None = None, sound: bool = True) -> None:
        super().__init__(ctx)
        if announcer is None:
            from desk.services.queue.announce import Announcer

            announcer = Announcer(clips_dir, enabled=sound)
        self.announcer = announcer

    def make_screen(self) -> Screen[object]:
        from screens.display import DisplayScreen

        return DisplayScreen(self.announcer)

    def on_unmount(self) -> None:
        self.announcer.close()


class CounterApp(QueueApp):
    SCREEN = "queue"

    def __init__(self, ctx: DeskContext, counter: int, *, clerk: str = "",
                 actor: Any = None) -> None:
        super().__init__(ctx)
        self.counter = counter
        self.clerk = clerk
        self.actor = actor  # who acts: the queue service checks queue.call / queue.manage

    def opening_text(self) -> str:
        return t("queue.opening.counter", counter=self.counter)

    def make_screen(self) -> Screen[object]:
        return cast("Screen[object]", later(self.SCREEN)(self.counter, clerk=self.clerk))


class SupervisorApp(QueueApp):
    SCREEN = "queue_board"

    def opening_text(self) -> str:
        return t("queue.opening.board")

    def make_screen(self) -> Screen[object]:
        return cast("Screen[object]", later(self.SCREEN)())

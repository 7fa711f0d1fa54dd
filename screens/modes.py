"""The App's wiring for the counter: modes (home, F2 intake, F3 search), the login at
start, F9 Telex/VNI, and the barcode scanner. DeskApp mixes `DeskModes` in, so the App
itself stays a few lines.

Leaving a screen that has unsaved input (`has_unsaved()`) asks first; the input is kept
either way, since each mode keeps its own screen stack.
"""

from __future__ import annotations

import contextlib
import inspect
import time
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import InvalidModeError, UnknownModeError, active_app
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen, Screen

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.context import load_stack
from screens.lazy import later
from screens.login import LoginScreen
from screens.widgets.telex_input import cycle_method, method_label

if TYPE_CHECKING:
    from desk.services.trust.actor import Actor
    from screens.scanner import ScanBuffer


def _login() -> Screen[Any]:
    return LoginScreen()


def _open(name: str) -> Screen[Any]:
    """A mode's screen, made when the mode is first entered (screens/lazy.py)."""
    screen: Screen[Any] = later(name)()
    return screen


def _queue() -> Screen[Any]:
    actor = getattr(active_app.get(), "actor", None)
    if actor is None or not actor.counter:  # action_goto asks first: never another's counter
        raise DomainError("queue.counter.not_chosen")
    screen: Screen[Any] = later("queue")(actor.counter, clerk=actor.name)
    return screen


MODES: dict[str, Any] = {"login": _login, "queue": _queue, **{
    name: partial(_open, name)
    for name in ("home", "intake", "search", "deadlines", "reports", "sync", "printers",
                 "notices")}}
IDLE_CHECK_SECONDS = 15.0
# The global keys that also act over a form or a question: key → the App's method
MODAL_KEYS = {"f1": "action_show_keys", "f10": "action_quit", "f12": "action_lock"}
SUPERVISOR_MODES = frozenset({"reports"})  # the services refuse clerks; the key is hidden too
MODE_BINDINGS: list[BindingType] = [
    Binding("f2", "goto('intake')", "mode.intake.key", id="mode.intake", tooltip="mode.intake.tip"),
    Binding("f3", "goto('search')", "mode.dossiers.key", id="mode.search",
            tooltip="mode.dossiers.tip"),
    Binding("f4", "goto('queue')", "mode.queue.key", id="mode.queue", tooltip="mode.queue.tip"),
    Binding("f5", "goto('deadlines')", "mode.deadlines.key", id="mode.deadlines",
            tooltip="mode.deadlines.tip"),
    Binding("f6", "goto('reports')", "mode.reports.key", id="mode.reports",
            tooltip="mode.reports.tip"),
    Binding("f7", "goto('sync')", "mode.sync.key", id="mode.sync", tooltip="mode.sync.tip"),
    # F8 is every form's save/confirm key (screens/keyplan.py): the printers have Ctrl+O.
    Binding("ctrl+o", "goto('printers')", "mode.printers.key", id="mode.printers",
            tooltip="mode.printers.tip"),
    Binding("f11", "goto('notices')", "mode.notices.key", id="mode.notices",
            tooltip="mode.notices.tip"),
    Binding("f12", "lock", "keyplan.lock", id="lock", tooltip="keyplan.lock.tip"),
    # No screen binds a mode key for its own work (screens/keyplan.py); Esc goes back, and
    # home from the base of a mode.
    Binding("escape", "goto('home')", "mode.home.key", id="mode.home", tooltip="mode.home.tip",
            show=False),
    Binding("f9", "cycle_input_method", "telex.key", id="telex", tooltip="telex.key.tip",
            priority=True),
]


class DeskModes:
    """Mixin for DeskApp (put it before App in the bases)."""

    MODES: ClassVar[dict[str, Any]] = MODES
    # The app starts on the login alone (docs/performance.md), as Textual's default screen: a
    # mode's first screen would make Textual parse every stylesheet twice more before the
    # paint (~13 ms). The home mode is built once a clerk is in; F12 opens the "login" mode.
    actor: Actor | None = None
    demo_accounts: list[dict[str, Any]] | None = None  # `desk demo`: shown on the login
    _scanner: ScanBuffer | None = None
    _scan_origin: tuple[Any, str] | None = None  # the focused Input and its value at a burst
    _last_input: float = 0.0  # time.monotonic() of the last key or click (the idle lock)

    def start_login(self) -> None:
        """Go home at once when someone is logged in already (tests set `actor`)."""
        if self.actor is not None:
            self._enter_home()

    def get_default_screen(self) -> Screen[Any]:
        return LoginScreen()

    def _enter_home(self) -> None:
        app: Any = self
        # The first login is the base of Textual's default mode: it stays, without its widgets.
        login = app.screen_stack[0] if app.current_mode == "_default" else None
        app.switch_mode("home")
        if login is not None:
            login.remove_children()
        with contextlib.suppress(UnknownModeError):  # the login is done: free its screen
            app.remove_mode("login")

    def logged_in(self, actor: Actor) -> None:
        """The login screen's answer: the clerk is in."""
        app: Any = self
        self.actor = actor
        self._enter_home()
        counter = t("login.counter_of", counter=actor.counter) if actor.counter else ""
        app.sub_title = " — ".join(x for x in (app.ctx.settings.office.name, actor.name, counter)
                                   if x)
        app.notify(t("login.welcome", name=actor.name), markup=False)
        app.refresh_bindings()
        app.run_worker(self._say_at_risk, thread=True, exit_on_error=False, group="login")

    def _say_at_risk(self) -> None:
        """At login the desk says what is at risk today (deadlines)."""
        load_stack()
        # modes.py is loaded before the first paint: the services come after the login
        from desk.services.deadlines.clock_check import describe_clock  # noqa: PLC0415
        from desk.services.deadlines.watch import at_risk_summary  # noqa: PLC0415

        app: Any = self
        text = at_risk_summary(app.ctx)
        if text:
            app.call_from_thread(app.notify, text, timeout=10, markup=False)
        _, clock = describe_clock(app.ctx)
        if clock:  # a wrong office clock (services/clock_check.py): said before any work
            app.call_from_thread(app.notify, clock, title=t("clock.status"), severity="warning",
                                 timeout=30, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lock":
            return self.actor is not None
        if action != "goto":
            return True
        if self.actor is None:
            return False  # modes open after login
        if parameters and parameters[0] in SUPERVISOR_MODES:
            return self.actor.role in ("supervisor", "admin")
        return True

    def action_goto(self, mode: str) -> None:
        app: Any = self
        if mode == "queue" and self.actor is not None and not self.actor.counter:
            self._ask_counter()
            return
        if mode == app.current_mode:
            while len(app.screen_stack) > 1 and not isinstance(app.screen, ModalScreen):
                app.pop_screen()
            return
        has_unsaved = getattr(app.screen, "has_unsaved", None)
        if callable(has_unsaved) and has_unsaved():
            def answered(leave: bool | None) -> None:
                if leave:
                    app.switch_mode(mode)

            confirm = later("confirm")
            app.push_screen(confirm(t("leave.question"), yes="leave.yes", no="leave.no"),
                            answered)
            return
        app.switch_mode(mode)

    def _ask_counter(self) -> None:
        """F4 for someone signed in at no counter (a supervisor): which counter this terminal
        calls for. Never a default: counter 1 is a clerk's, and two people would call for it."""
        from desk.services.trust.auth import login_choices  # noqa: PLC0415 — after the login

        app: Any = self
        counters = app.ctx.settings.queue.counters
        numbers = sorted(c.number for c in counters)
        usual: dict[int, list[str]] = {}
        for clerk in login_choices(app.ctx):  # whose counter each is, so none is taken twice
            if clerk["counter"]:
                usual.setdefault(clerk["counter"], []).append(clerk["name"])
        known = ", ".join(
            (c.name if c.name.endswith(str(c.number)) else f"{c.number} {c.name}")
            + (f" ({', '.join(usual[c.number])})" if c.number in usual else "")
            for c in counters)

        def answered(text: str | None) -> None:
            if not text or self.actor is None:
                app.notify(t("queue.counter.not_chosen"), severity="warning", timeout=10)
                return
            number = int(text) if text.isascii() and text.isdigit() else None
            if number not in numbers:
                app.notify(render_error(DomainError("queue.unknown_counter", counter=text,
                                                    counters=", ".join(map(str, numbers)))),
                           severity="error", timeout=10)
                return
            self.actor = replace(self.actor, counter=number)
            app.sub_title = " — ".join((app.ctx.settings.office.name, self.actor.name,
                                        t("login.counter_of", counter=number)))
            self.action_goto("queue")

        name = self.actor.name if self.actor is not None else ""
        app.push_screen(later("ask")(t("queue.counter.which", name=name, counters=known)),
                        answered)

    # -- lock / switch clerk ---------------------------------------------------------------

    def action_lock(self, idle: bool = False) -> None:
        """F12 (or the idle timer): the clerk leaves the desk. Every mode's screens are closed
        (intake's unsaved input stays in that clerk's own draft file) and the login is shown;
        the next clerk logs in without a restart."""
        app: Any = self
        if self.actor is None:
            return
        for screen in app.screen_stack:
            flush = getattr(screen, "flush_draft", None)
            if callable(flush):
                flush()
        from desk.services.trust.auth import lock  # noqa: PLC0415 — after the login, as above

        lock(app.ctx, self.actor, idle=idle)  # audited with the clerk and the counter
        self.actor = None
        app.sub_title = app.ctx.settings.office.name
        with contextlib.suppress(InvalidModeError):  # removed once a clerk logged in
            app.add_mode("login", MODES["login"])
        app.switch_mode("login")
        for mode in MODES:  # the next clerk starts from fresh screens
            if mode != "login":
                with contextlib.suppress(UnknownModeError):
                    app.remove_mode(mode)
                app.add_mode(mode, MODES[mode])
        app.clear_notifications()
        app.notify(t("lock.idle" if idle else "lock.done"), markup=False)
        app.refresh_bindings()

    def idle_limit(self) -> float:
        """Seconds without a key before the desk locks itself (0: never)."""
        app: Any = self
        return float(getattr(app.ctx.settings.office, "idle_lock_minutes", 10) or 0) * 60

    def lock_if_idle(self, now: float | None = None) -> bool:
        """Lock when nobody pressed a key for `idle_limit()`; whether it locked."""
        limit = self.idle_limit()
        if self.actor is None or limit <= 0:
            return False
        now = time.monotonic() if now is None else now
        if now - self._last_input < limit:
            return False
        self.action_lock(idle=True)
        return True

    def action_cycle_input_method(self) -> None:
        app: Any = self
        method = cycle_method(app)
        app.notify(t("telex.now", method=method_label(method)), timeout=2)

    def open_dossier(self, code: str) -> None:
        app: Any = self
        dossier_screen = later("dossier")
        current = app.screen
        if isinstance(current, dossier_screen) and current.code == code:
            return
        app.push_screen(dossier_screen(code))

    def start_idle_watch(self) -> None:
        app: Any = self
        self._last_input = time.monotonic()
        app.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)

    async def on_event(self, event: events.Event) -> None:
        app: Any = self
        if isinstance(event, events.Key | events.MouseDown):
            self._last_input = time.monotonic()
        if isinstance(event, events.Key) and not event.is_forwarded \
                and isinstance(app.screen, ModalScreen) and event.key in MODAL_KEYS \
                and self.actor is not None:
            # Textual stops the App's keys at a modal screen; F1, F10 and F12 mean the same
            # in a form or a question as everywhere else (screens/keyplan.py)
            event.stop()
            event.prevent_default()
            done = getattr(self, MODAL_KEYS[event.key])()
            if inspect.isawaitable(done):  # Textual's action_quit is a coroutine
                await done
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._scanner is None:
                # the scanner's rules load at the first key, not before the first paint
                self._scanner = later("scanner").ScanBuffer()
            scanner = self._scanner
            if scanner.starts_burst(event.time):
                self._release_held()
                focused = app.focused
                self._scan_origin = (focused, str(getattr(focused, "value", "")))
            typed = scanner.observe(event)
            if typed and self.actor is not None and not isinstance(app.screen, ModalScreen):
                scan = later("scanner")
                if scan.is_card(typed):
                    self._card_scanned(typed)
                    return  # the scanner's Enter goes no further
                scan.take_back(app.focused, typed)
                self.open_dossier(scan.scanned_code(typed))
                return  # the scanner's Enter goes no further
            if scanner.holding and event.is_printable:
                scanner.held.append(event.character or "")
                return  # a card's text is not typed into the focused field
        await super().on_event(event)  # type: ignore[misc]

    def _release_held(self) -> None:
        """A burst held as a card's text slowed down before an Enter: a person typed it."""
        held = self._scanner.release() if self._scanner else []
        focused = self._scan_origin[0] if self._scan_origin else None
        if held and focused is not None and hasattr(focused, "insert_text_at_cursor"):
            focused.insert_text_at_cursor("".join(held))

    def _card_scanned(self, typed: str) -> None:
        """Put the focused field back as it was, and hand the card to the screen."""
        app: Any = self
        handler = getattr(app.screen, "card_scanned", None)

        def fill() -> None:
            if callable(handler):
                handler(typed)
            else:
                app.notify(t("qr.scan_at_intake"), timeout=4)

        focused, value = self._scan_origin or (None, "")
        later("scanner").restore(focused, value, fill)

"""The Textual App: modes, global keys, command palette. Thin: screens do the work, services
hold the rules, and the background services (printing, sync, backups) start here."""

from __future__ import annotations

import gc
import time
from datetime import date
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette

from desk import STARTED_AT
from desk.i18n import render_error, t
from desk.services.context import load_stack
from screens.lazy import later
from screens.login import LoginScreen
from screens.modes import MODE_BINDINGS, DeskModes
from screens.widgets.textual_texts import DeskCommandPalette, DeskCommandsProvider

if TYPE_CHECKING:
    from desk.services.context import DeskContext


class DeskApp(DeskModes, App[int]):
    TITLE = "Một Cửa Desk"
    # counter.tcss too, though only the counter screens use it: a screen bringing its own file
    # makes Textual re-parse every stylesheet of the app (~15 ms each time, at the first paint).
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        str((Path(__file__).parent.parent / "screens" / name).resolve())
        for name in ("app.tcss", "counter.tcss")]
    ENABLE_COMMAND_PALETTE = True
    # the palette offers the desk's own commands, found with or without accents
    COMMANDS: ClassVar[set[Any]] = {DeskCommandsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [  # descriptions are message keys (screens/base.py)
        Binding("f1", "show_keys", "key.keys", id="keys", tooltip="key.keys.tip"),
        Binding("f10", "quit", "key.quit", id="quit", tooltip="key.quit.tip"),
        *MODE_BINDINGS,  # F2 intake … F7 sync, F9 Telex/VNI, F12 lock (screens/keyplan.py)
    ]
    show_status = True  # the deadline and sync line under every screen's header

    def __init__(self, ctx: DeskContext, *, background: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.background = background  # tests drive the app without threads behind it
        self.print_pool: Any = None
        self.background_sync: Any = None
        self.notice_worker: Any = None  # notices to phones (issue 17)
        self._collect_after_paint = False
        self.demo_seed = ""  # `desk demo`: "office" or "dossiers", seeded behind the login
        self.title = t("app.title")
        self.sub_title = ctx.settings.office.name

    def on_mount(self) -> None:
        self.log(f"ready after {self._ready_time(STARTED_AT):.0f} ms")
        self.start_idle_watch()  # the desk locks itself after office.idle_lock_minutes
        self.start_login()  # the home screen is the "home" mode's base, under the login

    def on_load(self) -> None:
        # No garbage collection until the login is painted: nearly every object made at the
        # start lives on, and collecting them cost ~20 ms of the first paint (bench_tui).
        self._collect_after_paint = gc.isenabled()
        gc.disable()

    def _collect_again(self) -> None:
        if self._collect_after_paint:
            gc.enable()
            self._collect_after_paint = False

    def on_ready(self) -> None:
        # Ready comes after the first layout, before the paint: threads started now would
        # compete with the paint for the interpreter (~25 ms of CPU, bench/bench_tui.py).
        self.call_after_refresh(self.after_first_paint)

    def after_first_paint(self) -> None:
        self._collect_again()
        if self.demo_seed:  # the background services start once the office is seeded
            self.seed_demo_office(self.demo_seed == "dossiers")
        elif self.background:  # the login is on screen before any of it
            self.start_background()
            self.warm_documents()

    @staticmethod
    def _ready_time(started: float) -> float:
        return (time.perf_counter() - started) * 1000

    @work(thread=True, exit_on_error=False, group="start")
    def start_background(self) -> None:
        """After the first paint: check the file, log, back up, print, sync."""
        load_stack()
        from desk.services.logging_setup import setup_logging
        from desk.services.trust import backup

        health = backup.quick_check(self.ctx)
        if not health.ok:  # say it plainly and touch nothing; the admin restores
            self.call_from_thread(self.notify, health.message(), title=t("app.damaged"),
                                  severity="error", timeout=3600)
            return
        setup_logging(self.ctx)
        from desk.services.printing import worker as print_worker
        from desk.sync.runner import BackgroundSync

        self.print_pool = print_worker.start(self.ctx)
        self.background_sync = BackgroundSync(self.ctx)
        self.background_sync.start()
        from desk.services.notify import worker as notice_worker

        self.notice_worker = notice_worker.start(self.ctx)  # None without [notify] channels
        backup.auto_backup_if_due(self.ctx)  # what is at risk today is said at login

    @work(thread=True, exit_on_error=False, group="demo")
    def seed_demo_office(self, dossiers: bool) -> None:
        """`desk demo` after the first paint: the office and its clerks, which the login then
        lists, and the demo dossiers after them."""
        load_stack()
        from desk.services.demo import seed_demo
        from desk.services.demo_dossiers import seed_demo_dossiers

        try:
            seed_demo(self.ctx, dossiers=False)
            self.call_from_thread(self._clerks_seeded)
            if dossiers:
                seed_demo_dossiers(self.ctx)
                self.call_from_thread(self._dossiers_seeded)
        except Exception as e:  # said on screen, never a silent empty login
            from desk.commands.crash import classify_exception  # the failure path only

            message = render_error(e) if getattr(e, "key", None) else classify_exception(e)[0]
            self.call_from_thread(self.notify, message, severity="error", timeout=3600)
            raise
        if self.background:
            self.call_from_thread(self.start_background)
            self.call_from_thread(self.warm_documents)

    def _dossiers_seeded(self) -> None:
        """A clerk quick to log in saw the counts of a half-seeded office: count again."""
        for badge in self.screen.query("DeadlineBadge"):  # by name: loaded after the login
            badge.refresh_counts()  # type: ignore[attr-defined]

    def _clerks_seeded(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, LoginScreen):
                screen.load_clerks()

    @work(thread=True, exit_on_error=False, group="start")
    def warm_documents(self) -> None:
        """After the first paint: the PDF engine warmed once for the process, so the first A4
        document a clerk asks for appears as fast as the next one (issue 19)."""
        prewarm_documents(self.ctx)

    def on_unmount(self) -> None:
        self._collect_again()  # an app that never painted
        if self.print_pool is not None:
            self.print_pool.stop()
        if self.background_sync is not None:
            self.background_sync.stop()
        if self.notice_worker is not None:
            self.notice_worker.stop.set()

    def action_command_palette(self) -> None:
        """Textual's palette, in the desk's language (screens/widgets/textual_texts.py)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(DeskCommandPalette(id="--command-palette"))

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Desk messages are plain text: "[sync]" in a sentence must not vanish as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_show_keys(self) -> None:
        """F1: the key plan and this screen's keys (screens/keyplan.py)."""
        later("open_keys")(self)


def prewarm_documents(ctx: DeskContext | None = None) -> None:
    """Load what the first A4 document needs — the database stack, the letter's service, fpdf2
    and the shipped faces — and make one throw-away page (printers/pdf/warm.py); with `ctx`,
    the statutory holidays of this year and the next too (a letter's new date is checked
    against them: importing `holidays` and computing a year is ~0.5 s)."""
    load_stack()
    from desk.services.deadlines import apology  # noqa: F401 — the import is the point
    from printers.pdf.warm import warm

    warm()
    if ctx is not None:
        today = ctx.local_now().date()
        for year in (today.year, today.year + 1):
            ctx.calendar.day_info(date(year, 1, 1))

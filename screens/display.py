"""The waiting-room display: the number being called and its counter in large digits, the last
few calls, how many wait per service, the clock. Numbers and counters only: never a name or an
ID number.

A background thread polls `PRAGMA data_version` on its own connection every ~200 ms; when
another process has committed it reads the new calls, announces them, and highlights the newest.
A busy or missing database never blanks the screen: the last state stays, with a note.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from typing import TYPE_CHECKING, Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Digits, Static
from textual.worker import get_current_worker

from desk.i18n import t
from desk.services.clock import wall_seconds
from screens.base import DeskScreen

if TYPE_CHECKING:
    from desk.services.queue.announce import Announcer
    from desk.services.queue.tickets import CallView, DisplaySnapshot

POLL_SECONDS = 0.2
HIGHLIGHT_SECONDS = 10.0
RECENT = 5
DIGIT_CHARS = frozenset(" 0123456789ABCDEF")


class DisplayScreen(DeskScreen):
    DEFAULT_CSS = """
    DisplayScreen { background: $background; }
    DisplayScreen #dsp-top { height: 1; padding: 0 1; background: $primary; color: $text; }
    DisplayScreen #dsp-office { width: 1fr; text-style: bold; }
    DisplayScreen #dsp-clock { width: auto; text-style: bold; }
    DisplayScreen #dsp-main { height: 1fr; }
    DisplayScreen #dsp-call { width: 2fr; height: 100%; align: center middle;
        border: heavy $primary; padding: 1 2; }
    DisplayScreen #dsp-call.-fresh { border: heavy $warning; background: $warning 20%; }
    DisplayScreen .dsp-caption { width: 100%; content-align: center middle; text-style: bold; }
    DisplayScreen #dsp-number, DisplayScreen #dsp-counter { width: 100%; text-align: center;
        text-style: bold; }
    DisplayScreen #dsp-number-text, DisplayScreen #dsp-counter-text { width: 100%;
        content-align: center middle; text-style: bold; }
    DisplayScreen #dsp-side { width: 1fr; height: 100%; padding: 0 1; }
    DisplayScreen #dsp-recent { height: auto; }
    DisplayScreen #dsp-waiting { height: auto; margin-top: 1; }
    DisplayScreen #dsp-note { height: 1; padding: 0 1; color: $text-muted; }
    DisplayScreen #dsp-note.-stale { color: $error; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "mute", "queue.key.mute", id="display.mute", tooltip="queue.key.mute.tip"),
    ]

    def __init__(self, announcer: Announcer | None = None) -> None:
        super().__init__()
        self.announcer = announcer
        self.snapshot: DisplaySnapshot | None = None
        self.stale = False
        self.last_seq = 0
        self.shown: deque[tuple[int, str, float]] = deque(maxlen=1000)  # seq, label, time.time()
        self._highlight: Any = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="dsp-top"):
            yield Static(escape(self.ctx.settings.office.name), id="dsp-office")
            yield Static(id="dsp-clock")
        with Horizontal(id="dsp-main"):
            with Vertical(id="dsp-call"):
                yield Static(t("queue.display.inviting"), classes="dsp-caption")
                yield Digits("", id="dsp-number")
                yield Static("", id="dsp-number-text")
                yield Static(t("queue.display.to_counter"), classes="dsp-caption")
                yield Digits("", id="dsp-counter")
            with Vertical(id="dsp-side"):
                yield Static(f"[b]{t('queue.display.recent')}[/b]")
                yield DataTable(id="dsp-recent", cursor_type="none", show_cursor=False)
                yield Static(id="dsp-waiting")
        yield Static(id="dsp-note")

    def on_mount(self) -> None:
        table = self.query_one("#dsp-recent", DataTable)
        table.add_column(t("queue.display.col.number"), key="number")
        table.add_column(t("queue.display.col.counter"), key="counter")
        self.query_one("#dsp-number-text").display = False
        self._clock()
        self.set_interval(1.0, self._clock)
        self._show_note()
        self.watch_feed()

    def _clock(self) -> None:
        now = self.ctx.local_now()
        self.query_one("#dsp-clock", Static).update(f"{now:%H:%M:%S  %d/%m/%Y}")

    # ------------------------------------------------------------ polling (worker thread)

    @work(thread=True, exclusive=True, group="display-feed", exit_on_error=False)
    def watch_feed(self) -> None:
        # the waiting-room TV paints first: tickets.py loads SQLAlchemy (in this thread)
        from desk.services.queue.tickets import QueueFeed  # noqa: PLC0415

        worker = get_current_worker()
        feed = None
        first = True
        while not worker.is_cancelled:
            try:
                if feed is None:
                    feed = QueueFeed(self.ctx.settings.database_path)
                if feed.changed():
                    day = self.ctx.local_now().date()
                    snap = feed.snapshot(day, RECENT)
                    new = [] if first else feed.calls_after(day, self.last_seq)
                    self.last_seq = snap.last_seq
                    first = False
                    self.app.call_from_thread(self.apply, snap, new, False)
            except sqlite3.Error:
                # busy, locked, not yet created: keep the last state, try again next tick
                if feed is not None:
                    feed.reset()  # read everything again once it answers
                if not self.stale:
                    self.app.call_from_thread(self.apply, None, [], True)
            time.sleep(POLL_SECONDS)
        if feed is not None:
            feed.close()

    # ------------------------------------------------------------ showing (UI thread)

    def apply(self, snap: DisplaySnapshot | None, new: list[CallView], stale: bool) -> None:
        if self.stale != stale:
            self.stale = stale
            self._show_note()
        if snap is None:
            return
        self.snapshot = snap
        calls = snap.calls
        number, counter = self.query_one("#dsp-number", Digits), \
            self.query_one("#dsp-counter", Digits)
        text = self.query_one("#dsp-number-text", Static)
        if calls:
            top = calls[0]
            digits_ok = set(top.label.upper()) <= DIGIT_CHARS
            number.display, text.display = digits_ok, not digits_ok
            number.update(top.label if digits_ok else "")
            text.update(f"[b]{escape(top.label)}[/b]")
            counter.update(str(top.counter))
        else:
            number.update("")
            counter.update("")
        table = self.query_one("#dsp-recent", DataTable)
        table.clear()
        for c in calls:
            table.add_row(c.label, str(c.counter))
        names = [(s.name, s.prefix, snap.waiting.get(s.code, 0))
                 for s in self.ctx.settings.queue.services]
        self.query_one("#dsp-waiting", Static).update(
            f"[b]{t('queue.display.waiting')}[/b]\n" + "\n".join(
                t("queue.display.waiting_line", name=escape(n), prefix=p, n=w)
                for n, p, w in names))
        now = wall_seconds()  # compared with stamps of other processes (bench)
        for c in new:
            self.shown.append((c.seq, c.label, now))
            if self.announcer is not None:
                self.announcer.announce(c.label, c.counter)
        if new:
            self._fresh()

    def _fresh(self) -> None:
        box = self.query_one("#dsp-call")
        box.add_class("-fresh")
        if self._highlight is not None:
            self._highlight.stop()
        self._highlight = self.set_timer(HIGHLIGHT_SECONDS, lambda: box.remove_class("-fresh"))

    def _show_note(self) -> None:
        note = self.query_one("#dsp-note", Static)
        parts = []
        if self.stale:
            parts.append(t("queue.display.stale"))
        if self.announcer is not None:
            if not self.announcer.enabled:
                parts.append(t("queue.display.muted"))
            elif self.announcer.backend == "silent":
                parts.append(t(self.announcer.note_key))
        note.update("  ·  ".join(parts))
        note.set_class(self.stale, "-stale")

    def action_mute(self) -> None:
        if self.announcer is not None:
            self.announcer.enabled = not self.announcer.enabled
            self._show_note()

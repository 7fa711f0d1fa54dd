"""The main screen: the office, today's date and whether it is a working day (kept current),
the modes this clerk can open."""

from __future__ import annotations

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from desk.i18n import t
from desk.services.context import load_stack
from screens.base import DeskScreen
from screens.keyplan import key_label
from screens.widgets.footer import DeskFooter
from screens.widgets.office_header import OfficeHeader

MODES = (  # (key, mode, message key): the mode keys of screens/keyplan.py
    ("f2", "intake", "mode.intake"),
    ("f3", "search", "mode.dossiers"),
    ("f4", "queue", "mode.queue"),
    ("f5", "deadlines", "mode.deadlines"),
    ("f6", "reports", "mode.reports"),
    ("f7", "sync", "mode.sync"),
    ("ctrl+o", "printers", "mode.printers"),
    ("f11", "notices", "mode.notices"),
    ("f12", "", "keyplan.f12"),
)
TODAY_REFRESH_SECONDS = 20.0  # the "Hôm nay … HH:MM" line follows the clock


class HomeScreen(DeskScreen):
    """The base of the "home" mode, built once a clerk is in (the app starts on the login)."""

    def compose(self) -> ComposeResult:
        yield OfficeHeader(show_clock=True)  # office time, not the machine's (UTC)
        with Vertical(id="home"):
            yield Static(id="office")
            yield Static(id="today")
            yield Static(id="modes")
        yield DeskFooter()

    def on_mount(self) -> None:
        office = self.ctx.settings.office
        self.query_one("#office", Static).update(
            f"[b]{_escape(office.name)}[/b]\n{t('home.office_id')}: {_escape(office.id)}"
        )
        self.query_one("#modes", Static).update("\n".join(self.mode_lines()))
        self.call_after_refresh(self._load_today)  # database and holidays after the first paint
        self.set_interval(TODAY_REFRESH_SECONDS, self._load_today)

    def mode_lines(self) -> list[str]:
        """The modes this clerk can open, with their keys (a clerk has no F6 dashboard)."""
        lines = []
        for key, mode, name in MODES:
            if mode and self.app.check_action("goto", (mode,)) is False:
                continue
            lines.append(f"[b]{key_label(key)}[/b]  {t(name)}")
        return lines

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def _load_today(self) -> None:
        load_stack()
        now = self.ctx.local_now()
        info = self.ctx.calendar.day_info(now.date())
        # The reason names the kind of day ("Ngày làm việc", "Nghỉ cuối tuần", "Nghỉ lễ, Tết:
        # …"): said once, not "ngày làm việc (Ngày làm việc)".
        reason = t(info.reason_key, note=info.note, date=now.date().isoformat())
        text = f"{t('home.today')}: {now:%d/%m/%Y %H:%M} — {_escape(reason)}"
        self.app.call_from_thread(self.query_one("#today", Static).update, text)


def _escape(text: str) -> str:
    return escape(text)

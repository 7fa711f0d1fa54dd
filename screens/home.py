"""The main screen: the office, today's date and whether it is a working day, the modes."""

from __future__ import annotations

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from desk.i18n import t
from desk.services.context import load_stack
from screens.base import DeskScreen
from screens.modes import READY
from screens.widgets.footer import DeskFooter
from screens.widgets.office_header import OfficeHeader

MODES = (  # (key, message key) — the screens the coming issues add
    ("F2", "mode.intake"),
    ("F3", "mode.dossiers"),
    ("F4", "mode.queue"),
    ("F5", "mode.deadlines"),
    ("F6", "mode.reports"),
    ("F7", "mode.sync"),
    ("F8", "mode.printers"),
)


class HomeScreen(DeskScreen):
    """The base of the "home" mode, built once a clerk is in (the app starts in "login")."""

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
        lines = [f"[b]{key}[/b]  {t(name)}" + ("" if key in READY else
                                                f"  [dim]({t('home.coming')})[/dim]")
                 for key, name in MODES]
        self.query_one("#modes", Static).update("\n".join(lines))
        self.call_after_refresh(self._load_today)  # database and holidays after the first paint

    @work(thread=True, exclusive=True, exit_on_error=False, group="home")
    def _load_today(self) -> None:
        load_stack()
        now = self.ctx.local_now()
        info = self.ctx.calendar.day_info(now.date())
        kind = t("cli.working") if info.working else t("cli.not_working")
        reason = t(info.reason_key, note=info.note, date=now.date().isoformat())
        text = f"{t('home.today')}: {now:%d/%m/%Y %H:%M} — {kind} ({_escape(reason)})"
        self.app.call_from_thread(self.query_one("#today", Static).update, text)


def _escape(text: str) -> str:
    return escape(text)

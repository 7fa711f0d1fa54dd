"""Notices to citizens' phones (the "notices" mode): waiting, sending, sent, delivered,
failed — and a key to send a failed one again. The list refreshes itself every few seconds;
the sending happens in the notice worker, never here."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from desk.i18n import t
from desk.services.notify import notices
from screens.base import DeskScreen
from screens.widgets.footer import DeskFooter

REFRESH_SECONDS = 5.0
STATUS_STYLE = {"waiting": "yellow", "sending": "cyan", "sent": "", "delivered": "green",
                "failed": "bold red"}


class NoticesScreen(DeskScreen):
    DEFAULT_CSS = """
    NoticesScreen #notices-title, NoticesScreen #notices-counts { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "resend", "notify.screen.resend", id="notices.resend",
                tooltip="notify.screen.resend.tip"),
        Binding("m", "refresh", "notify.screen.refresh", id="notices.refresh",
                tooltip="notify.screen.refresh.tip"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("notify.screen.title"), id="notices-title", classes="screen-top")
        yield Static(id="notices-counts")
        yield DataTable(id="notices", cursor_type="row", zebra_stripes=True)
        yield DeskFooter()

    def on_mount(self) -> None:
        table = self.query_one("#notices", DataTable)
        for key in ("time", "phone", "channel", "status", "text", "error"):
            table.add_column(t(f"notify.col.{key}"), key=key)
        self.action_refresh()
        self.set_interval(REFRESH_SECONDS, self.action_refresh)

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="notices")
    def load(self) -> None:
        rows = notices.list_notices(self.ctx)
        counts = notices.summary(self.ctx)["counts"]
        self.app.call_from_thread(self._show, rows, counts)

    def _show(self, rows: list[dict[str, Any]], counts: dict[str, int]) -> None:
        self.rows = rows
        self.query_one("#notices-counts", Static).update(
            Text(t("notify.screen.counts", waiting=counts["waiting"], sending=counts["sending"],
                   sent=counts["sent"], delivered=counts["delivered"], failed=counts["failed"])
                 if rows else t("notify.screen.none")))
        table = self.query_one("#notices", DataTable)
        keep = table.cursor_row
        table.clear()
        tz = self.ctx.tz
        for n in rows:
            at = datetime.fromisoformat(n["created_at"]).astimezone(tz)
            table.add_row(f"{at:%H:%M %d/%m}", n["phone"], t(f"notify.channel.{n['channel']}"),
                          Text(t(f"notify.status.{n['status']}"),
                               style=STATUS_STYLE.get(n["status"], "")),
                          Text(n["text"][:60]), Text(n["last_error"][:40]), key=n["id"])
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))

    def action_resend(self) -> None:
        table = self.query_one("#notices", DataTable)
        if not self.rows or table.cursor_row is None:
            return
        n = self.rows[min(table.cursor_row, len(self.rows) - 1)]
        if n["status"] != "failed":
            self.notify(t("notify.screen.not_failed"), severity="warning")
            return
        self.resend(n["id"], n["phone"])

    @work(thread=True, exit_on_error=False, group="notices-resend")
    def resend(self, notice_id: str, phone: str) -> None:
        notices.resend(self.ctx, notice_id)
        self.app.call_from_thread(self.notify, t("notify.screen.resent", phone=phone))
        self.app.call_from_thread(self.action_refresh)

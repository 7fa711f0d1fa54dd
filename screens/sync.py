"""The sync screen: link state, events waiting, rejections and conflicts with both versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Header, Static

from desk.i18n import t
from desk.sync.status import outbox_rows, sync_status
from screens.base import DeskScreen
from screens.widgets.footer import DeskFooter


def kind_label(kind: str) -> str:
    """An outbox event's kind in words: a dossier action, a queue ticket's event, a rating."""
    if kind.startswith("ticket."):
        what = kind.removeprefix("ticket.")
        shown = t(f"ticket.event.{what}")
        if shown == f"ticket.event.{what}":
            shown = t("ticket.event.other")
        return t("syncscreen.kind.ticket", what=shown)
    if kind == "rating":
        return t("syncscreen.kind.rating")
    shown = t(f"action.{kind}")
    return shown if shown != f"action.{kind}" else t("syncscreen.kind.other", kind=kind)


class SyncScreen(DeskScreen):
    DEFAULT_CSS = """
    SyncScreen #sync-state { height: auto; padding: 0 1; margin-bottom: 1; }
    SyncScreen .sync-title { text-style: bold; padding: 0 1; }
    SyncScreen DataTable { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "sync_now", "syncscreen.key.now", id="sync.now",
                tooltip="syncscreen.key.now.tip"),
        Binding("m", "refresh", "syncscreen.key.refresh", id="sync.refresh",
                tooltip="syncscreen.key.refresh.tip"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static(id="sync-state")
            yield Static(t("syncscreen.waiting"), classes="sync-title")
            yield DataTable(id="sync-waiting", cursor_type="row")
            yield Static(t("syncscreen.rejected"), classes="sync-title")
            yield DataTable(id="sync-rejected", cursor_type="row")
            yield Static(t("syncscreen.conflicts"), classes="sync-title")
            yield DataTable(id="sync-conflicts", cursor_type="row")
        yield DeskFooter()

    def on_mount(self) -> None:
        cols = (t("syncscreen.col.seq"), t("syncscreen.col.dossier"), t("syncscreen.col.type"),
                t("syncscreen.col.at"), t("syncscreen.col.note"))
        for table_id in ("#sync-waiting", "#sync-rejected"):
            self.query_one(table_id, DataTable).add_columns(*cols)
        self.query_one("#sync-conflicts", DataTable).add_columns(
            t("syncscreen.col.dossier"), t("syncscreen.col.local"), t("syncscreen.col.server"),
            t("syncscreen.col.note"), t("syncscreen.col.at"))
        self.action_refresh()
        self.set_interval(5, self.action_refresh)

    def action_sync_now(self) -> None:
        runner = getattr(self.app, "background_sync", None)
        if runner is None or not runner.configured:
            self.notify(t("sync.not_configured"), severity="warning")
            return
        runner.sync_now()
        self.notify(t("syncscreen.started"))

    def action_refresh(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="sync-screen")
    def _load(self) -> None:
        status = sync_status(self.ctx)
        waiting = outbox_rows(self.ctx, ("pending", "sent"))
        rejected = outbox_rows(self.ctx, ("rejected",))
        self.app.call_from_thread(self._show, status, waiting, rejected)

    def _show(self, status: dict[str, Any], waiting: list[dict[str, Any]],
              rejected: list[dict[str, Any]]) -> None:
        runner = getattr(self.app, "background_sync", None)
        if runner is None or not runner.configured:
            link = t("syncscreen.link.none")
        elif runner.online is None:
            link = t("syncscreen.link.unknown")
        else:
            link = t("syncscreen.link.online") if runner.online else t("syncscreen.link.offline")
        scans = "\n" + t(  # a line for the scans still to send to the district
            "sync.attachments", pending=status["attachments_pending"],
            kb=-(-status["attachments_bytes_pending"] // 1024), done=status["attachments_done"],
            missing=status["attachments_missing"], failed=status["attachments_failed"])
        self.query_one("#sync-state", Static).update(t(
            "syncscreen.state", link=link, pending=status["pending"], acked=status["acked"],
            rejected=status["rejected"], conflicts=status["conflicts"],
            last=self._when(status["last_sync"]) or t("sync.never"),
            error=escape(status["last_error"] or "-")) + scans)
        for table_id, rows in (("#sync-waiting", waiting), ("#sync-rejected", rejected)):
            table = self.query_one(table_id, DataTable)
            table.clear()
            for r in rows:
                table.add_row(str(r["seq"]), r["dossier"], kind_label(r["type"]),
                              self._when(r["at"]),
                              escape(r["error"] or ""))
        conflicts = self.query_one("#sync-conflicts", DataTable)
        conflicts.clear()
        for c in status["conflict_list"]:
            conflicts.add_row(c["dossier"], kind_label(str(c["local"])), escape(str(c["server"])),
                              escape(str(c["reason"])), self._when(c["at"]))

    def _when(self, iso: str | None) -> str:
        """"2026-12-04T09:30:00+07:00" → "09:30 04/12/2026", office time, as everywhere."""
        if not iso:
            return ""
        try:
            return datetime.fromisoformat(str(iso)).astimezone(self.ctx.tz).strftime(
                "%H:%M %d/%m/%Y")
        except ValueError:
            return str(iso)

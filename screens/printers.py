"""The printers screen: each printer's state and the recent print jobs; any job can be reprinted.

Keys: r reprints the selected job (a new job marked "BẢN IN LẠI"), v shows its transcript,
f filters the jobs by dossier code (Enter applies, an empty code shows all), g re-reads.
Everything is read and written in thread workers through desk.services.printing.spooler.
"""

from __future__ import annotations

import uuid
from datetime import datetime, tzinfo
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Input, Static

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.printing import spooler as printing
from printers.escpos.decode import decode_text
from screens.base import DeskScreen, translate_bindings
from screens.widgets.footer import DeskFooter
from storage.engine import read_session
from storage.tables import PrintJob

JOB_LIMIT = 100
STATE_STYLE = {"ok": "green", "near_end": "yellow", "silent": "bold red", "offline": "bold red",
               "cover_open": "bold red", "paper_out": "bold red", "error": "bold red",
               "unknown": "dim"}
JOB_STYLE = {"queued": "yellow", "sending": "yellow", "done": "green", "failed": "bold red",
             "expired": "dim"}


class TranscriptView(ModalScreen[None]):
    """A print job's transcript, shown as the paper would read; Escape or v closes."""

    DEFAULT_CSS = """
    TranscriptView { align: center middle; }
    TranscriptView > Vertical {
        width: 60; max-width: 95%; height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TranscriptView #pv-title { text-style: bold; height: auto; margin-bottom: 1; }
    TranscriptView VerticalScroll { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "close", "printers.key.close", id="printers.preview.close",
                tooltip="printers.key.close.tip"),
    ]

    def __init__(self, title: str, transcript: str) -> None:
        super().__init__()
        self.title_text = title
        self.transcript = transcript

    @property
    def active_bindings(self):  # type: ignore[no-untyped-def]
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), id="pv-title")
            with VerticalScroll():
                yield Static(Text(self.transcript or t("printers.preview.empty")),
                             id="pv-text")
            yield DeskFooter()

    def action_close(self) -> None:
        self.dismiss(None)


class PrintersScreen(DeskScreen):
    DEFAULT_CSS = """
    PrintersScreen .pr-title { text-style: bold; padding: 0 1; }
    PrintersScreen #pr-printers { height: auto; max-height: 10; margin-bottom: 1; }
    PrintersScreen #pr-jobs { height: 1fr; }
    PrintersScreen #pr-filter { display: none; }
    PrintersScreen #pr-filter.shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "reprint", "printers.key.reprint", id="printers.reprint",
                tooltip="printers.key.reprint.tip"),
        Binding("v", "preview", "printers.key.preview", id="printers.preview",
                tooltip="printers.key.preview.tip"),
        Binding("f", "filter", "printers.key.filter", id="printers.filter",
                tooltip="printers.key.filter.tip"),
        Binding("m", "refresh", "printers.key.refresh", id="printers.refresh",
                tooltip="printers.key.refresh.tip"),
    ]
    AUTO_FOCUS = "#pr-jobs"

    def __init__(self) -> None:
        super().__init__()
        self.ref_filter = ""
        self.jobs: list[dict[str, Any]] = []
        self.printers: list[dict[str, Any]] = []
        self.loaded = 0  # how many times the tables were filled (tests wait on it)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static(t("printers.title.printers"), classes="pr-title")
            yield DataTable(id="pr-printers", cursor_type="row")
            yield Static(id="pr-jobs-title", classes="pr-title")
            yield Input(placeholder=t("printers.filter.placeholder"), id="pr-filter")
            yield DataTable(id="pr-jobs", cursor_type="row", zebra_stripes=True)
        yield DeskFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#pr-printers", DataTable).add_columns(
            *(t(f"printers.col.{c}") for c in ("printer", "kind", "state", "queued", "failed",
                                                "checked", "error")))
        self.query_one("#pr-jobs", DataTable).add_columns(
            *(t(f"printers.col.{c}") for c in ("when", "kind", "ref", "printer", "jstate",
                                                "attempts", "note")))
        self.action_refresh()
        self.set_interval(5, self.action_refresh)

    # -- loading ---------------------------------------------------------------------------

    def action_refresh(self) -> None:
        self._load(self.ref_filter)

    @work(thread=True, exclusive=True, exit_on_error=False, group="printers-screen")
    def _load(self, ref: str) -> None:
        # one source for a printer's state and its current error (what `desk printer
        # status` says too); a job's old error stays in the job list, not here
        states = printing.printer_states(self.ctx)
        recent = printing.jobs(self.ctx, ref=ref or None, limit=JOB_LIMIT)
        for p in states:
            p["last_error"] = p["error"]
        self.app.call_from_thread(self._show, states, recent, ref)

    def _show(self, states: list[dict[str, Any]], recent: list[dict[str, Any]],
              ref: str) -> None:
        self.printers = states
        printers = self.query_one("#pr-printers", DataTable)
        printers.clear()
        for p in states:
            printers.add_row(
                p["printer"], p["kind"],
                Text(t(f"print.state.{p['state']}"), style=STATE_STYLE.get(p["state"], "")),
                str(p["queued"]), str(p["failed"]), _when(p["checked_at"], self.ctx.tz),
                Text(p["last_error"] or ""), key=p["printer"])
        table = self.query_one("#pr-jobs", DataTable)
        keep = self.selected_job_id()
        self.jobs = recent
        table.clear()
        for j in recent:
            note = t("printers.reprint_of") if j["reprint_of"] else ""
            if j["last_error"]:
                note = f"{note} {j['last_error']}".strip()
            table.add_row(_when(j["created_at"], self.ctx.tz), t(f"printers.kind.{j['kind']}"),
                          Text(j["ref"] or "-"), j["printer"],
                          Text(t(f"printers.jstate.{j['state']}"),
                               style=JOB_STYLE.get(j["state"], "")),
                          str(j["attempts"]), Text(note), key=j["id"])
        if keep is not None:
            index = next((i for i, j in enumerate(recent) if j["id"] == keep), None)
            if index is not None:
                table.move_cursor(row=index)
        title = t("printers.title.jobs", n=len(recent))
        if ref:
            title += " — " + t("printers.filtered", ref=ref)
        self.query_one("#pr-jobs-title", Static).update(Text(title))
        self.loaded += 1

    def selected_job_id(self) -> str | None:
        table = self.query_one("#pr-jobs", DataTable)
        if not self.jobs or not table.row_count:
            return None
        row = table.cursor_row
        if 0 <= row < len(self.jobs):
            return str(self.jobs[row]["id"])
        return None

    # -- actions ---------------------------------------------------------------------------

    def action_reprint(self) -> None:
        job_id = self.selected_job_id()
        if job_id is None:
            self.notify(t("printers.no_selection"), severity="warning")
            return
        self._reprint(job_id)

    @work(thread=True, exclusive=False, exit_on_error=False, group="printers-reprint")
    def _reprint(self, job_id: str) -> None:
        try:
            printing.reprint(self.ctx, job_id)
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error",
                                      markup=False)
            return
        self.app.call_from_thread(self.notify, t("printers.reprinted"))
        self.app.call_from_thread(self.action_refresh)

    def action_preview(self) -> None:
        job_id = self.selected_job_id()
        if job_id is None:
            self.notify(t("printers.no_selection"), severity="warning")
            return
        self._load_transcript(job_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="printers-preview")
    def _load_transcript(self, job_id: str) -> None:
        job = printing.job(self.ctx, job_id)
        if job is None:
            self.app.call_from_thread(self.notify, t("print.no_job", job=job_id),
                                      severity="error", markup=False)
            return
        text = job["transcript"] or _decoded(self.ctx, job_id)
        title = t("printers.preview.title", kind=t(f"printers.kind.{job['kind']}"),
                  ref=job["ref"] or "-", printer=printing.printer_label(self.ctx, job["printer"]),
                  when=_when(job["created_at"], self.ctx.tz))
        self.app.call_from_thread(self.app.push_screen, TranscriptView(title, text))

    def action_filter(self) -> None:
        box = self.query_one("#pr-filter", Input)
        box.add_class("shown")
        box.value = self.ref_filter
        box.focus()

    @on(Input.Submitted, "#pr-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.ref_filter = event.value.strip().upper()
        box = self.query_one("#pr-filter", Input)
        if not self.ref_filter:
            box.remove_class("shown")
        self.query_one("#pr-jobs", DataTable).focus()
        self.action_refresh()


def _decoded(ctx: Any, job_id: str) -> str:
    """A job stored without a transcript: decode its ESC/POS bytes (not for PDF jobs)."""
    with read_session(ctx.engine) as s:
        row = s.get(PrintJob, uuid.UUID(job_id))
        if row is None or row.profile == "pdf" or not row.data:
            return ""
        data, name = row.data, row.printer
    try:
        profile = printing.printer_profile(ctx, name) if name in ctx.settings.printers else None
        return decode_text(data, profile)
    except Exception:  # a preview never breaks the screen
        return ""


def _when(value: datetime | None, tz: tzinfo) -> str:
    return "" if value is None else f"{value.astimezone(tz):%d/%m %H:%M:%S}"

"""The period report on screen: the table by field and procedure with the total, the rates,
the score, a chart over the days; keys to pick the period and to export every format."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Sparkline, Static

from desk.i18n import t
from desk.i18n.numbers import percent
from desk.services.reports.book import book_head, book_rows
from desk.services.reports.exports import default_path, render_book, render_report, write_file
from desk.services.reports.exports.table import (
    GOAL,
    VALUE_KEYS,
    column_label,
    rates,
    score_lines,
    table_rows,
)
from desk.services.reports.period import period_report
from screens.base import DeskScreen
from screens.counter_queue import AskModal
from screens.queue_supervisor import parse_day
from screens.widgets.bars import pair_bars
from screens.widgets.footer import DeskFooter


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return first, nxt - timedelta(days=1)


def parse_period(text: str) -> tuple[date, date] | None:
    """'01/11/2026 - 30/11/2026' (or ISO dates, or one day)."""
    parts = [p for p in text.replace("–", "-").replace(" - ", "|").replace(" đến ", "|")
             .split("|") if p.strip()]
    if len(parts) == 1:
        parts = parts * 2
    if len(parts) != 2:
        return None
    first, last = parse_day(parts[0]), parse_day(parts[1])
    if first is None or last is None or last < first:
        return None
    return first, last


def day_chart(days: list[Any]) -> str:
    """Received (█) and resolved (▒) per day."""
    return pair_bars([(f"{p.day:%d/%m}", p.received, p.resolved) for p in days], digits=4)


class ReportScreen(DeskScreen):
    DEFAULT_CSS = """
    ReportScreen #rep-title { height: 1; padding: 0 1; text-style: bold; }
    ReportScreen #rep-table { height: auto; max-height: 16; margin: 0 1; }
    ReportScreen #rep-rates { height: auto; padding: 0 1; margin-top: 1; }
    ReportScreen #rep-spark-title { height: 1; padding: 0 1; margin-top: 1; }
    ReportScreen #rep-spark { height: 3; margin: 0 1; }
    ReportScreen #rep-chart { height: auto; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "pick_period", "rep.key.period", id="rep.period",
                tooltip="rep.key.period.tip"),
        Binding("t", "shift_month(-1)", "rep.key.prev", id="rep.prev", tooltip="rep.key.prev.tip"),
        Binding("n", "shift_month(1)", "rep.key.next", id="rep.next", tooltip="rep.key.next.tip"),
        Binding("x", "export('xlsx')", "rep.key.xlsx", id="rep.xlsx", tooltip="rep.key.xlsx.tip"),
        Binding("p", "export('pdf')", "rep.key.pdf", id="rep.pdf", tooltip="rep.key.pdf.tip"),
        Binding("c", "export('csv')", "rep.key.csv", id="rep.csv", tooltip="rep.key.csv.tip"),
        Binding("j", "export('json')", "rep.key.json", id="rep.json", tooltip="rep.key.json.tip"),
        Binding("s", "export('book')", "rep.key.book", id="rep.book", tooltip="rep.key.book.tip"),
        Binding("escape", "back", "rep.key.back", id="rep.back", tooltip="rep.key.back.tip"),
    ]

    def __init__(self, first: date | None = None, last: date | None = None, *,
                 export_dir: Path | None = None) -> None:
        super().__init__()
        self.export_dir = export_dir  # default: settings.exports_dir (Documents)
        self.first = first
        self.last = last
        self.report: Any = None
        self.exported: list[str] = []  # paths written (the last one is shown in a notice)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("rep.loading"), id="rep-title")
        with VerticalScroll():
            yield DataTable(id="rep-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="rep-rates")
            yield Static(f"[b]{t('rep.spark')}[/b]", id="rep-spark-title")
            yield Sparkline([], id="rep-spark")
            yield Static(id="rep-chart")
        yield DeskFooter()

    def on_mount(self) -> None:
        table = self.query_one("#rep-table", DataTable)
        table.add_column(t("report.col.name"), key="name")
        for key in VALUE_KEYS:
            label = t(f"report.group.{key}") if key in ("received", "resolved",
                                                        "in_progress") else column_label(key)
            table.add_column(label, key=key)
        if self.first is None or self.last is None:
            self.first, self.last = month_of(self.ctx.local_now().date())
        self.refresh_report()

    @work(thread=True, exclusive=True, group="rep-compute", exit_on_error=False)
    def refresh_report(self) -> None:
        assert self.first is not None and self.last is not None
        report = period_report(self.ctx, self.first, self.last)
        self.app.call_from_thread(self._show, report)

    def _show(self, report: Any) -> None:
        self.report = report
        self.query_one("#rep-title", Static).update(
            t("rep.title", first=f"{report.first:%d/%m/%Y}", last=f"{report.last:%d/%m/%Y}"))
        table = self.query_one("#rep-table", DataTable)
        table.clear()
        for i, row in enumerate(table_rows(report)):
            indent = "  " if row.level == "procedure" else ""
            name = escape(f"{indent}{row.code} {row.name}".rstrip() if row.code else row.name)
            if row.level != "procedure":
                name = f"[b]{name}[/b]"
            table.add_row(name, *(row.cell(k) for k in VALUE_KEYS), key=f"{row.level}:{i}")
        lines = []
        for label, value in rates(report):
            shown = percent(value) if value is not None else t("report.na")
            extra = ""
            if label == t("report.rate.on_time"):
                extra = f"  [dim]({t('report.rate.goal', goal=percent(GOAL, 0))})[/dim]"
                if value is not None and value < GOAL:
                    shown = f"[red]{shown}[/red]"
            lines.append(f"{escape(label)}: [b]{shown}[/b]{extra}")
        lines.extend(escape(x) for x in score_lines(report))
        self.query_one("#rep-rates", Static).update("\n".join(lines))
        self.query_one("#rep-spark", Sparkline).data = [p.received for p in report.days] or [0]
        self.query_one("#rep-chart", Static).update(
            f"[b]{t('rep.chart')}[/b]\n{day_chart(report.days)}")

    def action_shift_month(self, delta: int) -> None:
        assert self.first is not None
        anchor = self.first.replace(day=1) + timedelta(days=32 if delta > 0 else -1)
        self.first, self.last = month_of(anchor)
        self.refresh_report()

    def action_pick_period(self) -> None:
        def answered(text: str | None) -> None:
            if not text:
                return
            period = parse_period(text)
            if period is None:
                self.notify(t("rep.bad_period", value=text), severity="error")
                return
            self.first, self.last = period
            self.refresh_report()

        current = f"{self.first:%d/%m/%Y} - {self.last:%d/%m/%Y}"
        self.app.push_screen(AskModal(t("rep.ask_period"), current), answered)

    @work(thread=True, group="rep-export", exit_on_error=False)
    def action_export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        folder = self.export_dir or self.ctx.settings.exports_dir
        try:
            if fmt == "book":
                data = render_book(book_rows(self.ctx, report.first, report.last),
                                   book_head(self.ctx, report.first, report.last), "xlsx",
                                   self.ctx.local_now())
                path = default_path(folder, "book", report.first, report.last, "xlsx")
            else:
                data = render_report(report, fmt)
                path = default_path(folder, "report", report.first, report.last, fmt)
            write_file(data, path)
        except (OSError, ValueError) as e:
            self.app.call_from_thread(self.notify, t("rep.export_failed", error=str(e)),
                                      severity="error")
            return
        self.exported.append(str(path))
        self.app.call_from_thread(self.notify, t("rep.exported", path=str(path)))

    def action_back(self) -> None:
        self.go_back()

"""The supervisor's queue day: tiles, per-service and per-counter tables, an hourly chart,
another day, CSV export."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Sparkline, Static

from desk.i18n import t
from desk.i18n.numbers import decimal
from desk.services.queue.tickets import export_csv, stats
from screens.base import DeskScreen
from screens.counter_queue import AskModal
from screens.widgets.bars import pair_bars
from screens.widgets.footer import DeskFooter


def _min(seconds: float | None) -> str:
    return "—" if seconds is None else decimal(seconds / 60)


def _pct(share: float | None) -> str:
    return "—" if share is None else decimal(share * 100, 0) + " %"


def parse_day(text: str) -> date | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def hour_chart(hours: list[Any]) -> str:
    """Arrivals (█) and peak queue (▒) for each hour."""
    return pair_bars([(f"{h.hour:02d}h", h.arrivals, h.queue_peak) for h in hours])


class QueueSupervisorScreen(DeskScreen):
    DEFAULT_CSS = """
    QueueSupervisorScreen #sup-title { height: 1; padding: 0 1; text-style: bold; }
    QueueSupervisorScreen #sup-tiles { grid-size: 9; grid-gutter: 0 1; height: 5;
        padding: 0 1; }
    QueueSupervisorScreen .sup-tile { border: round $primary; height: 5; content-align: center
        middle; text-align: center; }
    QueueSupervisorScreen .sup-tile.-alert { border: round $error; }
    QueueSupervisorScreen #sup-tables { height: auto; }
    QueueSupervisorScreen #sup-tables > Vertical { width: 1fr; height: auto; padding: 0 1; }
    QueueSupervisorScreen DataTable { height: auto; max-height: 10; }
    QueueSupervisorScreen #sup-spark { height: 3; margin: 0 1; }
    QueueSupervisorScreen #sup-chart { height: auto; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "pick_day", "queue.key.day", id="sup.day", tooltip="queue.key.day.tip"),
        Binding("f3", "shift_day(-1)", "queue.key.prev_day", id="sup.prev",
                tooltip="queue.key.prev_day.tip"),
        Binding("f4", "shift_day(1)", "queue.key.next_day", id="sup.next",
                tooltip="queue.key.next_day.tip"),
        Binding("f5", "refresh_stats", "queue.key.refresh", id="sup.refresh",
                tooltip="queue.key.refresh.tip"),
        Binding("f6", "export", "queue.key.export", id="sup.export",
                tooltip="queue.key.export.tip"),
    ]
    TILES = ("issued", "served", "waiting", "longest", "mean", "median", "p90", "within",
             "no_show")

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day
        self.stats: Any = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="sup-title")
        with Grid(id="sup-tiles"):
            for key in self.TILES:
                yield Static(id=f"tile-{key}", classes="sup-tile")
        with VerticalScroll():
            with Horizontal(id="sup-tables"):
                with Vertical():
                    yield Static(f"[b]{t('queue.sup.per_service')}[/b]")
                    yield DataTable(id="sup-services", cursor_type="row", zebra_stripes=True)
                with Vertical():
                    yield Static(f"[b]{t('queue.sup.per_counter')}[/b]")
                    yield DataTable(id="sup-counters", cursor_type="row", zebra_stripes=True)
            yield Static(f"[b]{t('queue.sup.queue_spark')}[/b]", id="sup-spark-title")
            yield Sparkline([], id="sup-spark")
            yield Static(id="sup-chart")
        yield DeskFooter()

    def on_mount(self) -> None:
        cols = ("key", "issued", "served", "no_show", "wait", "p90", "service", "within")
        for table_id, extra in (("#sup-services", ()), ("#sup-counters", ("per_hour",))):
            table = self.query_one(table_id, DataTable)
            for c in (*cols, *extra):
                table.add_column(t(f"queue.sup.col.{c}"), key=c)
        if self.day is None:
            self.day = self.ctx.local_now().date()
        self.action_refresh_stats()

    @work(thread=True, exclusive=True, group="sup-stats", exit_on_error=False)
    def action_refresh_stats(self) -> None:
        st = stats(self.ctx, self.day)
        self.app.call_from_thread(self._show, st)

    def _show(self, st: Any) -> None:
        self.stats = st
        self.query_one("#sup-title", Static).update(
            t("queue.sup.title", date=f"{st.day:%d/%m/%Y}"))
        target = min((s.wait_target_minutes for s in self.ctx.settings.queue.services),
                     default=15)
        values = {
            "issued": str(st.issued), "served": str(st.served), "waiting": str(st.waiting),
            "longest": _min(st.longest_wait), "mean": _min(st.wait.mean),
            "median": _min(st.wait.median), "p90": _min(st.wait.p90),
            "within": _pct(st.within_target), "no_show": _pct(st.no_show_rate),
        }
        for key, value in values.items():
            tile = self.query_one(f"#tile-{key}", Static)
            if key in ("longest", "mean", "median", "p90") and value != "—":
                value = t("queue.sup.minutes", n=value)
            tile.update(f"{t('queue.sup.' + key)}\n[b]{value}[/b]")
            alert = key == "longest" and st.longest_wait is not None and \
                st.longest_wait > target * 60
            tile.set_class(alert, "-alert")
        names = {s.code: s.name for s in self.ctx.settings.queue.services}
        for table_id, rows, counters in (("#sup-services", st.per_service, False),
                                         ("#sup-counters", st.per_counter, True)):
            table = self.query_one(table_id, DataTable)
            table.clear()
            for g in rows:
                label = g.key if counters else f"{g.key} {escape(names.get(g.key, ''))}"
                cells = [label, str(g.issued), str(g.served), str(g.no_show), _min(g.wait.mean),
                         _min(g.wait.p90), _min(g.service.mean), _pct(g.within_target)]
                if counters:
                    cells.append("—" if g.served_per_hour is None else decimal(g.served_per_hour))
                table.add_row(*cells, key=g.key)
        self.query_one("#sup-spark", Sparkline).data = [h.queue_peak for h in st.hours] or [0]
        chart = self.query_one("#sup-chart", Static)
        if not st.hours:
            chart.update(t("queue.sup.no_data"))
            return
        peak = ""
        if st.peak_at is not None:
            peak = "\n" + t("queue.sup.peak", n=st.peak_queue,
                            time=f"{st.peak_at.astimezone(self.ctx.tz):%H:%M}")
        chart.update(f"[b]{t('queue.sup.chart')}[/b]\n{hour_chart(st.hours)}{peak}")

    def action_shift_day(self, delta: int) -> None:
        assert self.day is not None
        self.day = self.day + timedelta(days=delta)
        self.action_refresh_stats()

    def action_pick_day(self) -> None:
        def answered(text: str | None) -> None:
            if not text:
                return
            d = parse_day(text)
            if d is None:
                self.notify(t("queue.sup.bad_day", value=text), severity="error")
                return
            self.day = d
            self.action_refresh_stats()

        self.app.push_screen(AskModal(t("queue.sup.ask_day"), f"{self.day:%d/%m/%Y}"), answered)

    @work(thread=True, group="sup-export", exit_on_error=False)
    def action_export(self) -> None:
        try:
            path = export_csv(self.ctx, self.day)
        except OSError as e:
            self.app.call_from_thread(self.notify, str(e), severity="error")
            return
        self.app.call_from_thread(self.notify, t("queue.sup.exported", path=str(path)))

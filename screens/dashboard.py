"""The supervisor's dashboard: one day at a glance — the queue, dossiers received, results due,
overdue, the on-time rate of the month against the 98 % goal, what the province is scored on
this month (the template's columns and the Decision 766 indicators, as `desk report --format
json` gives them), the sync state. N another day (ngày), H today (hôm nay), M reload, B the
month's report (báo cáo)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, ClassVar

from rich.markup import escape
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.widgets import Header, Static

from desk.i18n import t
from desk.i18n.numbers import decimal, integer, percent
from desk.services.reports.indicators import official
from desk.services.reports.period import glance, period_report, queue_day, sync_summary
from screens.base import DeskScreen
from screens.counter_queue import AskModal
from screens.queue_supervisor import parse_day
from screens.report import ReportScreen, month_of
from screens.widgets.footer import DeskFooter

TILES = ("q_issued", "q_served", "q_waiting", "q_mean", "received", "due", "overdue", "on_time",
         "sync")
# the official template's three groups of columns, each as (total, its parts)
TEMPLATE = (("received", ("online", "direct_postal", "carried_over")),
            ("resolved", ("early", "on_time", "late")),
            ("in_progress", ("within_time", "overdue")))
INDICATORS = ("on_time", "online", "digitised", "online_fees", "satisfaction")


class DashboardScreen(DeskScreen):
    DEFAULT_CSS = """
    DashboardScreen #dash-title { height: 1; padding: 0 1; text-style: bold; }
    DashboardScreen .dash-section { height: 1; padding: 0 1; margin-top: 1; color: $accent;
        text-style: bold; }
    DashboardScreen .dash-grid { grid-size: 4; grid-gutter: 0 1; height: 6; padding: 0 1; }
    DashboardScreen .dash-tile { border: round $primary; height: 6; content-align: center
        middle; text-align: center; }
    DashboardScreen .dash-tile.-alert { border: round $error; }
    DashboardScreen .dash-tile.-good { border: round $success; }
    /* 80 columns wrap the longer words: room for one wrapped line in each tile */
    DashboardScreen .dash-grid3 { grid-size: 3; grid-gutter: 0 1; height: 8; padding: 0 1; }
    DashboardScreen .dash-grid3 .dash-tile { height: 8; }
    DashboardScreen .dash-grid5 { grid-size: 5; grid-gutter: 0 1; height: 6; padding: 0 1; }
    DashboardScreen .dash-grid5 .dash-tile { height: 6; }
    DashboardScreen #dash-body { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "pick_day", "dash.key.day", id="dash.day", tooltip="dash.key.day.tip"),
        Binding("h", "today", "dash.key.today", id="dash.today", tooltip="dash.key.today.tip"),
        Binding("m", "refresh_data", "dash.key.refresh", id="dash.refresh",
                tooltip="dash.key.refresh.tip"),
        Binding("b", "open_report", "dash.key.report", id="dash.report",
                tooltip="dash.key.report.tip"),
    ]

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day
        self.glance: Any = None
        self.official: dict[str, Any] | None = None  # the month's template and indicators

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dash-title")
        with VerticalScroll(id="dash-body"):  # 80×24 too: the sections scroll
            yield Static(t("dash.queue"), classes="dash-section")
            with Grid(classes="dash-grid"):
                for key in TILES[:4]:
                    yield Static(id=f"dash-{key}", classes="dash-tile")
            yield Static(t("dash.dossiers"), classes="dash-section")
            with Grid(classes="dash-grid"):
                for key in TILES[4:8]:
                    yield Static(id=f"dash-{key}", classes="dash-tile")
            yield Static(id="dash-official", classes="dash-section")
            with Grid(classes="dash-grid3"):
                for key, _ in TEMPLATE:
                    yield Static(id=f"dash-t-{key}", classes="dash-tile")
            with Grid(classes="dash-grid5"):
                for key in INDICATORS:
                    yield Static(id=f"dash-i-{key}", classes="dash-tile")
            yield Static(t("dash.sync"), classes="dash-section")
            with Grid(classes="dash-grid"):
                yield Static(id="dash-sync", classes="dash-tile")
        yield DeskFooter()

    def on_mount(self) -> None:
        if self.day is None:
            self.day = self.ctx.local_now().date()
        self.action_refresh_data()

    @work(thread=True, exclusive=True, group="dash", exit_on_error=False)
    def action_refresh_data(self) -> None:
        assert self.day is not None
        g = glance(self.ctx, self.day)
        # the month so far, as `desk report --format json` gives it (one function for both)
        month = official(period_report(self.ctx, self.day.replace(day=1), self.day))
        q = queue_day(self.ctx, self.day)
        sync: Mapping[str, Any] | None
        try:
            sync = sync_summary(self.ctx)
        except Exception as e:  # a sync fault must not hide the rest of the day
            sync = {"last_error": str(e), "last_sync": None}
        self.app.call_from_thread(self._show, g, q, sync)
        self.app.call_from_thread(self._show_official, month)

    def _tile(self, key: str, label: str, value: str, cls: str | None = None) -> None:
        tile = self.query_one(f"#dash-{key}", Static)
        tile.update(f"{escape(label)}\n[b]{value}[/b]")
        tile.set_class(cls == "alert", "-alert")
        tile.set_class(cls == "good", "-good")

    def _show(self, g: Any, q: Any, sync: Mapping[str, Any] | None) -> None:
        self.glance = g
        self.query_one("#dash-title", Static).update(t("dash.title", date=f"{g.day:%d/%m/%Y}"))
        if q is None:
            for key in TILES[:4]:
                self._tile(key, t("dash.queue"), t("dash.queue.none"))
        else:
            mean = q.wait.mean
            self._tile("q_issued", t("dash.queue.issued"), str(q.issued))
            self._tile("q_served", t("dash.queue.served"), str(q.served))
            self._tile("q_waiting", t("dash.queue.waiting"), str(q.waiting))
            self._tile("q_mean", t("dash.queue.mean"), "—" if mean is None else
                       t("dash.queue.minutes", n=decimal(mean / 60)))
        self._tile("received", t("dash.received"), str(g.received))
        if g.live is not None:  # today: the status line's counts, under its words
            due, overdue = g.live.due_today, g.live.overdue
            labels = (t("deadline.count.due_today"), t("deadline.count.overdue"))
        else:  # another day: as the report counts it at the end of that day
            due, overdue = g.due, g.overdue
            labels = (t("dash.due"), t("dash.overdue"))
        self._tile("due", labels[0], integer(due), "alert" if due else None)
        self._tile("overdue", labels[1], integer(overdue), "alert" if overdue else None)
        rate = percent(g.month_on_time_rate) if g.month_on_time_rate is not None \
            else t("report.na")
        value = t("dash.on_time.value", rate=rate, goal=percent(g.goal, 0))
        ok = g.month_on_time_rate is None or g.month_on_time_rate >= g.goal
        self._tile("on_time", t("dash.on_time"),
                   f"{value}\n[/b]{t('dash.on_time.count', n=g.month_resolved)}[b]",
                   "good" if ok and g.month_resolved else "alert" if not ok else None)
        if sync is None:
            self._tile("sync", t("dash.sync"), t("dash.sync.none"))
        elif sync.get("last_error"):
            self._tile("sync", t("dash.sync"),
                       t("dash.sync.error", error=escape(str(sync["last_error"])[:60])), "alert")
        elif sync.get("last_sync"):
            at = str(sync["last_sync"])[:16].replace("T", " ")
            self._tile("sync", t("dash.sync"), t("dash.sync.ok", at=at), "good")
        else:
            self._tile("sync", t("dash.sync"), t("dash.sync.never"))

    def _show_official(self, month: dict[str, Any]) -> None:
        """The month's template columns (total row) and the Decision 766 indicators."""
        self.official = month
        assert self.day is not None
        self.query_one("#dash-official", Static).update(Text(t(
            "dash.official", month=f"{self.day:%m/%Y}", template=month["template"]["id"])))
        total = month["template"]["rows"][-1]
        for key, parts in TEMPLATE:
            group = total[key]
            lines = [t(f"dash.t.{key}", n=integer(group["total"]))]
            lines += [t(f"dash.t.{key}.{p}", n=integer(group[p])) for p in parts]
            if key == "received":  # the assisted online submissions, counted apart
                lines.insert(2, t("dash.t.received.assisted",
                                  n=integer(month["assisted_online"])))
            late = key != "received" and bool(group.get("late") or group.get("overdue"))
            tile = self.query_one(f"#dash-t-{key}", Static)
            tile.update(Text("\n".join(lines)))
            tile.set_class(late, "-alert")
        for ind in month["indicators_766"]:
            value = "—" if ind["value"] is None else percent(ind["value"])  # 0/0 says why
            self._tile(f"i-{ind['key']}", t(f"dash.i.{ind['key']}"),
                       f"{value}[/b]\n{integer(ind['numerator'])}/"
                       f"{integer(ind['denominator'])}[b]")

    def action_today(self) -> None:
        self.day = self.ctx.local_now().date()
        self.action_refresh_data()

    def action_pick_day(self) -> None:
        def answered(text: str | None) -> None:
            if not text:
                return
            d = parse_day(text)
            if d is None:
                self.notify(t("dash.bad_day", value=text), severity="error")
                return
            self.day = d
            self.action_refresh_data()

        self.app.push_screen(AskModal(t("dash.ask_day"), f"{self.day:%d/%m/%Y}"), answered)

    def action_open_report(self) -> None:
        first, last = month_of(self.day or self.ctx.local_now().date())
        self.app.push_screen(ReportScreen(first, last))

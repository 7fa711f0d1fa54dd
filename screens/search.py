"""Find a dossier from one box: code, name (with or without diacritics), personal ID, phone.

Results come as you type (150 ms after the last key, in a worker; a newer search cancels the
older), one page at a time (PageUp/PageDown); the table never holds more than a page.
Filters cycle by keys: receipt/deadline scope, status, field. Enter opens the dossier.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Static
from textual.worker import get_current_worker

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.catalog import list_procedures
from desk.services.dossier.search import find_code, search
from desk.services.dossier.shapes import DossierSummary
from screens.base import DeskScreen
from screens.dossier import DEADLINE_STYLE, DossierScreen, cut
from screens.widgets.footer import DeskFooter
from screens.widgets.telex_input import InputMethodIndicator, TelexInput

PAGE_SIZE = 15
DEBOUNCE = 0.15
SCOPES = (None, "today", "due_soon", "overdue")
STATUSES = (None, "RECEIVED", "TRANSFERRED", "PROCESSING", "SUPPLEMENT_REQUESTED",
            "RESULT_READY", "RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")


def result_widths(width: int) -> dict[str, int]:
    """The result columns and their widths for a screen `width` cells wide."""
    rest: dict[str, int]
    if width >= 120:
        code, rest = 25, {"procedure": 8, "status": 22, "received": 8, "due": 14}
    elif width >= 100:
        code, rest = 25, {"procedure": 8, "status": 14, "due": 14}
    elif width >= 80:
        code, rest = 11, {"procedure": 8, "status": 14, "due": 14}
    else:
        code, rest = 11, {"status": 12, "due": 14}
    pad = 2 * (len(rest) + 2) + 2  # a cell of padding each side, and the scrollbar
    return {"code": code, "applicant": max(10, width - pad - code - sum(rest.values())),
            **rest}


def _day(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%d/%m/%y") if iso else ""


def _short(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%d/%m/%y %H:%M") if iso else ""


class SearchScreen(DeskScreen):
    CSS_PATH = "counter.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "search.next_page", id="search.next_page",
                tooltip="search.next_page.tip", priority=True),
        Binding("pageup", "page(-1)", "search.prev_page", id="search.prev_page",
                tooltip="search.prev_page.tip", priority=True),
        Binding("ctrl+l", "cycle_scope", "search.scope", id="search.scope",
                tooltip="search.scope.tip"),
        Binding("ctrl+r", "cycle_status", "search.status", id="search.status",
                tooltip="search.status.tip"),
        Binding("ctrl+g", "cycle_field", "search.field", id="search.field",
                tooltip="search.field.tip"),
        Binding("down", "to_table", show=False),
        Binding("escape", "to_box", "search.to_box", id="search.to_box",
                tooltip="search.to_box.tip", show=False),
    ]
    AUTO_FOCUS = "#query"

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.scope: str | None = None
        self.status: str | None = None
        self.field: str | None = None
        self.fields: list[tuple[str, str]] = []
        self.has_next = False
        self.rows: list[dict[str, Any]] = []
        self.states: list[str | None] = []
        self._timer: Timer | None = None
        self.searches = 0  # how many searches have shown results (tests, debounce check)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="screen-top"):
            yield Static(t("mode.dossiers"), classes="who")
            yield InputMethodIndicator()
        yield TelexInput(id="query", placeholder=t("search.placeholder"))
        yield Static(id="filters")
        table: DataTable[str | Text] = DataTable(id="results", cursor_type="row",
                                                 zebra_stripes=True)
        yield table
        yield Static(id="pager")
        yield DeskFooter()

    def on_mount(self) -> None:
        self._columns(self.size.width)
        self.load_fields()
        self._show_filters()
        self.run_search()

    def _columns(self, width: int) -> None:
        """Columns that fit the screen: a long name is cut (…), never pushes the others out;
        on a narrow screen the code shows its tail, as the receipt prints it."""
        table = self.query_one("#results", DataTable)
        table.clear(columns=True)
        self._widths = result_widths(width)
        for key, w in self._widths.items():
            table.add_column(t(f"search.col.{key}"), key=key, width=w)

    def on_resize(self, event: events.Resize) -> None:
        if result_widths(event.size.width) != getattr(self, "_widths", None):
            self._columns(event.size.width)
            if self.rows:
                self._fill()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search-fields")
    def load_fields(self) -> None:
        seen: dict[str, str] = {}
        for p in list_procedures(self.ctx):
            seen.setdefault(p["field"], p["field_name"])
        self.app.call_from_thread(setattr, self, "fields", list(seen.items()))

    # -- typing and filters ---------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _typed(self) -> None:
        self.page = 0
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.run_search)

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        self.open_typed(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search-open")
    def open_typed(self, text: str) -> None:
        """Enter: the dossier a code names (full or short: `0003`, `261204-0003`), else the
        highlighted row."""
        code = find_code(self.ctx, text) if text.strip() else None
        self.app.call_from_thread(self._open_typed, code)

    def _open_typed(self, code: str | None) -> None:
        if code:
            self.open_dossier(code)
            return
        table = self.query_one("#results", DataTable)
        if self.rows:
            row = table.cursor_row if 0 <= table.cursor_row < len(self.rows) else 0
            self.open_dossier(self.rows[row]["code"])

    def action_cycle_scope(self) -> None:
        self.scope = SCOPES[(SCOPES.index(self.scope) + 1) % len(SCOPES)]
        self._refilter()

    def action_cycle_status(self) -> None:
        self.status = STATUSES[(STATUSES.index(self.status) + 1) % len(STATUSES)]
        self._refilter()

    def action_cycle_field(self) -> None:
        codes: list[str | None] = [None, *[c for c, _ in self.fields]]
        i = codes.index(self.field) if self.field in codes else 0
        self.field = codes[(i + 1) % len(codes)]
        self._refilter()

    def _refilter(self) -> None:
        self.page = 0
        self._show_filters()
        self.run_search()

    def _show_filters(self) -> None:
        scope = t(f"search.scope.{self.scope}") if self.scope else t("search.all")
        status = t(f"status.{self.status}") if self.status else t("search.all")
        field = dict(self.fields).get(self.field or "", "") if self.field else t("search.all")
        self.query_one("#filters", Static).update(Text.assemble(
            (f"{t('search.scope')}: ", "dim"), (scope, "bold"), "   ",
            (f"{t('search.status')}: ", "dim"), (status, "bold"), "   ",
            (f"{t('search.field')}: ", "dim"), (field or "", "bold")))

    def action_page(self, step: int) -> None:
        if (step > 0 and not self.has_next) or (step < 0 and self.page == 0):
            return
        self.page += step
        self.run_search()

    def action_to_table(self) -> None:
        table = self.query_one("#results", DataTable)
        if self.focused is self.query_one("#query") and table.row_count:
            table.focus()

    def action_to_box(self) -> None:
        self.query_one("#query").focus()

    # -- searching ------------------------------------------------------------------------

    def run_search(self) -> None:
        self._timer = None
        text = self.query_one("#query", Input).value
        self.search(text, self.scope, self.status, self.field, self.page)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def search(self, text: str, scope: str | None, status: str | None, field: str | None,
               page: int) -> None:
        try:
            rows = search(self.ctx, text, status=status, field=field, scope=scope,
                          limit=PAGE_SIZE + 1, offset=page * PAGE_SIZE)
            states = [self._deadline(r) for r in rows]
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error",
                                      markup=False)
            return
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show, rows, states, page)

    def _deadline(self, row: DossierSummary) -> str | None:
        if row["status"] not in ("RECEIVED", "TRANSFERRED", "PROCESSING", "RESULT_READY"):
            return None
        due = row.get("extended_due_at") or row.get("due_at")
        if not due:
            return None
        return self.ctx.calendar.deadline_state(self.ctx.now(), datetime.fromisoformat(due))

    def _show(self, rows: list[dict[str, Any]], states: list[str | None], page: int) -> None:
        self.searches += 1
        self.page = page
        self.has_next = len(rows) > PAGE_SIZE
        self.rows = rows[:PAGE_SIZE]
        self.states = states
        self._fill()
        first = page * PAGE_SIZE + 1
        if self.rows:
            pager = t("search.pager", first=first, last=first + len(self.rows) - 1,
                      page=page + 1, more=t("search.more") if self.has_next else "")
        else:
            pager = t("search.none")
        self.query_one("#pager", Static).update(Text(pager))

    def _fill(self) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        w = getattr(self, "_widths", None) or result_widths(self.size.width)
        for r, state in zip(self.rows, self.states, strict=False):
            due = Text(_short(r.get("extended_due_at") or r.get("due_at")),
                       style=DEADLINE_STYLE.get(state or "", ""))
            code = r["code"] if w["code"] >= len(r["code"]) else r["code"].split("-", 1)[-1]
            cells = {"code": code, "applicant": cut(r["applicant"], w["applicant"]),
                     "procedure": r["procedure"],
                     "status": cut(t(f"status.{r['status']}"), w["status"]),
                     "received": _day(r["received_at"]), "due": due}
            table.add_row(*[cells[k] for k in w], key=r["code"])

    @on(DataTable.RowSelected, "#results")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.open_dossier(event.row_key.value)

    def open_dossier(self, code: str) -> None:
        self.app.push_screen(DossierScreen(code))

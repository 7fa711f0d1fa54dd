"""Deadline watch: the dossiers overdue, due today and due soon, oldest risk first.

Keys (letters: the F-keys keep their global meaning, screens/keyplan.py): H/V/C sort by due
time (hạn) / field (lĩnh vực) / handling agency (cơ quan); Enter opens the dossier; X issues
the apology letter of the selected row (form: reason, date, F8, then a confirmation showing
the new date), after which the cursor goes to the next overdue dossier without a letter — so a
supervisor can go through all of them with the keyboard alone; N jumps to that next one; M
reloads. The list and the counts are read in thread workers from desk.services.deadlines.watch;
the letter is desk.services.deadlines.apology.issue.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Header, Static

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.i18n.numbers import figure
from desk.services.deadlines.apology import check_can_issue, draft, issue
from desk.services.deadlines.shapes import ApologyOut
from desk.services.deadlines.watch import watch_list
from screens.apology_form import ApologyForm
from screens.base import DeskScreen
from screens.dossier import DossierScreen, cut
from screens.widgets.deadline_badge import DeadlineBadge
from screens.widgets.footer import DeskFooter

if TYPE_CHECKING:
    from desk.services.trust.actor import Actor

COLUMNS = ("state", "due", "code", "applicant", "procedure", "field", "agency", "letter")
MIN_APPLICANT = 16
STATE_STYLE = {"overdue": "bold red", "due_today": "bold yellow", "due_soon": "yellow",
               "ok": ""}


class DeadlinesScreen(DeskScreen):
    DEFAULT_CSS = """
    DeadlinesScreen #dl-title {
        padding: 0 1;
        text-style: bold;
    }
    DeadlinesScreen #dl-empty {
        padding: 1 2;
        color: $success;
    }
    DeadlinesScreen DataTable {
        height: 1fr;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "apology", "deadlines.key.apology", id="deadlines.apology",
                tooltip="deadlines.key.apology.tip"),
        Binding("h", "sort('due')", "deadlines.key.sort_due", id="deadlines.sort_due",
                tooltip="deadlines.key.sort_due.tip"),
        Binding("v", "sort('field')", "deadlines.key.sort_field", id="deadlines.sort_field",
                tooltip="deadlines.key.sort_field.tip"),
        Binding("c", "sort('agency')", "deadlines.key.sort_agency", id="deadlines.sort_agency",
                tooltip="deadlines.key.sort_agency.tip"),
        Binding("n", "next_without_letter", "deadlines.key.next", id="deadlines.next",
                tooltip="deadlines.key.next.tip"),
        Binding("m", "reload", "deadlines.key.refresh", id="deadlines.refresh",
                tooltip="deadlines.key.refresh.tip"),
        Binding("enter", "open", "deadlines.key.open", id="deadlines.open",
                tooltip="deadlines.key.open.tip", show=False),
        Binding("escape", "back", "deadlines.key.back", id="deadlines.back",
                tooltip="deadlines.key.back.tip"),
    ]
    AUTO_FOCUS = "#dl-table"

    def __init__(self, actor: Actor | None = None, sort: str = "due") -> None:
        super().__init__()
        self.actor = actor
        self.sort = sort
        self.rows: list[dict[str, Any]] = []
        self.loaded = 0  # how many times the list was shown (tests wait on it)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DeadlineBadge()
        yield Static(id="dl-title")
        yield DataTable(id="dl-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="dl-empty")
        yield DeskFooter()

    def on_mount(self) -> None:
        self._columns(self.app.size.width)
        self.load()

    def _columns(self, width: int) -> None:
        """Columns that fit the screen (an 80-column terminal too): names cut with "…",
        never a horizontal scroll; what a narrow screen leaves out, Enter shows."""
        table = self.query_one("#dl-table", DataTable)
        table.clear(columns=True)
        self._widths = column_widths(width, self.sort)
        for key, w in self._widths.items():
            table.add_column(t(f"deadlines.col.{key}"), key=key, width=w)

    def on_resize(self, event: events.Resize) -> None:
        self._refit(event.size.width)

    def _refit(self, width: int) -> None:
        if column_widths(width, self.sort) != getattr(self, "_widths", None):
            keep = self.current_code()
            self._columns(width)
            if self.rows:
                self._show(self.rows, keep)

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="deadlines-list")
    def load(self, keep: str | None = None) -> None:
        rows = watch_list(self.ctx, self.sort)
        self.app.call_from_thread(self._show, rows, keep)

    def _show(self, rows: list[dict[str, Any]], keep: str | None) -> None:
        table = self.query_one("#dl-table", DataTable)
        if keep is None and self.rows and table.row_count:
            keep = self.current_code()
        self.rows = rows
        table.clear()
        for r in rows:
            table.add_row(*self._cells(r), key=r["code"])
        sort = t("deadlines.sorted_by", sort=t(f"deadlines.sort.{self.sort}"))
        self.query_one("#dl-title", Static).update(f"{t('deadlines.title')} — {sort}")
        self.query_one("#dl-empty", Static).update(t("deadlines.empty") if not rows else "")
        if keep is None and not self.loaded:  # start where the work is: the first row
            keep = self.next_without_letter(None)  # overdue without a letter
        if keep is not None:
            index = next((i for i, r in enumerate(rows) if r["code"] == keep), None)
            if index is not None:
                table.move_cursor(row=index)
        self.loaded += 1

    def _cells(self, r: dict[str, Any]) -> list[Any]:
        w = getattr(self, "_widths", None) or column_widths(self.app.size.width, self.sort)
        late = r["overdue_working_days"]
        state = _capital(late_label(late)) if late else t(f"deadline.state.{r['state']}")
        due = r["effective_due_at"]
        letter = t("deadlines.letter_yes") if r["apologised"] else (
            t("deadlines.letter_no") if r["state"] == "overdue" else "")
        code = r["code"] if w["code"] >= len(r["code"]) else r["code"].split("-", 1)[-1]
        cells: dict[str, Any] = {
            "state": _styled(cut(state, w["state"]), STATE_STYLE.get(r["state"], "")),
            "due": _hm_dmy(due) if w["due"] >= DUE_FULL else _hm_dm(due),
            "code": code,
            "procedure": r["procedure_name"] or r["procedure"],
            "field": r["field_name"] or r["field"],
            "agency": r["agency"] or "—",
            "applicant": r["applicant"],
            "letter": _styled(cut(letter, w["letter"]),
                              "bold red" if r["needs_letter"] else ""),
        }
        for key in ("procedure", "field", "agency", "applicant"):
            cells[key] = cut(cells[key], w.get(key, 0))
        return [cells[k] for k in w]

    # -- selection -------------------------------------------------------------------------

    def current_code(self) -> str | None:
        table = self.query_one("#dl-table", DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return str(self.rows[table.cursor_row]["code"])

    def next_without_letter(self, after: str | None) -> str | None:
        """The next row (wrapping) after `after` that is overdue and has no letter."""
        codes = [r["code"] for r in self.rows]
        start = codes.index(after) + 1 if after in codes else 0
        for r in self.rows[start:] + self.rows[:start]:
            if r["needs_letter"] and r["code"] != after:
                return str(r["code"])
        return None

    def _move_to(self, code: str) -> None:
        index = next((i for i, r in enumerate(self.rows) if r["code"] == code), None)
        if index is not None:
            self.query_one("#dl-table", DataTable).move_cursor(row=index)

    # -- actions ---------------------------------------------------------------------------

    def action_sort(self, sort: str) -> None:
        self.sort = sort
        self._refit(self.app.size.width)  # a narrower screen shows the column sorted by
        self.load()

    def action_reload(self) -> None:
        self.load()
        self.query_one(DeadlineBadge).refresh_counts()

    def action_next_without_letter(self) -> None:
        code = self.next_without_letter(self.current_code())
        if code is None:
            self.notify(t("deadlines.all_done"))
        else:
            self._move_to(code)

    def action_back(self) -> None:
        self.go_back()

    @on(DataTable.RowSelected, "#dl-table")
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        code = self.current_code()
        if code is None:
            self.notify(t("deadlines.no_row"))
            return
        self.app.push_screen(DossierScreen(code))

    def _actor(self) -> Actor | None:
        return self.actor or getattr(self.app, "actor", None)

    def action_apology(self) -> None:
        code = self.current_code()
        if code is None:
            self.notify(t("deadlines.no_row"))
            return
        row = next(r for r in self.rows if r["code"] == code)
        if row["apologised"]:
            self.notify(t("deadlines.has_letter", code=code), severity="warning")
            return
        actor = self._actor()
        if actor is None:
            self.notify(t("deadlines.no_actor"), severity="error")
            return
        try:
            check_can_issue(actor)
        except DomainError as e:
            self.notify(render_error(e), severity="error", timeout=8)
            return
        self._open_form(code, actor)

    @work(thread=True, exclusive=True, exit_on_error=False, group="deadlines-draft")
    def _open_form(self, code: str, actor: Actor) -> None:
        try:
            d = draft(self.ctx, code)
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error")
            return
        self.app.call_from_thread(self._push_form, d, actor)

    def _push_form(self, d: Any, actor: Actor) -> None:
        def submit(reason: str, day: date) -> ApologyOut:
            return issue(self.ctx, d.code, actor, reason, day)

        def done(result: ApologyOut | None) -> None:
            if result is None:
                return
            self.notify(t("deadlines.issued", letter_no=result["letter_no"], code=result["code"],
                          new=_hm_dmy(result["new_due_at"])))
            target = self.next_without_letter(result["code"])
            self.load(keep=target)
            self.query_one(DeadlineBadge).refresh_counts()

        self.app.push_screen(ApologyForm(d, submit), done)


DUE_FULL = len("17:00 16/11/2026")


def column_widths(width: int, sort: str = "due") -> dict[str, int]:
    """The columns and their widths for a screen `width` cells wide: on 80 columns the state
    (or how late), the due time, the short code as the receipt prints it, the applicant and
    the letter; from 120 the procedure and the field (or the agency, when sorted by it); from
    170 everything."""
    rest: dict[str, int]
    if width >= 170:
        rest = {"state": 15, "due": DUE_FULL, "code": 25, "procedure": 30, "field": 16,
                "agency": 24, "letter": 7}
    elif width >= 120:
        side = "agency" if sort == "agency" else "field"
        rest = {"state": 15, "due": DUE_FULL, "code": 11, "procedure": 22, side: 15,
                "letter": 7}
    else:
        rest = {"state": 15, "due": len("17:00 16/11"), "code": 11, "letter": 7}
    pad = 2 * (len(rest) + 1) + 2  # a cell of padding each side, and the scrollbar
    applicant = max(MIN_APPLICANT, width - pad - sum(rest.values()))
    order = [c for c in COLUMNS if c in rest or c == "applicant"]
    return {c: applicant if c == "applicant" else rest[c] for c in order}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _styled(text: Text, style: str) -> Text:
    text.stylize(style)
    return text


def _hm_dmy(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else "—"


def _hm_dm(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m") if iso else "—"


def late_label(days: float) -> str:
    """"trễ 1 ngày" / "1 day late", "2 days late": English counts one day in the singular."""
    key = "deadlines.overdue_day" if days == 1 else "deadlines.overdue_days"
    return t(key, days=_num(days))


def _num(x: float) -> str:
    return figure(x)

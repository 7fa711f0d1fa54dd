"""The apology letter form: a reason picked from the common ones (↑↓) and/or typed, the new
appointment date proposed by the calendar and editable. Enter moves from field to field; F8
(or Enter in the date) asks for an explicit confirmation that shows the new appointment, and
only that confirmation issues the letter: an official letter is never sent by one Enter.

The form only collects; `submit(reason, new_date)` (given by the opener, usually a call to
desk.services.deadlines.apology.issue) runs in a worker, and a refusal (a day off, a date before the
old one…) is shown under the fields without closing the form. The form returns the service's
result, or None when Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.services.deadlines.shapes import ApologyOut
from screens.base import translate_bindings
from screens.widgets.confirm import Confirm
from screens.widgets.telex_input import TelexInput, end_typing

OTHER = "__other__"
Submit = Callable[[str, date], ApologyOut]


def parse_day(text: str) -> date:
    """'03/12/2026', '3/12/2026', '03-12-2026' or '2026-12-03' → a date."""
    raw = text.strip()
    try:
        if len(raw) == 10 and raw[4] == "-":
            return date.fromisoformat(raw)
        parts = raw.replace("-", "/").replace(".", "/").split("/")
        if len(parts) == 3:
            d, m, y = (int(p) for p in parts)
            return date(y, m, d)
    except ValueError:
        pass
    raise DomainError("apology.bad_date", value=raw)


class ApologyForm(ModalScreen[ApologyOut | None]):
    DEFAULT_CSS = """
    ApologyForm {
        align: center middle;
    }
    ApologyForm > Vertical {
        width: 90;
        max-width: 98%;
        height: auto;
        max-height: 98%;
        border: thick $warning;
        background: $surface;
        padding: 0 1;
    }
    ApologyForm #apology-title {
        text-style: bold;
    }
    ApologyForm #apology-late {
        color: $warning;
    }
    ApologyForm Label {
        margin-top: 1;
    }
    ApologyForm #reasons {
        height: auto;
        max-height: 9;
    }
    ApologyForm #apology-error {
        color: $error;
    }
    ApologyForm #apology-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "confirm", "apology.key.confirm", id="apology.confirm",
                tooltip="apology.key.confirm.tip", priority=True),
        Binding("escape", "cancel", "apology.key.cancel", id="apology.cancel",
                tooltip="apology.key.cancel.tip"),
    ]
    AUTO_FOCUS = "#reasons"

    def __init__(self, draft: Any, submit: Submit) -> None:
        """`draft`: a desk.services.deadlines.apology.ApologyDraft."""
        super().__init__()
        self.draft = draft
        self.submit = submit
        self.busy = False

    @property
    def active_bindings(self):  # type: ignore[no-untyped-def]
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        d = self.draft
        end = d.proposed_due.strftime("%H:%M")
        with Vertical():
            yield Static(t("apology.form.title"), id="apology-title")
            yield Static(Text(t("apology.form.dossier", code=d.code, applicant=d.applicant)))
            yield Static(t("apology.form.old_due", old=_hm_dmy(d.due_at)))
            if d.late:
                yield Static(t("apology.form.late"), id="apology-late")
            yield Label(t("apology.form.reason"))
            yield OptionList(*[Option(Text(r), id=str(i)) for i, r in enumerate(d.reasons)],
                             Option(Text(t("apology.form.other")), id=OTHER), id="reasons")
            yield Label(t("apology.form.free"))
            yield TelexInput(id="reason-text")
            yield Label(t("apology.form.new_due", end=end))
            yield Input(d.proposed_due.strftime("%d/%m/%Y"), id="new-date", max_length=10)
            yield Static(id="apology-error")
            yield Static(t("apology.form.steps"), id="apology-hint")

    def on_mount(self) -> None:
        self.query_one("#reasons", OptionList).highlighted = 0

    def reason(self) -> str:
        options = self.query_one("#reasons", OptionList)
        free = self.query_one("#reason-text", Input).value.strip()
        idx = options.highlighted
        picked = ""
        if idx is not None and options.get_option_at_index(idx).id != OTHER:
            picked = self.draft.reasons[idx]
        if picked and free:
            return f"{picked}: {free}"
        return picked or free

    @on(OptionList.OptionSelected, "#reasons")
    def _reason_picked(self) -> None:
        self.query_one("#reason-text", Input).focus()  # add to the reason, or Enter again

    @on(Input.Submitted, "#reason-text")
    def _reason_typed(self) -> None:
        self.query_one("#new-date", Input).focus()

    @on(Input.Submitted, "#new-date")
    def _date_typed(self) -> None:
        self.action_confirm()

    def action_confirm(self) -> None:
        """F8: check the date, then ask — the question names the dossier and the new date."""
        if self.busy:
            return
        end_typing(self)
        try:
            day = parse_day(self.query_one("#new-date", Input).value)
        except DomainError as e:
            self._error(render_error(e))
            self.query_one("#new-date", Input).focus()
            return
        reason = self.reason()
        end = self.draft.proposed_due
        question = t("apology.confirm.question", code=self.draft.code,
                     applicant=self.draft.applicant, reason=reason or "—",
                     new=t("screens.moment", time=f"{end:%H:%M}",
                           weekday=t(f"weekday.{day.weekday()}"), date=f"{day:%d/%m/%Y}"))

        def answered(yes: bool | None) -> None:
            if yes:
                self.busy = True
                self._error(t("apology.form.working"))
                self._issue(reason, day)

        self.app.push_screen(Confirm(question, yes="apology.confirm.yes",
                                     no="apology.confirm.no"), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="apology-form")
    def _issue(self, reason: str, day: date) -> None:
        try:
            result = self.submit(reason, day)
        except DomainError as e:
            self.app.call_from_thread(self._refused, render_error(e))
            return
        except Exception as e:  # never leave the form stuck on "issuing…"
            self.app.call_from_thread(self._refused, f"{type(e).__name__}: {e}")
            raise
        self.app.call_from_thread(self.dismiss, result)

    def _refused(self, message: str) -> None:
        self.busy = False
        self._error(message)

    def action_cancel(self) -> None:
        if not self.busy:
            self.dismiss(None)

    def _error(self, message: str) -> None:
        self.query_one("#apology-error", Static).update(Text(message))


def _hm_dmy(dt: datetime) -> str:
    return dt.strftime("%H:%M %d/%m/%Y")

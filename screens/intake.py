"""Intake at the counter, in the order of the paper: procedure → documents → applicant →
channel, sets, notes → F8 receives. Keyboard only; Enter moves to the next field.

An incomplete dossier is not received: saving offers the supplement request (Form 02)
instead, and nothing gets a code. Unsaved input is a draft kept in memory and in
data_dir/drafts/intake.json, so neither Escape nor a crash loses it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Header, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from desk.domain.card_qr import parse_card_qr
from desk.domain.dates import parse_typed_date
from desk.domain.deadline import TimeLimit
from desk.domain.errors import DomainError
from desk.domain.identity import normalize_phone, validate_personal_id
from desk.domain.text import fold, matches
from desk.i18n import render_error, t
from desk.services.catalog import list_procedures
from desk.services.dossier.card_scan import card_dict, scan_card
from desk.services.dossier.citizens import ApplicantIn, lookup
from desk.services.dossier.intake import IntakeIn, missing_documents, receive
from desk.services.dossier.shapes import CardOut, IntakeOutput, ScanOut
from desk.services.printing.papers import queue_incomplete
from desk.services.printing.spooler import job, job_note, printer_label
from desk.services.trust.actor import SYSTEM
from screens.base import DeskScreen
from screens.widgets.choice_bar import ChoiceBar
from screens.widgets.confirm import Confirm
from screens.widgets.footer import DeskFooter
from screens.widgets.telex_input import InputMethodIndicator, TelexInput, end_typing

CHANNELS = ("direct", "postal", "online")
SEXES = ("", "M", "F")  # "": not said (the card says it; typing it is optional)
TEXT_FIELDS = ("procedure", "lookup", "name", "id_number", "phone", "birth_date", "address",
               "sets", "notes", "portal_code")
# Which field shows a service error, by the error key's prefix.
ERROR_FIELD = {"intake.no_name": "name", "id.": "id_number", "phone.": "phone",
               "intake.no_procedure": "procedure", "intake.bad_sets": "sets",
               "intake.bad_channel": "channel", "intake.bad_birth": "birth_date",
               "intake.name_too_long": "name",
               "intake.future": "procedure", "intake.online_only": "portal_code",
               "intake.bad_portal_code": "portal_code", "intake.portal_code_taken": "portal_code"}


class DocChecklist(SelectionList[str]):
    """The procedure's required documents: Space ticks one, A ticks all, Enter goes on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "check_all", "intake.check_all", id="intake.check_all",
                tooltip="intake.check_all.tip"),
        Binding("enter", "screen.next_field", "intake.next", id="intake.doc_next",
                tooltip="intake.next.tip", show=False),
    ]

    def action_check_all(self) -> None:
        self.select_all()


def format_money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def format_moment(moment: datetime) -> str:
    return t("screens.moment", time=f"{moment:%H:%M}", weekday=t(f"weekday.{moment.weekday()}"),
             date=f"{moment:%d/%m/%Y}")


class IntakeScreen(DeskScreen):
    CSS_PATH = "counter.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "save", "intake.save", id="intake.save", tooltip="intake.save.tip",
                priority=True),
        Binding("ctrl+l", "clear", "intake.clear", id="intake.clear",
                tooltip="intake.clear.tip"),
        Binding("escape", "escape", "intake.escape", id="intake.escape",
                tooltip="intake.escape.tip"),
        Binding("down", "list_move(1)", show=False),
        Binding("up", "list_move(-1)", show=False),
    ]
    AUTO_FOCUS = "#procedure"

    def __init__(self) -> None:
        super().__init__()
        self.procedures: list[dict[str, Any]] = []
        self.procedure: dict[str, Any] | None = None
        self.citizens: list[dict[str, Any]] = []
        self.last_result: IntakeOutput | None = None
        self.card: CardOut | None = None  # the last card scanned (not stored)
        self._draft_timer: Timer | None = None
        self._restoring = False
        # The form's values the last time it could be read: a draft timer firing while the
        # screen is torn down (its fields already gone) saves these instead of crashing.
        self._last_values: dict[str, Any] = {
            **dict.fromkeys(TEXT_FIELDS, ""), "procedure_code": None, "documents": [],
            "channel": "direct", "sex": ""}

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="intake-top", classes="screen-top"):
            yield Static(id="intake-who", classes="who")
            yield InputMethodIndicator()
        # At the top, under the header: the notices (bottom right) never cover the new code.
        yield Static(id="intake-result")
        yield Static(id="intake-draft")
        with VerticalScroll(id="intake-form", can_focus=False):
            yield Label(t("intake.procedure"), classes="section")
            yield TelexInput(id="procedure", placeholder=t("intake.procedure.placeholder"))
            yield Static(classes="field-error", id="err-procedure")
            yield OptionList(id="procedure-list")
            yield Static(id="procedure-info")
            yield Label(t("intake.documents"), classes="section")
            yield DocChecklist(id="documents")
            yield Label(t("intake.applicant"), classes="section")
            yield Input(id="lookup", placeholder=t("intake.lookup.placeholder"))
            yield Static(id="lookup-info")
            yield OptionList(id="citizen-list")
            yield from self._field("name", TelexInput(id="name"))
            yield from self._field("id_number", Input(id="id_number", max_length=12,
                                                      restrict=r"[0-9 ]*"))
            yield from self._field("phone", Input(id="phone", max_length=16))
            yield from self._field("birth_date", Input(
                id="birth_date", placeholder=t("intake.birth_date.placeholder"), max_length=10))
            yield from self._field("address", TelexInput(id="address"))
            with Horizontal(classes="field-row"):
                yield Label(t("intake.sex"), classes="field-label")
                yield ChoiceBar([(v, t(f"intake.sex.{v or 'unknown'}")) for v in SEXES],
                                id="sex")
            yield Label(t("intake.channel"), classes="section")
            yield ChoiceBar([(c, t(f"channel.{c}")) for c in CHANNELS], id="channel")
            yield Static(classes="field-error", id="err-channel")
            # an online-only procedure: submitted on the national portal with the clerk's help,
            # recorded under the portal's dossier code (issue 16 §4); shown only for those
            yield Static(id="assisted-info")
            yield from self._field("portal_code", Input(
                id="portal_code", max_length=60, restrict=r"[0-9A-Za-z.\-]*",
                placeholder=t("intake.portal_code.placeholder")))
            yield from self._field("sets", Input("1", id="sets", max_length=2,
                                                 restrict=r"[0-9]*"))
            yield from self._field("notes", TelexInput(id="notes"))
        yield DeskFooter()

    def _field(self, name: str, widget: Input) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield Label(t(f"intake.{name}"), classes="field-label")
            yield widget
        yield Static(classes="field-error", id=f"err-{name}")

    def on_mount(self) -> None:
        actor = getattr(self.app, "actor", None)
        who = ""
        if actor is not None:
            who = (t("intake.who", name=actor.name, counter=actor.counter) if actor.counter
                   else t("intake.who_no_counter", name=actor.name))
        self.query_one("#intake-who", Static).update(Text(f"{t('mode.intake')}  {who}"))
        for widget_id in ("#procedure-list", "#citizen-list", "#intake-result",
                          "#intake-draft", "#assisted-info"):
            self.query_one(widget_id).display = False
        for widget in self.query(".field-error"):
            widget.display = False
        self._show_assisted(False)
        form = self.query_one("#intake-form", VerticalScroll)
        self.call_after_refresh(form.scroll_home, animate=False)
        self.load_catalog()
        self.set_interval(30, self._show_procedure_info)  # the appointment stays current

    @work(thread=True, exclusive=True, exit_on_error=False, group="intake-catalog")
    def load_catalog(self) -> None:
        procedures = list_procedures(self.ctx)
        self.app.call_from_thread(self._catalog_loaded, procedures)

    def _catalog_loaded(self, procedures: list[dict[str, Any]]) -> None:
        self.procedures = procedures
        draft = self._read_draft()
        if draft:
            self.restore(draft)
            self._show_draft_banner(draft)
        elif self.procedure is None:  # typed before the catalog arrived
            self._show_matches(self.query_one("#procedure", Input).value)

    # -- procedure ----------------------------------------------------------------------

    def _procedure_matches(self, text: str) -> list[dict[str, Any]]:
        q = text.strip()
        if not q:
            return []
        code_hits = [p for p in self.procedures if p["code"].startswith(q)]
        q_fold = fold(q)
        name_hits = [p for p in self.procedures
                     if p not in code_hits and (matches(q, p["name"]) or q_fold in fold(p["name"]))]
        return (code_hits + name_hits)[:8]

    @on(Input.Changed, "#procedure")
    def _procedure_typed(self, event: Input.Changed) -> None:
        if self._restoring:
            return
        if self.procedure is not None and event.value == self._procedure_text(self.procedure):
            return
        if self.procedure is not None:
            self._set_procedure(None)
        self._show_matches(event.value)
        self._draft_changed()

    def _show_matches(self, text: str) -> None:
        found = self._procedure_matches(text)
        options = self.query_one("#procedure-list", OptionList)
        options.clear_options()
        for p in found:
            options.add_option(Option(Text(f"{p['code']}  {p['name']}"), id=p["code"]))
        options.display = bool(found)
        if found:
            options.highlighted = 0
        self._error("procedure", t("intake.no_match")
                    if text.strip() and self.procedures and not found else "")

    def _procedure_text(self, p: dict[str, Any]) -> str:
        return f"{p['code']} — {p['name']}"

    @on(Input.Submitted, "#procedure")
    def _procedure_submitted(self) -> None:
        options = self.query_one("#procedure-list", OptionList)
        if options.display and options.highlighted is not None:
            self._pick_procedure(options.get_option_at_index(options.highlighted).id)
        elif self.procedure is not None:
            self.action_next_field()

    @on(OptionList.OptionSelected, "#procedure-list")
    def _procedure_clicked(self, event: OptionList.OptionSelected) -> None:
        self._pick_procedure(event.option.id)

    def _pick_procedure(self, code: str | None) -> None:
        p = next((p for p in self.procedures if p["code"] == code), None)
        if p is None:
            return
        self._set_procedure(p)
        self._restoring = True
        self.query_one("#procedure", Input).value = self._procedure_text(p)
        self._restoring = False
        self.query_one("#procedure-list").display = False
        self.query_one("#intake-result").display = False  # the previous citizen's code
        self._error("procedure", "")
        docs = self.query_one("#documents", DocChecklist)
        (docs if p["documents"] else self.query_one("#lookup")).focus()
        self._draft_changed()

    def _set_procedure(self, p: dict[str, Any] | None) -> None:
        self.procedure = p
        docs = self.query_one("#documents", DocChecklist)
        docs.clear_options()
        for i, name in enumerate(p["documents"] if p else []):
            docs.add_option((Text(name), str(i)))
        if docs.option_count:
            docs.highlighted = 0  # Space ticks the first document straight away
        self._show_assisted(bool(p and p.get("online_only")))
        self._show_procedure_info()

    def _show_assisted(self, assisted: bool) -> None:
        """An online-only procedure: the portal's code instead of the channel (the channel is
        "trực tuyến (hỗ trợ tại quầy)")."""
        self.query_one("#portal_code").parent.display = assisted  # type: ignore[union-attr]
        self.query_one("#assisted-info", Static).update(
            Text(t("intake.assisted_info")) if assisted else "")
        self.query_one("#assisted-info").display = assisted
        self.query_one("#channel").display = not assisted
        if not assisted:
            self._error("portal_code", "")

    def _show_procedure_info(self) -> None:
        info = self.query_one("#procedure-info", Static)
        p = self.procedure
        if p is None:
            info.update("")
            return

        limit = p["time_limit"]
        due = self.ctx.calendar.due(self.ctx.now(), TimeLimit(limit["value"], limit["unit"]))
        fee = p["fee"]
        fee_text = (t("intake.fee", amount=format_money(fee["amount"])) if fee["amount"]
                    else t("intake.no_fee"))
        if fee.get("note"):
            fee_text += f" ({fee['note']})"
        lines = [
            f"[b]{escape(p['name'])}[/b]  [dim]{escape(p.get('field_name') or p['field'])}[/dim]",
            f"{t('intake.fee_label')}: {escape(fee_text)}",
            f"{t('intake.time_limit')}: {t('calendar.unit.' + limit['unit'], value=limit['value'])}"
            f"   {t('intake.appointment')}: [b]{format_moment(due.astimezone(self.ctx.tz))}[/b]"
            if due else "",
        ]
        info.update("\n".join(line for line in lines if line))

    # -- applicant ----------------------------------------------------------------------

    @on(Input.Submitted, "#lookup")
    def _lookup_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.lookup_citizen(event.value)
        else:
            self.query_one("#name").focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="intake-lookup")
    def lookup_citizen(self, query: str) -> None:
        found = lookup(self.ctx, query, getattr(self.app, "actor", None) or SYSTEM)
        self.app.call_from_thread(self._looked_up, query, found)

    def _looked_up(self, query: str, found: list[dict[str, Any]]) -> None:
        info = self.query_one("#lookup-info", Static)
        citizens = self.query_one("#citizen-list", OptionList)
        self.citizens = found
        citizens.clear_options()
        citizens.display = False
        if not found:
            digits = "".join(ch for ch in query if ch.isdigit())
            target = "id_number" if len(digits) in (9, 12) else "phone"
            self.query_one(f"#{target}", Input).value = query.strip()
            info.update(Text(t("intake.new_citizen")))
            self.query_one("#name").focus()
            return
        if len(found) == 1:
            self._fill_citizen(found[0])
            return
        info.update(Text(t("intake.many_citizens", count=len(found))))
        for c in found:
            citizens.add_option(Option(Text(self._citizen_line(c)), id=c["id"]))
        citizens.display = True
        citizens.highlighted = 0
        citizens.focus()

    def _citizen_line(self, c: Mapping[str, Any]) -> str:
        parts = [c["name"], c.get("id_number") or "", c.get("phone") or "",
                 _dmy(c.get("birth_date")), c.get("address") or ""]
        return " · ".join(p for p in parts if p)

    @on(OptionList.OptionSelected, "#citizen-list")
    def _citizen_picked(self, event: OptionList.OptionSelected) -> None:
        c = next((c for c in self.citizens if c["id"] == event.option.id), None)
        if c is not None:
            self.query_one("#citizen-list").display = False
            self._fill_citizen(c)

    def _fill_citizen(self, c: dict[str, Any]) -> None:
        values = {"name": c["name"], "id_number": c.get("id_number") or "",
                  "phone": c.get("phone") or "", "birth_date": _dmy(c.get("birth_date")),
                  "address": c.get("address") or ""}
        for name, value in values.items():
            self.query_one(f"#{name}", Input).value = value
            self._error(name, "")
        if c.get("sex") in SEXES:
            self.query_one("#sex", ChoiceBar).value = c["sex"]
        self.query_one("#lookup-info", Static).update(
            Text(t("intake.returning", line=self._citizen_line(c))))
        self.query_one("#channel").focus()

    # -- a chip ID card scanned (screens/scanner.py) ---------------------------------------

    def card_scanned(self, text: str) -> None:
        """Fill the applicant from the card at once; then match a returning citizen and write
        the audit entry in a worker (the form never waits on the database)."""
        try:
            card = card_dict(parse_card_qr(text, today=self.ctx.local_now().date()))
        except DomainError as e:
            self.notify(render_error(e), severity="error")
            return
        self.card = card
        values = {"name": card["name"], "id_number": card["id_number"],
                  "birth_date": _dmy(card["birth_date"]), "address": card["address"]}
        for name, value in values.items():
            self.query_one(f"#{name}", Input).value = value
            self._error(name, "")
        self.query_one("#sex", ChoiceBar).value = card["sex"] or ""
        self.query_one("#citizen-list").display = False
        self._show_card(card, None)
        phone = self.query_one("#phone", Input)
        (phone if not phone.value else self.query_one("#channel")).focus()
        self.match_card(text)

    def _show_card(self, card: CardOut, returning: Mapping[str, Any] | None,
                   differences: list[dict[str, Any]] | None = None) -> None:
        parts = [Text(t("qr.scanned_returning", line=self._citizen_line(returning))
                      if returning else t("qr.scanned", name=card["name"],
                                          number=card["id_number"]))]
        for d in differences or []:
            parts.append(Text("\n" + t("qr.differs", field=t(f"qr.label.{d['field']}"),
                                         file=str(d["file"]), card=str(d["card"])),
                              style="yellow"))
        for w in card["warnings"]:
            parts.append(Text("\n⚠ " + w["message"], style="bold yellow"))
        self.query_one("#lookup-info", Static).update(Text.assemble(*parts))
        mismatch = [w["message"] for w in card["warnings"]
                    if w["key"] in ("qr.birth_year", "qr.sex", "qr.province")]
        self._error("id_number", " ".join(mismatch))

    @work(thread=True, exclusive=True, exit_on_error=False, group="intake-card")
    def match_card(self, text: str) -> None:
        out = scan_card(self.ctx, text, self.actor)
        self.app.call_from_thread(self._card_matched, out)

    def _card_matched(self, out: ScanOut) -> None:
        returning = out["returning"]
        if returning:
            phone = self.query_one("#phone", Input)
            if not phone.value and returning["phone"]:
                phone.value = returning["phone"]
                if self.focused is phone:
                    self.query_one("#channel").focus()
        self._show_card(out, returning, out["differences"])

    @on(Input.Blurred, "#id_number")
    @on(Input.Blurred, "#phone")
    @on(Input.Blurred, "#birth_date")
    def _check_field(self, event: Input.Blurred) -> None:
        name = event.input.id or ""
        value = event.value.strip()
        try:
            if value and name == "id_number":
                validate_personal_id(value, today=self.ctx.local_now().date())
            elif value and name == "phone":
                normalize_phone(value)
            elif name == "birth_date":
                parse_date(value)
        except DomainError as e:
            self._error(name, render_error(e))
            return
        self._error(name, "")

    # -- moving between fields ----------------------------------------------------------

    @on(Input.Submitted, "#name, #id_number, #phone, #birth_date, #address, #sets, #notes")
    def _next_from_input(self) -> None:
        self.action_next_field()

    @on(ChoiceBar.Submitted, "#channel, #sex")
    def _next_from_channel(self) -> None:
        self.action_next_field()

    def action_next_field(self) -> None:
        self.focus_next()

    def action_list_move(self, step: int) -> None:
        """↑/↓ in the procedure field move in its list; elsewhere they move the focus."""
        focused = self.focused
        options = self.query_one("#procedure-list", OptionList)
        if focused is self.query_one("#procedure") and options.display:
            if step > 0:
                options.action_cursor_down()
            else:
                options.action_cursor_up()
        elif isinstance(focused, (Input, ChoiceBar)):
            if step > 0:
                self.focus_next()
            else:
                self.focus_previous()

    def action_close_list(self) -> None:
        """Close the open lists; never clears what was typed."""
        for widget_id in ("#procedure-list", "#citizen-list"):
            self.query_one(widget_id).display = False

    def action_escape(self) -> None:
        """Escape closes an open list; with none open it leaves intake for home, asking
        first when something is typed (the input stays, in this mode and in the draft)."""
        lists = [self.query_one(w) for w in ("#procedure-list", "#citizen-list")]
        if any(w.display for w in lists):
            self.action_close_list()
            return
        goto = getattr(self.app, "action_goto", None)
        if callable(goto):
            goto("home")

    # -- the draft ------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """What is typed. While the screen is torn down or recomposed (a timer can fire then)
        its fields are gone: the values last read, so the draft is neither lost nor crashes."""
        try:
            values: dict[str, Any] = {f: self.query_one(f"#{f}", Input).value
                                      for f in TEXT_FIELDS}
            values["procedure_code"] = self.procedure["code"] if self.procedure else None
            values["documents"] = list(self.query_one("#documents", DocChecklist).selected)
            values["channel"] = self.query_one("#channel", ChoiceBar).value
            values["sex"] = self.query_one("#sex", ChoiceBar).value
        except NoMatches:
            return dict(self._last_values)
        self._last_values = values
        return dict(values)

    def has_unsaved(self) -> bool:
        v = self.snapshot()
        return bool(any(v[f] for f in TEXT_FIELDS if f != "sets") or v["procedure_code"]
                    or v["sets"] not in ("", "1") or v["channel"] != "direct" or bool(v["sex"]))

    def restore(self, draft: dict[str, Any]) -> None:
        self._restoring = True
        try:
            code = draft.get("procedure_code")
            p = next((p for p in self.procedures if p["code"] == code), None)
            self._set_procedure(p)
            for f in TEXT_FIELDS:
                self.query_one(f"#{f}", Input).value = str(draft.get(f) or "")
            if p is not None:
                self.query_one("#procedure", Input).value = self._procedure_text(p)
            docs = self.query_one("#documents", DocChecklist)
            for value in draft.get("documents") or []:
                docs.select(str(value))
            if draft.get("channel") in CHANNELS:
                self.query_one("#channel", ChoiceBar).value = draft["channel"]
            if draft.get("sex") in SEXES:
                self.query_one("#sex", ChoiceBar).value = draft["sex"]
        finally:
            self._restoring = False

    def _show_draft_banner(self, draft: dict[str, Any]) -> None:
        """A restored draft says so, and whose it is, until it is received or cleared."""
        banner = self.query_one("#intake-draft", Static)
        saved = draft.get("_saved_at") or ""
        try:
            when = datetime.fromisoformat(saved).astimezone(self.ctx.tz)
            at = f"{when:%H:%M %d/%m/%Y}"
        except ValueError:
            at = "—"
        banner.update(Text(t("intake.draft_banner", clerk=draft.get("_clerk") or "—", at=at)))
        banner.display = True

    def _draft_path(self) -> Path:
        """Beside the office database (data_dir by default), one file per clerk: two
        terminals of one office never share a draft."""
        actor = getattr(self.app, "actor", None)
        name = f"intake-{actor.id}.json" if actor is not None and actor.id else "intake.json"
        return self.ctx.settings.database_path.parent / "drafts" / name

    def _read_draft(self) -> dict[str, Any] | None:
        """This clerk's draft: one typed by another clerk is never shown to this one."""
        try:
            data = json.loads(self._draft_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        actor = getattr(self.app, "actor", None)
        owner = str(actor.id) if actor is not None and actor.id else ""
        return data if data.get("_clerk_id", "") == owner else None

    def _draft(self) -> dict[str, Any] | None:
        """What is typed, with whose and when it is; None when nothing is."""
        if not self.has_unsaved():
            return None
        actor = getattr(self.app, "actor", None)
        return {**self.snapshot(), "_clerk_id": str(actor.id) if actor and actor.id else "",
                "_clerk": actor.name if actor else "", "_saved_at": self.ctx.now().isoformat()}

    def flush_draft(self) -> None:
        """Write the draft now (the desk is being locked: this screen is about to close)."""
        if self._draft_timer is not None:
            self._draft_timer.stop()
        _write_draft_file(self._draft_path(), self._draft())

    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    @on(ChoiceBar.Changed)
    def _draft_changed(self) -> None:
        if self._restoring or not self.is_mounted:
            return
        self.snapshot()  # keeps the last values read, should the form go before the timer
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(0.5, self._save_draft)

    def _save_draft(self) -> None:
        draft = self._draft()
        if self.is_attached and not self._closing:
            self.write_draft(draft)
        else:  # the screen is going away and would cancel its worker: write it now
            _write_draft_file(self._draft_path(), draft)

    @work(thread=True, exclusive=True, exit_on_error=False, group="intake-draft")
    def write_draft(self, draft: dict[str, Any] | None) -> None:
        _write_draft_file(self._draft_path(), draft)

    # -- save ---------------------------------------------------------------------------

    def _request(self) -> Any:
        v = self.snapshot()
        if self.procedure is None:
            raise DomainError("intake.pick_procedure")
        sets_text = v["sets"].strip() or "1"
        applicant = ApplicantIn(name=v["name"], id_number=v["id_number"] or None,
                                phone=v["phone"] or None, birth_date=parse_date(v["birth_date"]),
                                address=v["address"], sex=v["sex"] or None)
        docs = [self.procedure["documents"][int(i)] for i in v["documents"]]
        portal = v["portal_code"].strip() if self.procedure.get("online_only") else ""
        return IntakeIn(procedure_code=self.procedure["code"], applicant=applicant,
                        channel=v["channel"], sets=int(sets_text), notes=v["notes"],
                        documents_present=docs, portal_code=portal)

    def action_save(self) -> None:
        end_typing(self)
        for name in ("procedure", "name", "id_number", "phone", "birth_date", "sets", "channel",
                     "portal_code"):
            self._error(name, "")
        try:
            req = self._request()
        except DomainError as e:
            self._field_error(e)
            return
        self.receive(req)

    @work(thread=True, exclusive=True, exit_on_error=False, group="intake-save")
    def receive(self, req: Any) -> None:
        try:
            view = receive(self.ctx, req, self.actor)
        except DomainError as e:
            if e.key == "intake.incomplete" and self.procedure is not None:
                missing = missing_documents(self.procedure["documents"], req.documents_present)
                self.app.call_from_thread(self._offer_form02, req, missing)
            else:
                self.app.call_from_thread(self._field_error, e)
            return
        note = None
        if view.get("receipt_job"):  # what is true now: queued, and the printer's state
            note = job_note(self.ctx, view["receipt_job"])
        elif "guide_job" in view:  # an assisted submission: the guide slip, not a receipt
            queued = job(self.ctx, view["guide_job"]) if view["guide_job"] else None
            note = t("intake.guide_note", printer=printer_label(self.ctx, queued["printer"])) \
                if queued else t("intake.guide_not_queued")
        self.app.call_from_thread(self._received, view, note)

    def _field_error(self, e: DomainError) -> None:
        key = e.key
        field = next((f for prefix, f in ERROR_FIELD.items() if key.startswith(prefix)), None)
        message = render_error(e)
        if field is None:
            self.notify(message, severity="error")
            return
        self._error(field, message)
        self.query_one(f"#{field}").focus()

    def _received(self, view: IntakeOutput, note: str | None) -> None:
        self.last_result = view
        assert view["due_at"] is not None  # intake always sets the deadline
        due = datetime.fromisoformat(view["due_at"])
        box = self.query_one("#intake-result", Static)
        receipt = note or t("intake.receipt_not_queued")
        box.update(Text.assemble(
            (t("intake.received_code"), "bold"), " ", (view["code"], "bold reverse"), "\n",
            (t("intake.appointment"), "bold"), ": ", (format_moment(due), "bold"), "   ",
            (view["applicant"]["name"], ""), "\n", (receipt, "italic")))
        box.display = True
        # The code is what the clerk copies onto the file and reads to the citizen: no
        # notice of earlier work (the welcome, what is at risk) may sit on top of it.
        self.app.clear_notifications()
        self.reset_form()

    def _offer_form02(self, req: Any, missing: list[str]) -> None:
        question = t("intake.form02.question", missing="; ".join(missing))

        def answered(issue: bool | None) -> None:
            if issue:
                self.issue_form02(req, missing)
            else:
                self.query_one("#documents").focus()

        self.app.push_screen(Confirm(question, yes="intake.form02.issue",
                                     no="intake.form02.back"), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="intake-save")
    def issue_form02(self, req: Any, missing: list[str]) -> None:
        printed = queue_form02(self.ctx, self.procedure or {}, req, missing, self.actor)
        self.app.call_from_thread(self._form02_done, req.applicant.name, printed)

    def _form02_done(self, name: str, printed: bool) -> None:
        key = "intake.form02.done" if printed else "intake.form02.done_no_print"
        self.notify(t(key, name=name), title=t("intake.form02.title"), severity="warning",
                    timeout=10)
        self.reset_form()

    def reset_form(self) -> None:
        self._restoring = True
        try:
            for f in TEXT_FIELDS:
                self.query_one(f"#{f}", Input).value = "1" if f == "sets" else ""
            self._set_procedure(None)
            self.query_one("#channel", ChoiceBar).value = "direct"
            self.query_one("#sex", ChoiceBar).value = ""
            self.query_one("#lookup-info", Static).update("")
            self.action_close_list()
            for f in ("procedure", "name", "id_number", "phone", "birth_date", "sets",
                      "channel", "portal_code"):
                self._error(f, "")
        finally:
            self._restoring = False
        self.write_draft(None)
        self.query_one("#intake-draft").display = False
        self.query_one("#intake-form", VerticalScroll).scroll_home(animate=False)
        self.query_one("#procedure").focus()

    def action_clear(self) -> None:
        if not self.has_unsaved():
            self.reset_form()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.reset_form()

        self.app.push_screen(Confirm(t("intake.clear.question"), yes="intake.clear.yes",
                                     no="confirm.stay"), answered)

    def _error(self, field: str, message: str) -> None:
        widget = self.query_one(f"#err-{field}", Static)
        widget.update(Text(message))
        widget.display = bool(message)

    @property
    def actor(self) -> Any:
        return getattr(self.app, "actor", None) or SYSTEM


def _write_draft_file(path: Path, draft: dict[str, Any] | None) -> None:
    try:
        if draft is None:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # the draft in memory is still there


def parse_date(text: str) -> date | None:
    """15/03/1990, 15-03-1990, 15.03.1990, 15031990 → date; '' → None; DomainError else."""
    return parse_typed_date(text)


def _dmy(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def queue_form02(ctx: Any, procedure: dict[str, Any], req: Any, missing: list[str],
                 actor: Any) -> bool:
    """Print Form 02 of the set in force (A4 and/or thermal) for an incomplete dossier (no
    code: it is not received). Returns whether anything was queued; never raises."""
    return bool(queue_incomplete(ctx, procedure.get("name", ""), req.applicant.name, missing,
                                 actor.name))

"""One dossier: header (code, status, applicant, procedure, dates, deadline), its timeline, and
a key for each lifecycle action allowed now. Actions needing input open a small form."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, OptionList, Static

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.i18n.numbers import integer
from desk.services.dossier import attachments, fees, steps
from desk.services.dossier.attachments import list_scans, scanner_dir
from desk.services.dossier.fees import OWED_AFTER, format_amount
from desk.services.dossier.lifecycle import act
from desk.services.dossier.note_text import readable_notes
from desk.services.dossier.views import event_label, show
from desk.services.printing import papers
from desk.services.trust.actor import SYSTEM
from screens.base import DeskScreen, translate_bindings
from screens.widgets.action_form import ActionForm, FormField
from screens.widgets.confirm import Confirm
from screens.widgets.footer import DeskFooter
from screens.widgets.paper_picker import PaperPicker, paper_label

RETURN_METHODS = (("counter", "return.counter"), ("post", "return.post"),
                  ("online", "return.online"))
ACTION_KEYS: dict[str, str] = {  # action → key (letters: this screen has no text field)
    "transfer": "c",
    "start_processing": "x",
    "request_supplement": "b",
    "supplement_received": "n",
    "result_ready": "k",
    "return_result": "t",
    "refuse": "f",
    "withdraw": "r",
    "stop": "d",
}
PRINTED_WITH = {"request_supplement": "supplement"}  # action → the form printed with it
DEADLINE_STYLE = {"ok": "green", "due_soon": "yellow", "due_today": "bold yellow",
                  "overdue": "bold red", "paused": "cyan"}


def timeline_widths(width: int) -> dict[str, int]:
    """Column widths of the timeline for a screen `width` cells wide (each column also has
    one cell of padding on each side, and the table a scrollbar)."""
    at = 16
    kind, clerk = ((26, 18) if width >= 110 else (20, 16) if width >= 100 else
                   (18, 12) if width >= 80 else (12, 8))
    details = max(12, width - at - kind - clerk - 4 * 2 - 2)
    return {"at": at, "kind": kind, "clerk": clerk, "details": details}


def cut(text: str, width: int) -> Text:
    """One line, at most `width` cells, an ellipsis where it was cut."""
    out = Text(text, no_wrap=True, overflow="ellipsis")
    out.truncate(width, overflow="ellipsis")
    return out


def fmt_time(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else ""


def _fields(action: str, view: dict[str, Any]) -> list[FormField]:
    if action in ("refuse", "stop"):
        return [FormField("reason", "form.reason")]
    if action == "request_supplement":
        return [FormField("reason", "form.reason"),
                FormField("documents", "form.documents", placeholder="form.documents.hint")]
    if action == "transfer":
        return [FormField("agency", "form.agency")]
    if action == "withdraw":
        return [FormField("reason", "form.reason_optional")]
    if action == "return_result":
        return [FormField("method", "form.method", choices=RETURN_METHODS),
                FormField("receiver", "form.receiver", default=view["applicant"]["name"]),
                FormField("tracking", "form.tracking", compose_keys=False)]
    return []


def action_kwargs(action: str, values: dict[str, str]) -> dict[str, Any]:
    """The lifecycle.act keyword arguments for what the form returned."""
    kw: dict[str, Any] = {}
    if values.get("reason", "").strip():
        kw["reason"] = values["reason"]
    if action == "request_supplement":
        raw = values.get("documents", "").replace("\n", ";")
        kw["documents"] = [d.strip() for d in raw.split(";") if d.strip()]
    elif action == "transfer":
        kw["agency"] = values.get("agency", "")
    elif action == "return_result":
        kw["method"] = values.get("method") or "counter"
        kw["receiver"] = values.get("receiver", "")
        kw["tracking"] = values.get("tracking", "")
    return kw


def event_details(payload: dict[str, Any]) -> str:
    parts = []
    for key in ("reason", "agency", "receiver", "tracking", "channel"):
        if payload.get(key):
            value = payload[key]
            if key == "channel":
                value = t(f"channel.{value}")
            parts.append(f"{t('detail.' + key)}: {value}")
    if payload.get("method") and "amount" not in payload:
        parts.append(f"{t('form.method')}: {t('return.' + payload['method'])}")
    parts.extend(fact_details(payload))
    if payload.get("documents") and payload.get("reason"):  # a supplement request's list
        parts.append(f"{t('detail.documents')}: {'; '.join(payload['documents'])}")
    if payload.get("restart"):
        parts.append(t("detail.restart"))
    return " · ".join(parts)


class FactActions:
    """The fee / scan / hand-over keys of the dossier screen (apart from the lifecycle)."""

    view: dict[str, Any] | None
    code: str
    last_values: dict[str, dict[str, str]]

    def action_fee(self: Any) -> None:
        if self.view is None or not fact_allowed("fee", self.view):
            return
        fields = _fee_fields(self.view)
        for f in fields:
            f.default = self.last_values.get("fee", {}).get(f.name, f.default)
        title = t("dossier.form_title", action=t("dossier.key.fee"), code=self.code)

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.last_values["fee"] = values
                self.run_fact("fee", values)

        self.app.push_screen(ActionForm(title, fields), done)

    def action_step(self: Any) -> None:
        if self.view is None or not fact_allowed("step", self.view):
            return
        current = open_step(self.view)
        kind = "step_result" if current else "handover"
        fields = _step_fields(self.view, _actor_of(self).name)
        for f in fields:
            f.default = self.last_values.get(kind, {}).get(f.name, f.default)
        title = (t("step.result_title", agency=current["to_agency"], code=self.code)
                 if current else
                 t("dossier.form_title", action=t("action.handover"), code=self.code))

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.last_values[kind] = values
                self.run_fact(kind, values)

        self.app.push_screen(ActionForm(title, fields), done)

    def action_attach(self: Any) -> None:
        if self.view is None:
            return
        picker = ScanPicker(self.code, list_scans(self.ctx), str(scanner_dir(self.ctx)),
                            result_only=self.view["status"] in CLOSED)

        def done(picked: tuple[str, str] | None) -> None:
            if picked is not None:
                self.run_fact("attach", {"path": picked[0], "kind": picked[1]})

        self.app.push_screen(picker, done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="dossier-fact")
    def run_fact(self: Any, kind: str, values: dict[str, str]) -> None:
        actor = _actor_of(self)
        try:
            if kind == "fee":
                if values.get("mode") == "exempt":
                    view = fees.exempt(self.ctx, self.code, values.get("reason", ""), actor)
                else:
                    view = fees.pay(self.ctx, self.code, actor,
                                    amount=_number(values.get("amount", ""),
                                                   "form.amount_bad"),
                                    method=values.get("method") or "cash",
                                    receipt=values.get("receipt"))
                message = t("fee.done", code=view["code"],
                            status=t(f"fee.status.{view['fee']['status']}"))
            elif kind == "handover":
                view = steps.handover(self.ctx, self.code, values.get("to_agency", ""), actor,
                                      days=_number(values.get("days", ""), "form.days_bad"),
                                      giver=values.get("giver"),
                                      receiver=values.get("receiver"),
                                      note=values.get("note", ""))
                message = t("step.done", code=view["code"])
            elif kind == "step_result":
                view = steps.step_result(self.ctx, self.code, actor,
                                         note=values.get("note", ""))
                message = t("step.done", code=view["code"])
            else:
                view = attachments.attach(self.ctx, self.code, values["path"], actor,
                                          kind=values.get("kind", "document"))
                a = view["attached"]
                message = t("attach.done" if a["added"] else "attach.same", name=a["name"],
                            code=view["code"])
        except DomainError as e:
            self.app.call_from_thread(self._fact_failed, kind, render_error(e))
            return
        self.app.call_from_thread(self._fact_done, kind, view, message)

    def _fact_failed(self: Any, kind: str, message: str) -> None:
        self.notify(message, severity="error", timeout=10)
        if kind == "fee":
            self.action_fee()
        elif kind in ("handover", "step_result"):
            self.action_step()

    def _fact_done(self: Any, kind: str, view: dict[str, Any], message: str) -> None:
        self.last_values.pop(kind, None)
        self.notify(message)
        self.show_view(view)


class DossierScreen(FactActions, DeskScreen):
    CSS_PATH = "counter.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "dossier.back", id="dossier.back", tooltip="dossier.back.tip"),
        *[Binding(key, f"act('{action}')", f"dossier.key.{action}", id=f"dossier.{action}",
                  tooltip=f"dossier.{action}.tip") for action, key in ACTION_KEYS.items()],
        Binding("p", "fee", "dossier.key.fee", id="dossier.fee", tooltip="dossier.fee.tip"),
        Binding("s", "attach", "dossier.key.attach", id="dossier.attach",
                tooltip="dossier.attach.tip"),
        Binding("l", "step", "dossier.key.step", id="dossier.step", tooltip="dossier.step.tip"),
        Binding("i", "papers", "papers.key", id="dossier.papers", tooltip="papers.key.tip"),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code
        self.view: dict[str, Any] | None = None
        self.last_values: dict[str, dict[str, str]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="dossier-head")
        table: DataTable[str | Text] = DataTable(id="timeline", cursor_type="row",
                                                 zebra_stripes=True)
        yield table
        yield DeskFooter()

    def on_mount(self) -> None:
        self._columns(self.size.width)
        self.load()

    def _columns(self, width: int) -> None:
        """Columns that fit the screen: the details take what is left and wrap, so nothing
        is cut off and a long name never pushes a column out of sight."""
        table = self.query_one("#timeline", DataTable)
        table.clear(columns=True)
        self._widths = timeline_widths(width)
        for key in ("at", "kind", "clerk", "details"):
            table.add_column(t(f"timeline.{key}"), key=key, width=self._widths[key])

    def on_resize(self, event: events.Resize) -> None:
        if timeline_widths(event.size.width) != getattr(self, "_widths", None):
            self._columns(event.size.width)
            if self.view is not None:
                self.show_view(self.view)

    @work(thread=True, exclusive=True, exit_on_error=False, group="dossier")
    def load(self) -> None:
        try:
            view = show(self.ctx, self.code)
        except DomainError as e:
            self.app.call_from_thread(self._not_found, render_error(e))
            return
        self.app.call_from_thread(self.show_view, view)

    def _not_found(self, message: str) -> None:
        self.notify(message, severity="error")
        self.dismiss(None)

    def show_view(self, view: dict[str, Any]) -> None:
        self.view = view
        self.code = view["code"]
        head = Text()
        head.append(f" {view['code']} ", style="bold reverse")
        head.append("  ")
        head.append(t(f"status.{view['status']}"), style="bold")
        state = view.get("deadline_state")
        if state:
            label = t("deadline.paused") if state == "paused" else t(f"calendar.state.{state}")
            head.append("  ")
            head.append(f"[{label}]", style=DEADLINE_STYLE.get(state, ""))
        if view.get("result_class"):
            head.append(f"  {t('dossier.result_class')}: "
                        f"{t('calendar.result.' + view['result_class'])}")
        a = view["applicant"]
        who = " · ".join(x for x in (a["name"], a.get("id_number") or "", a.get("phone") or "")
                         if x)
        head.append(f"\n{t('dossier.applicant')}: ")
        head.append(who, style="bold")
        p = view["procedure"]
        head.append(f"\n{t('dossier.procedure')}: {p['code']} {p['name']}")
        head.append(f"\n{t('dossier.received')}: {fmt_time(view['received_at'])}   "
                    f"{t('dossier.due')}: ")
        head.append(fmt_time(view["due_at"]), style="bold")
        if view.get("extended_due_at"):
            head.append(f"   {t('dossier.extended')}: ")
            head.append(fmt_time(view["extended_due_at"]), style="bold")
        head.append(f"\n{t('dossier.channel')}: {t('channel.' + view['channel'])}   "
                    f"{t('dossier.sets')}: {view['sets']}")
        if view.get("notes"):
            head.append(f"   {t('dossier.notes')}: {readable_notes(view['notes'])}")
        head.append_text(facts_text(view))
        self.query_one("#dossier-head", Static).update(head)
        table = self.query_one("#timeline", DataTable)
        table.clear()
        w = getattr(self, "_widths", None) or timeline_widths(self.size.width)
        for i, e in enumerate(view.get("timeline", [])):
            kind = event_label(e["kind"])
            if e.get("backdated"):
                kind += " " + t("timeline.backdated")
            details = Text(event_details(e.get("payload") or {}))
            lines = max(1, len(details.wrap(self.app.console, w["details"])))
            table.add_row(fmt_time(e["at"]), cut(kind, w["kind"]),
                          cut(e.get("clerk") or "", w["clerk"]), details, key=str(i),
                          height=min(lines, 6))
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)
        table.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return bool(self.view) and parameters[0] in self.view["actions"]  # type: ignore[index]
        if action in ("fee", "attach", "step"):
            return self.view is not None and fact_allowed(action, self.view)
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_act(self, action: str) -> None:
        if self.view is None or action not in self.view["actions"]:
            return
        fee = self.view.get("fee") or {}
        if action == "return_result" and fee.get("status") == "unpaid":
            # Warn first: the result goes out while the fee is still owed.
            def answered(go_on: bool | None) -> None:
                if go_on:
                    self._action_form(action)

            self.app.push_screen(Confirm(
                t("dossier.return_unpaid", code=self.code, amount=format_amount(fee["due"])),
                yes="dossier.return_unpaid.yes", no="dossier.return_unpaid.no"), answered)
            return
        self._action_form(action)

    def _action_form(self, action: str) -> None:
        assert self.view is not None
        fields = _fields(action, self.view)
        for f in fields:
            if f.name in self.last_values.get(action, {}):
                f.default = self.last_values[action][f.name]
        title = t("dossier.form_title", action=t(f"action.{action}"), code=self.code)
        intro = t(f"dossier.{action}.intro") if not fields else ""

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.last_values[action] = values
                self.act_in_worker(action, values)

        self.app.push_screen(ActionForm(title, fields, intro=intro), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="dossier-act")
    def act_in_worker(self, action: str, values: dict[str, str]) -> None:
        actor = getattr(self.app, "actor", None) or SYSTEM
        try:
            view = act(self.ctx, self.code, action, actor, **action_kwargs(action, values))
        except DomainError as e:
            self.app.call_from_thread(self._failed, action, render_error(e))
            return
        self.app.call_from_thread(self._acted, action, view)
        form = PRINTED_WITH.get(action)
        if form is not None:  # the citizen takes the form home: print it now
            jobs = papers.print_form_as_configured(self.ctx, view["code"], form)
            self.app.call_from_thread(
                self.notify, t("papers.queued_form" if jobs else "papers.not_queued",
                               paper=t(f"papers.kind.{form}"), code=view["code"]),
                severity="information" if jobs else "warning", markup=False)

    def action_papers(self) -> None:
        """I: print or reprint any paper of this dossier (receipt, Forms 02–05)."""
        if self.view is None:
            return
        choices = papers.papers_of(self.ctx, self.view)

        def picked(paper_id: str | None) -> None:
            if paper_id is not None:
                self.print_paper(paper_id)

        self.app.push_screen(PaperPicker(self.ctx, self.code, choices), picked)

    @work(thread=True, exclusive=True, exit_on_error=False, group="dossier-papers")
    def print_paper(self, paper_id: str) -> None:
        assert self.view is not None
        try:
            paper = papers.find_paper(self.ctx, self.view, paper_id)
            papers.print_paper(self.ctx, self.code, paper)
        except DomainError as e:
            self.app.call_from_thread(self.notify, render_error(e), severity="error",
                                      markup=False)
            return
        self.app.call_from_thread(self.notify,
                                  t("papers.queued", paper=paper_label(self.ctx, paper)),
                                  markup=False)

    def _failed(self, action: str, message: str) -> None:
        self.notify(message, title=t(f"action.{action}"), severity="error", timeout=10)
        if _fields(action, self.view or {"applicant": {"name": ""}}):
            self._action_form(action)  # the form again, with what was typed

    def _acted(self, action: str, view: dict[str, Any]) -> None:
        self.last_values.pop(action, None)
        self.notify(t("dossier.done", action=t(f"action.{action}"), code=view["code"],
                      status=t(f"status.{view['status']}")))
        self.show_view(view)


# ------------------------------------------------------------------ fees, scans, liên thông

CLOSED = ("RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")
FEE_MODES = (("pay", "fee.mode.pay"), ("exempt", "fee.mode.exempt"))
FEE_METHODS = (("cash", "fee.method.cash"), ("transfer", "fee.method.transfer"),
               ("online", "fee.method.online"))


def open_step(view: dict[str, Any]) -> dict[str, Any] | None:
    return next((st for st in reversed(view.get("steps") or []) if st["result"] is None), None)


def fact_allowed(action: str, view: dict[str, Any]) -> bool:
    """Whether the key for a fee, a scan or a hand-over is legal now: nothing but attaching
    a result on a closed dossier (and closing a step still open)."""
    closed = view["status"] in CLOSED
    if action == "fee":  # a fee still owed is recorded even after the result went out
        status = view.get("fee", {}).get("status")
        if closed:
            return status == "unpaid" and view["status"] in OWED_AFTER
        return status in ("unpaid", "free")
    if action == "step":
        return open_step(view) is not None or not closed
    return True  # attach: a closed dossier takes its result only


def fact_details(payload: dict[str, Any]) -> list[str]:
    """Timeline details of the facts: a fee, an attachment, a hand-over, a step result."""
    parts = []
    if "amount" in payload:
        parts.append(format_amount(int(payload["amount"] or 0)))
        if payload.get("method"):
            parts.append(t(f"fee.method.{payload['method']}"))
        if payload.get("receipt"):
            parts.append(f"{t('form.fee_receipt')}: {payload['receipt']}")
    if payload.get("sha256"):
        parts.append(f"{payload.get('name', '')} ({t('attach.kind.' + payload['kind'])})"
                     if payload.get("kind") in ("document", "result")
                     else str(payload.get("name", "")))
    if payload.get("to_agency"):
        parts.append(f"{t('form.to_agency')}: {payload['to_agency']}")
    if payload.get("result") in ("early", "on_time", "late"):
        parts.append(t(f"steps.result.{payload['result']}"))
    if payload.get("correction"):
        parts.append(f"{t('detail.reason')}: {payload['correction']}")
    if payload.get("note"):
        parts.append(str(payload["note"]))
    return parts


def facts_text(view: dict[str, Any]) -> Text:
    """The header's lines for the fee status, the digitised marks and the steps."""
    out = Text()
    fee = view.get("fee")
    if fee:
        out.append(f"\n{t('dossier.fee')}: ")
        style = {"paid": "green", "exempt": "cyan", "unpaid": "yellow"}.get(fee["status"], "")
        label = t(f"fee.status.{fee['status']}")
        if fee["status"] == "paid":
            label += f" {format_amount(fee['amount'])}"
        elif fee["status"] == "unpaid":
            label += f" ({format_amount(fee['due'])})"
        elif fee["status"] == "exempt":
            label += f": {fee['reason']}"
        out.append(label, style=style)
    if view.get("digitised"):
        out.append(f"   ✓ {t('dossier.digitised')}", style="green")
    if view.get("result_digitised"):
        out.append(f"   ✓ {t('dossier.result_digitised')}", style="green")
    for i, st in enumerate(view.get("steps") or [], 1):
        out.append(f"\n{t('dossier.steps')} {i}: {st['giver']} → {st['to_agency']}"
                   f"  {fmt_time(st['handed_at'])}")
        if st.get("deadline"):
            out.append(f"  {t('dossier.step.due')} {fmt_time(st['deadline'])}")
        result = (t(f"steps.result.{st['result']}") if st.get("result")
                  else t("steps.open"))
        out.append(f"  [{result}]", style="red" if st.get("result") == "late" else "bold")
    return out


class ScanPicker(ModalScreen[tuple[str, str] | None]):
    """The files in the scanner folder, picked by a digit or the arrows and Enter; K switches
    the kind (document / result). Returns (path, kind) or None."""

    DEFAULT_CSS = """
    ScanPicker { align: center middle; }
    ScanPicker > Vertical { width: 80; max-width: 98%; height: auto; max-height: 90%;
                            border: thick $accent; background: $surface; padding: 0 1; }
    ScanPicker #scan-title { text-style: bold; margin-bottom: 1; }
    ScanPicker OptionList { height: auto; max-height: 16; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "kind", "attach.key.kind", id="attach.kind",
                tooltip="attach.key.kind.tip"),
        Binding("escape", "cancel", "attach.key.cancel", id="attach.cancel",
                tooltip="attach.key.cancel.tip"),
        *[Binding(str(n), f"pick({n - 1})", show=False) for n in range(1, 10)],
    ]

    def __init__(self, code: str, files: list[dict[str, Any]], folder: str, *,
                 result_only: bool = False) -> None:
        super().__init__()
        self.code = code
        self.files = files
        self.folder = folder
        self.result_only = result_only
        self.kind = "result" if result_only else "document"

    @property
    def active_bindings(self):  # type: ignore[no-untyped-def]
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(t("attach.pick_title", code=self.code)), id="scan-title")
            if not self.files:
                yield Static(Text(t("attach.pick_empty", folder=self.folder)))
            else:
                yield Static(Text(t("attach.pick_help")))
                yield Static(id="scan-kind")
                yield OptionList(*[Text(f"{i}. {f['name']}  ({integer(f['size'])} B, "
                                        f"{f['modified']:%H:%M %d/%m})")
                                   if i <= 9 else Text(f"   {f['name']}")
                                   for i, f in enumerate(self.files, 1)], id="scans")
            yield DeskFooter()

    def on_mount(self) -> None:
        self._show_kind()

        for ol in self.query(OptionList):
            ol.focus()

    def _show_kind(self) -> None:
        for w in self.query("#scan-kind"):
            if isinstance(w, Static):
                w.update(Text(t("attach.pick_kind", kind=t(f"attach.kind.{self.kind}")),
                              style="bold"))

    def action_kind(self) -> None:
        if not self.result_only:
            self.kind = "result" if self.kind == "document" else "document"
            self._show_kind()

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.files):
            self.dismiss((self.files[index]["path"], self.kind))

    def on_option_list_option_selected(self, event: Any) -> None:
        event.stop()
        self.action_pick(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _fee_fields(view: dict[str, Any]) -> list[FormField]:
    fee = view.get("fee") or {}
    return [FormField("mode", "form.fee_mode", default="pay", choices=FEE_MODES),
            FormField("amount", "form.amount", default=str(fee.get("due") or ""),
                      compose_keys=False),
            FormField("method", "form.fee_method", default="cash", choices=FEE_METHODS),
            FormField("receipt", "form.fee_receipt", compose_keys=False),
            FormField("reason", "form.exempt_reason", placeholder="form.exempt_reason.hint")]


def _step_fields(view: dict[str, Any], actor_name: str) -> list[FormField]:
    if open_step(view) is not None:
        return [FormField("note", "form.note")]
    return [FormField("to_agency", "form.to_agency"),
            FormField("days", "form.step_days", compose_keys=False),
            FormField("giver", "form.giver", default=actor_name),
            FormField("receiver", "form.step_receiver"),
            FormField("note", "form.note")]


def _number(text: str, error: str) -> int | None:
    raw = text.strip().replace(".", "").replace(",", "").replace(" ", "")
    if not raw:
        return None
    if not raw.isdigit():
        raise DomainError(error)
    return int(raw)


def _actor_of(screen: Any) -> Any:
    return getattr(screen.app, "actor", None) or SYSTEM

"""One dossier: header (code, status, applicant, procedure, dates, deadline), its timeline, and
a key for each lifecycle action allowed now. Actions needing input open a small form."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from screens.base import DeskScreen
from screens.widgets.action_form import ActionForm, FormField

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
DEADLINE_STYLE = {"ok": "green", "due_soon": "yellow", "due_today": "bold yellow",
                  "overdue": "bold red", "paused": "cyan"}


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
    if payload.get("method"):
        parts.append(f"{t('form.method')}: {t('return.' + payload['method'])}")
    if payload.get("documents") and payload.get("reason"):  # a supplement request's list
        parts.append(f"{t('detail.documents')}: {'; '.join(payload['documents'])}")
    if payload.get("restart"):
        parts.append(t("detail.restart"))
    return " · ".join(parts)


class DossierScreen(DeskScreen):
    CSS_PATH = "counter.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "dossier.back", id="dossier.back", tooltip="dossier.back.tip"),
        *[Binding(key, f"act('{action}')", f"dossier.key.{action}", id=f"dossier.{action}",
                  tooltip=f"dossier.{action}.tip") for action, key in ACTION_KEYS.items()],
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
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#timeline", DataTable)
        for key in ("at", "kind", "clerk", "details"):
            table.add_column(t(f"timeline.{key}"), key=key)
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="dossier")
    def load(self) -> None:
        from desk.services.views import show

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
            head.append(f"   {t('dossier.notes')}: {view['notes']}")
        self.query_one("#dossier-head", Static).update(head)
        table = self.query_one("#timeline", DataTable)
        table.clear()
        for i, e in enumerate(view.get("timeline", [])):
            kind = t(f"action.{e['kind']}")
            if e.get("backdated"):
                kind += " " + t("timeline.backdated")
            table.add_row(fmt_time(e["at"]), Text(kind), Text(e.get("clerk") or ""),
                          Text(event_details(e.get("payload") or {})), key=str(i))
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)
        table.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act":
            return bool(self.view) and parameters[0] in self.view["actions"]  # type: ignore[index]
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_act(self, action: str) -> None:
        if self.view is None or action not in self.view["actions"]:
            return
        fields = _fields(action, self.view)
        for f in fields:
            if f.name in self.last_values.get(action, {}):
                f.default = self.last_values[action][f.name]
        title = t("dossier.form_title", action=t(f"action.{action}"), code=self.code)
        intro = t(f"dossier.{action}.intro") if not fields else ""

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.last_values[action] = values
                self.run_action(action, values)

        self.app.push_screen(ActionForm(title, fields, intro=intro), done)

    @work(thread=True, exclusive=True, exit_on_error=False, group="dossier-act")
    def run_action(self, action: str, values: dict[str, str]) -> None:
        from desk.services.actor import SYSTEM
        from desk.services.lifecycle import act

        actor = getattr(self.app, "actor", None) or SYSTEM
        try:
            view = act(self.ctx, self.code, action, actor, **action_kwargs(action, values))
        except DomainError as e:
            self.app.call_from_thread(self._failed, action, render_error(e))
            return
        self.app.call_from_thread(self._acted, action, view)

    def _failed(self, action: str, message: str) -> None:
        self.notify(message, title=t(f"action.{action}"), severity="error", timeout=10)
        if _fields(action, self.view or {"applicant": {"name": ""}}):
            self.action_act(action)  # the form again, with what was typed

    def _acted(self, action: str, view: dict[str, Any]) -> None:
        self.last_values.pop(action, None)
        self.notify(t("dossier.done", action=t(f"action.{action}"), code=view["code"],
                      status=t(f"status.{view['status']}")))
        self.show_view(view)

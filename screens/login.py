"""Login: pick the clerk by typing part of the name, the PIN (masked), the counter served.

The screen returns the `Actor` every later event records. Wrong PINs and locks are explained
under the PIN field, in the office language.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from desk.domain.errors import DomainError
from desk.domain.text import matches
from desk.i18n import render_error, t
from desk.services.context import load_stack
from desk.services.trust.actor import Actor
from desk.services.trust.login_list import quick_login_choices
from screens.base import DeskScreen
from screens.widgets.keys_line import KeysLine
from screens.widgets.telex_input import TelexInput


class LoginScreen(DeskScreen):
    CSS_PATH = "counter.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "list_move(1)", show=False),
        Binding("up", "list_move(-1)", show=False),
    ]
    AUTO_FOCUS = "#clerk-filter"
    STATUS_LINE = False

    def __init__(self) -> None:
        super().__init__()
        self.clerks: list[dict[str, Any]] = []
        self.chosen: dict[str, Any] | None = None
        # A clerk who types "lan", Enter, the PIN, Enter before the list has arrived (a new
        # or migrated file at start): the name is kept and chosen, then the login runs.
        self._early_name: str | None = None
        self._early_submit = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="login"):
            yield Static(t("login.title"), id="login-title")
            yield Label(t("login.clerk"))
            yield TelexInput(id="clerk-filter", placeholder=t("login.clerk.placeholder"))
            clerks = OptionList(id="clerks")
            clerks.can_focus = False  # ↑/↓ from the name field move in it
            yield clerks
            yield Label(t("login.pin"))
            yield Input(id="pin", password=True, max_length=8, restrict=r"[0-9]*",
                        placeholder=t("login.pin.placeholder"))
            yield Label(t("login.counter"))
            yield Input(id="counter", max_length=2, restrict=r"[0-9]*",
                        placeholder=t("login.counter.placeholder"))
            yield Static(id="login-error", classes="field-error")
            accounts = getattr(self.app, "demo_accounts", None)
            if accounts:  # `desk demo`: its printout of the PINs scrolls away under the TUI
                yield Static("\n".join([t("login.demo_accounts")] + [
                    t("login.demo_account", name=a["name"], role=t(f"role.{a['role']}"),
                      pin=a["pin"]) for a in accounts]), id="login-demo", markup=False)
        yield KeysLine()  # DeskFooter in one widget: the first paint (docs/performance.md)

    def on_mount(self) -> None:
        clerks = quick_login_choices(self.ctx)  # a few ms: on the first painted screen
        if clerks is not None:
            self._show_clerks(clerks)
        else:
            self.call_after_refresh(self.load_clerks)  # a new or old file: the services' way

    @work(thread=True, exclusive=True, exit_on_error=False, group="login")
    def load_clerks(self) -> None:
        load_stack()
        from desk.services.trust.auth import login_choices

        clerks = login_choices(self.ctx)
        self.app.call_from_thread(self._show_clerks, clerks)

    def _show_clerks(self, clerks: list[dict[str, Any]]) -> None:
        self.clerks = clerks
        name = self.query_one("#clerk-filter", Input)
        if self._early_name is not None:  # Enter came before the list: choose as typed then
            typed, self._early_name = self._early_name, None
            self._filter(typed)
            self._filter_submitted()
            if self.chosen is None:
                name.value = typed
                name.focus()
            elif self._early_submit:
                self._submit()
            self._early_submit = False
            return
        self._filter(name.value)

    def _filter(self, text: str) -> None:
        options = self.query_one("#clerks", OptionList)
        options.clear_options()
        for c in self.clerks:
            if matches(text, c["name"]):
                role = t(f"role.{c['role']}")
                counter = t("login.counter_of", counter=c["counter"]) if c["counter"] else ""
                options.add_option(Option(Text(f"{c['name']} — {role} {counter}".rstrip()),
                                          id=c["id"]))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#clerk-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        if self.chosen is not None and event.value != self.chosen["name"]:
            self.chosen = None
        self._filter(event.value)

    @on(Input.Submitted, "#clerk-filter")
    def _filter_submitted(self) -> None:
        if not self.clerks:  # the list is still loading: keep the name, go on to the PIN
            self._early_name = self.query_one("#clerk-filter", Input).value
            self.query_one("#pin", Input).focus()
            return
        options = self.query_one("#clerks", OptionList)
        if options.highlighted is not None and options.option_count:
            self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#clerks")
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, clerk_id: str | None) -> None:
        clerk = next((c for c in self.clerks if c["id"] == clerk_id), None)
        if clerk is None:
            return
        self.chosen = clerk
        self.query_one("#clerk-filter", Input).value = clerk["name"]
        self.query_one("#counter", Input).value = str(clerk["counter"] or "")
        self._error("")
        self.query_one("#pin", Input).focus()

    def action_list_move(self, step: int) -> None:
        """↑/↓ in the name field move in the list of clerks; elsewhere they move the focus."""
        options = self.query_one("#clerks", OptionList)
        if self.focused is self.query_one("#clerk-filter"):
            if step > 0:
                options.action_cursor_down()
            else:
                options.action_cursor_up()
        elif step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    @on(Input.Submitted, "#pin")
    @on(Input.Submitted, "#counter")
    def _submit(self) -> None:
        if self.chosen is None and self._early_name is not None:
            self._early_submit = True  # logged in once the list has arrived
            return
        if self.chosen is None:
            self._filter_submitted()
            if self.chosen is None:
                self._error(t("login.pick_clerk"))
                self.query_one("#clerk-filter", Input).focus()
                return
        pin = self.query_one("#pin", Input).value
        if not pin:
            self.query_one("#pin", Input).focus()
            return
        self.try_login(self.chosen["name"], pin, self.query_one("#counter", Input).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="login")
    def try_login(self, name: str, pin: str, counter: str) -> None:
        load_stack()
        from desk.services.trust.auth import login

        try:
            actor = login(self.ctx, name, pin, counter)
        except DomainError as e:
            self.app.call_from_thread(self._failed, render_error(e))
            return
        self.app.call_from_thread(self._done, actor)

    def _failed(self, message: str) -> None:
        pin = self.query_one("#pin", Input)
        pin.value = ""
        self._error(message)
        pin.focus()

    def _done(self, actor: Actor) -> None:
        self.app.logged_in(actor)  # type: ignore[attr-defined]

    def _error(self, message: str) -> None:
        self.query_one("#login-error", Static).update(Text(message))

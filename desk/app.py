"""The Textual App: modes, global keys, command palette. Thin: screens do the work, services
hold the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from screens.modes import MODE_BINDINGS, DeskModes

if TYPE_CHECKING:
    from desk.services.context import DeskContext


class DeskApp(DeskModes, App[int]):
    TITLE = "Một Cửa Desk"
    CSS_PATH = "../screens/app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [  # descriptions are message keys (screens/base.py)
        Binding("f1", "show_keys", "key.keys", id="keys", tooltip="key.keys.tip"),
        Binding("f10", "quit", "key.quit", id="quit", tooltip="key.quit.tip"),
        *MODE_BINDINGS,  # F2 intake, F3 search, F9 Telex/VNI (screens/modes.py)
    ]

    def __init__(self, ctx: DeskContext) -> None:
        super().__init__()
        self.ctx = ctx
        from desk.i18n import t

        self.title = t("app.title")
        self.sub_title = ctx.settings.office.name

    def on_mount(self) -> None:
        self.start_login()  # the home screen is the "home" mode's base, under the login

    def action_show_keys(self) -> None:
        if self.screen.query("KeyPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

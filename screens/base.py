"""The base every desk screen extends: binding texts are message keys, translated on display."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.binding import ActiveBinding
from textual.screen import Screen

from desk.i18n import t

if TYPE_CHECKING:
    from desk.services.context import DeskContext


def translate_bindings(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    out = {}
    for key, ab in bindings.items():
        b = ab.binding
        b = replace(b, description=t(b.description) if b.description else "",
                    tooltip=t(b.tooltip) if b.tooltip else "")
        out[key] = ab._replace(binding=b, tooltip=b.tooltip)
    return out


class DeskScreen(Screen[Any]):
    """Footer and command palette show each binding's message key in the office language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def on_mount(self) -> None:
        # The counter app's status line (deadlines, sync) sits under the header of every
        # screen; the waiting-room display and the kiosk do not set `show_status`.
        if getattr(self.app, "show_status", False) and not self.query("DeadlineBadge"):
            from textual.widgets import Header

            from screens.widgets.status_line import StatusLine

            headers = self.query(Header)
            if headers:
                self.mount(StatusLine(), after=headers.first())

    def go_back(self) -> None:
        """Esc: back to the screen underneath, or home from the base of a mode."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        elif hasattr(self.app, "action_goto"):
            self.app.action_goto("home")

    @property
    def ctx(self) -> DeskContext:
        return self.app.ctx  # type: ignore[attr-defined,no-any-return]

"""The base every desk screen extends: binding texts are message keys, translated on display."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widgets import Header

from screens.lazy import later
from screens.widgets.textual_texts import label

if TYPE_CHECKING:
    from desk.services.context import DeskContext


def drop_dead_watchers(obj: object) -> int:
    """Forget the `watch(obj, …)` callbacks of widgets that have been removed; how many.

    Textual 8.2 keeps them until the watched attribute next changes (Textualize/textual#6666):
    every `Header` watches `App.title` and `App.sub_title`, which do not change after the
    login, so each dossier screen opened and closed stayed alive through its header (3 to 4 MB
    per 100 clerk actions in bench/bench_memory.py). Textual drops the same entries
    itself when the attribute changes (`Reactive._check_watchers`), so this is safe.
    """
    watchers: dict[str, list[tuple[Any, Any]]] = getattr(obj, "__watchers", {})
    dropped = 0
    for entries in watchers.values():
        alive = [(node, callback) for node, callback in entries
                 if not (node._closing or node._closed)]
        dropped += len(entries) - len(alive)
        entries[:] = alive
    return dropped


def translate_bindings(bindings: dict[str, ActiveBinding]) -> dict[str, ActiveBinding]:
    """Descriptions and tooltips as shown: desk message keys and Textual's own English
    words (screens/widgets/textual_texts.py), in the configured language."""
    out = {}
    for key, ab in bindings.items():
        b = ab.binding
        b = replace(b, description=label(b.description), tooltip=label(b.tooltip))
        out[key] = ab._replace(binding=b, tooltip=b.tooltip)
    return out


class DeskScreen(Screen[Any]):
    """Footer and command palette show each binding's message key in the office language."""

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    STATUS_LINE = True  # the login has none: nobody works before logging in, and it starts faster

    def on_mount(self) -> None:
        # The counter app's status line (deadlines, sync) sits under the header of every
        # screen; the waiting-room display and the kiosk do not set `show_status`.
        if self.STATUS_LINE and getattr(self.app, "show_status", False) \
                and not self.query("DeadlineBadge"):
            headers = self.query(Header)
            if headers:
                self.mount(later("status_line")(), after=headers.first())

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Desk messages are plain text: "[sync]" in a sentence must not vanish as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_screen_resume(self) -> None:
        drop_dead_watchers(self.app)  # a screen closed or a widget removed under another

    def on_unmount(self) -> None:
        drop_dead_watchers(self.app)  # this screen's widgets have all closed by now

    def go_back(self) -> None:
        """Esc: back to the screen underneath, or home from the base of a mode."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        elif hasattr(self.app, "action_goto"):
            self.app.action_goto("home")

    @property
    def ctx(self) -> DeskContext:
        return self.app.ctx  # type: ignore[attr-defined,no-any-return]

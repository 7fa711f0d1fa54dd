"""F1: the desk's key plan and the keys of the screen underneath, in the office language.

Replaces Textual's help panel, which lists Textual's own bindings in English ("Focus Next",
"Copy selected text"). Esc or F1 closes it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from desk.i18n import t
from screens.base import translate_bindings
from screens.keyplan import GLOBAL_PLAN, RESERVED, key_label


def screen_keys(bindings: dict[str, ActiveBinding]) -> list[tuple[str, str]]:
    """(key label, description) of a screen's own keys: described, not Textual's system keys,
    not the global plan's (those are listed above them), one row per action."""
    rows: dict[str, tuple[str, str]] = {}
    for key, ab in bindings.items():
        b = ab.binding
        if not b.description or b.system or key in RESERVED or not ab.enabled:
            continue
        if b.id is None:  # Textual's widgets' own bindings (cursor moves…), in English
            continue
        label = key_label(key)
        if b.action in rows:
            rows[b.action] = (f"{rows[b.action][0]}/{label}", rows[b.action][1])
        else:
            rows[b.action] = (label, b.description)
    return list(rows.values())


def plan_rows(can_open_reports: bool) -> list[tuple[str, str]]:
    out = []
    for key, text in GLOBAL_PLAN:
        if key == "f6" and not can_open_reports:
            continue  # a clerk has no dashboard: the key is not offered at all
        out.append((key_label(key), t(text)))
    return out


class KeysPanel(ModalScreen[None]):
    DEFAULT_CSS = """
    KeysPanel { align: right top; }
    KeysPanel > VerticalScroll { width: 60; max-width: 100%; height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    KeysPanel #keys-title { text-style: bold; }
    KeysPanel #keys-screen-title { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1", "close", "keyplan.close", id="keys.close",
                tooltip="keyplan.close.tip"),
    ]

    def __init__(self, own: list[tuple[str, str]], *, can_open_reports: bool,
                 screen_title: str = "") -> None:
        super().__init__()
        self.own = own
        self.can_open_reports = can_open_reports
        self.screen_title = screen_title

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(t("keyplan.title"), id="keys-title")
            yield Static(self._table(plan_rows(self.can_open_reports)), id="keys-global")
            title = t("keyplan.screen", screen=self.screen_title) if self.screen_title \
                else t("keyplan.screen_untitled")
            yield Static(Text(title, style="bold"), id="keys-screen-title")
            yield Static(self._table(self.own) if self.own else Text(t("keyplan.none")),
                         id="keys-screen")

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> Text:
        width = max((len(k) for k, _ in rows), default=0) + 2
        out = Text()
        for i, (key, text) in enumerate(rows):
            if i:
                out.append("\n")
            out.append(key.ljust(width), style="bold")
            out.append(text)
        return out

    def action_close(self) -> None:
        self.dismiss(None)


def open_keys(app: Any) -> None:
    """F1 on any screen: the plan and that screen's keys (F1 again closes)."""
    screen = app.screen
    if isinstance(screen, KeysPanel):
        screen.dismiss(None)
        return
    actor = getattr(app, "actor", None)
    can = actor is not None and actor.role in ("supervisor", "admin")
    title = getattr(screen, "KEYS_TITLE", "")
    app.push_screen(KeysPanel(screen_keys(screen.active_bindings), can_open_reports=can,
                              screen_title=t(title) if title else ""))


__all__ = ["KeysPanel", "open_keys", "plan_rows", "screen_keys"]

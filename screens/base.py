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

    @property
    def ctx(self) -> DeskContext:
        return self.app.ctx  # type: ignore[attr-defined,no-any-return]

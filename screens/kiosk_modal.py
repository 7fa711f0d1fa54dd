"""The kiosk's windows (priority reason, check-in, booking) share one frame and Esc."""

from __future__ import annotations

from typing import Any

from textual.binding import ActiveBinding, Binding
from textual.screen import ModalScreen

from screens.base import translate_bindings


def cancel_binding(binding_id: str) -> Binding:
    return Binding("escape", "dismiss_none", "queue.key.cancel", id=binding_id,
                   tooltip="queue.key.cancel.tip")


class KioskModal(ModalScreen[Any]):
    """A framed window over the kiosk's services; Esc cancels (dismisses with None)."""

    DEFAULT_CSS = """
    KioskModal { align: center middle; }
    KioskModal > Vertical {
        width: 70; height: auto; padding: 1 2; border: thick $primary; background: $surface;
    }
    KioskModal Static { margin-bottom: 1; }
    """

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return translate_bindings(super().active_bindings)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

"""A yes/no question: Enter (or y) answers yes, Escape (or n) answers no."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from desk.i18n import t
from screens.base import translate_bindings


class Confirm(ModalScreen[bool]):
    """`Confirm(question, yes="confirm.leave", no="confirm.stay")`; texts are shown literally."""

    DEFAULT_CSS = """
    Confirm {
        align: center middle;
    }
    Confirm > Vertical {
        width: 70;
        max-width: 95%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    Confirm Horizontal {
        height: auto;
        margin-top: 1;
    }
    Confirm Button {
        margin-right: 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "confirm.yes_key", id="confirm.yes",
                tooltip="confirm.yes_key.tip", show=False),
        Binding("escape,n", "answer(False)", "confirm.no_key", id="confirm.no",
                tooltip="confirm.no_key.tip"),
    ]

    def __init__(self, question: str, *, yes: str = "confirm.yes",
                 no: str = "confirm.no") -> None:
        super().__init__()
        self.question = question
        self.yes_text = t(yes)
        self.no_text = t(no)

    @property
    def active_bindings(self):  # type: ignore[no-untyped-def]
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.question), id="question")
            with Horizontal():
                yield Button(self.yes_text, id="yes", variant="warning")
                yield Button(self.no_text, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

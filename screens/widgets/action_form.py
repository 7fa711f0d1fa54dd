"""A small modal form for a dossier action: a few labelled fields, Enter to confirm.

Returns the typed values as a dict (field name → text), or None when Escape cancels. With
no fields it is a confirmation. Enter in a field goes to the next one, and in the last one
(or F8 anywhere) confirms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from desk.i18n import t
from screens.base import translate_bindings
from screens.widgets.choice_bar import ChoiceBar
from screens.widgets.telex_input import InputMethodIndicator, TelexInput, end_typing


@dataclass
class FormField:
    name: str
    label: str  # message key
    default: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (value, message key): a radio set
    compose_keys: bool = True  # Telex/VNI applies (off for numbers and codes)
    placeholder: str = ""  # message key
    extra: dict[str, str] = field(default_factory=dict)


class ActionForm(ModalScreen[dict[str, str] | None]):
    DEFAULT_CSS = """
    ActionForm {
        align: center middle;
    }
    ActionForm > Vertical {
        width: 76;
        max-width: 98%;
        height: auto;
        max-height: 95%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    ActionForm #form-title {
        text-style: bold;
        margin-bottom: 1;
    }
    ActionForm Label {
        margin-top: 1;
    }
    ActionForm #form-buttons {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "submit", "form.submit", id="form.submit", tooltip="form.submit.tip",
                priority=True),
        Binding("escape", "cancel", "form.cancel", id="form.cancel", tooltip="form.cancel.tip"),
    ]

    def __init__(self, title: str, fields: list[FormField], *, intro: str = "",
                 confirm: str = "form.confirm") -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.intro = intro
        self.confirm_text = t(confirm)

    @property
    def active_bindings(self):  # type: ignore[no-untyped-def]
        return translate_bindings(super().active_bindings)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.form_title), id="form-title")
            if self.intro:
                yield Static(Text(self.intro), id="form-intro")
            for f in self.fields:
                yield Label(t(f.label))
                if f.choices:
                    yield ChoiceBar([(v, t(k)) for v, k in f.choices], f.default or None,
                                    id=f"f-{f.name}")
                else:
                    yield TelexInput(f.default, id=f"f-{f.name}", compose_keys=f.compose_keys,
                                     placeholder=t(f.placeholder) if f.placeholder else "")
            if any(not f.choices and f.compose_keys for f in self.fields):
                yield InputMethodIndicator()
            yield Button(self.confirm_text, id="form-buttons", variant="primary")

    def on_mount(self) -> None:
        focusable = [w for w in self.query("ChoiceBar, Input, Button") if w.focusable]
        if focusable:
            focusable[0].focus()

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in self.fields:
            widget = self.query_one(f"#f-{f.name}")
            if isinstance(widget, ChoiceBar | Input):
                out[f.name] = widget.value
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_submit()
        else:
            self.focus_next()

    def on_choice_bar_submitted(self, event: ChoiceBar.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        end_typing(self)
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        self.dismiss(None)

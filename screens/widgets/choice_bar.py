"""One choice out of a few, on one line: ←/→ (or Space) change it, Enter goes on.

`ChoiceBar([("direct", "Trực tiếp"), ("postal", "Bưu chính")], value="direct")`; posts
`ChoiceBar.Changed` and `ChoiceBar.Submitted` (Enter)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ChoiceBar(Widget, can_focus=True):
    DEFAULT_CSS = """
    ChoiceBar {
        height: 1;
        width: 100%;
        padding: 0 1;
    }
    ChoiceBar:focus {
        background: $boost;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right,space", "move(1)", show=False),
        Binding("left", "move(-1)", show=False),
        Binding("enter", "submit", show=False),
    ]
    value: reactive[str] = reactive("")

    @dataclass
    class Changed(Message):
        bar: ChoiceBar
        value: str

        @property
        def control(self) -> ChoiceBar:
            return self.bar

    @dataclass
    class Submitted(Message):
        bar: ChoiceBar
        value: str

        @property
        def control(self) -> ChoiceBar:
            return self.bar

    def __init__(self, choices: list[tuple[str, str]], value: str | None = None, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = choices
        self.set_reactive(ChoiceBar.value, value or choices[0][0])

    def render(self) -> Text:
        out = Text()
        for i, (value, label) in enumerate(self.choices):
            if i:
                out.append("   ")
            if value == self.value:
                out.append(f"◉ {label}", style="bold reverse" if self.has_focus else "bold")
            else:
                out.append(f"○ {label}")
        return out

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def action_move(self, step: int) -> None:
        values = [v for v, _ in self.choices]
        i = values.index(self.value) if self.value in values else 0
        self.value = values[(i + step) % len(values)]

    def action_submit(self) -> None:
        self.post_message(self.Submitted(self, self.value))

"""The login's footer: DeskFooter's keys (screens/widgets/footer.py) drawn by one widget, and
the order and short labels both footers share. Kept apart from footer.py so that the login,
the first painted screen, does not load Textual's Footer at all (docs/performance.md)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.widget import Widget

from desk.i18n import has, t
from screens.keyplan import CONFIRM_KEY, GLOBAL_ACTIONS


def _global(key: str, action: str) -> bool:
    """The key does its global job here (the kiosk's F12 checks in: not the counter's lock)."""
    return GLOBAL_ACTIONS.get(key) == action.removeprefix("app.")


def rank(key: str, action: str) -> int:
    return 0 if key == CONFIRM_KEY else 1 if _global(key, action) else 2


def short(key: str, action: str, description: str) -> str:
    """The footer's label of a key: its short form when it has one (intake's F8: "Lưu"); a
    global key's short form ("f12 Khoá") only where the key does its global job."""
    names = (f"footer.{key}.{action}", f"footer.{key}") if _global(key, action) \
        else (f"footer.{key}.{action}",)
    for name in names:
        if has(name):
            return t(name)
    return description


class KeysLine(Widget):
    """The login's footer: DeskFooter's keys, looks and order drawn as one line by one widget.

    The login is the first painted screen, and Textual's Footer is a container of one widget
    per key, each styled and laid out (~15 ms of the start's CPU, docs/performance.md). A
    click on a key presses it, as in the Footer."""

    DEFAULT_CSS = """
    KeysLine {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeysLine > .keys-line--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeysLine > .keys-line--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeysLine > .keys-line--bar {
        color: $foreground 20%;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keys-line--key", "keys-line--description", "keys-line--bar"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []  # x from, x to, the key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys(self) -> tuple[list[tuple[str, str, bool]], tuple[str, str, bool] | None]:
        """(key shown, label, enabled) of the keys in the footer's order, and the palette's."""
        app: Any = self.app
        bindings = self.screen.active_bindings
        keys = [(b.key, b.action, app.get_key_display(b), short(b.key, b.action, b.description),
                 on) for _node, b, on, _tip in bindings.values() if b.show]
        keys.sort(key=lambda k: rank(k[0], k[1]))  # as DeskFooter
        palette = bindings.get(app.COMMAND_PALETTE_BINDING) \
            if app.ENABLE_COMMAND_PALETTE else None
        shown = [(key, f"{display} {label}", on) for key, _action, display, label, on in keys]
        if palette is None:
            return shown, None
        b, on = palette.binding, palette.enabled
        return shown, (b.key, f"{app.get_key_display(b)} {short(b.key, b.action, b.description)}",
                       on)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keys-line--key")
        text_style = self.get_component_rich_style("keys-line--description")
        line = Text(no_wrap=True, overflow="crop")
        self._spans = []
        keys, palette = self._keys()
        for key, label, on in keys:
            display, _, words = label.partition(" ")
            start = line.cell_len
            line.append(display, key_style)
            line.append(f" {words}", text_style)
            if not on:
                line.stylize("dim", start)
            self._spans.append((start, line.cell_len, key))
            line.append(" ")
        if palette is not None:
            key, label, _on = palette
            display, _, words = label.partition(" ")
            right = Text.assemble(("▏", self.get_component_rich_style("keys-line--bar")),
                                  (display, key_style), (f" {words}", text_style), "  ")
            gap = self.size.width - line.cell_len - right.cell_len
            if gap > 0:
                line.append(" " * gap)
                self._spans.append((line.cell_len + 1, line.cell_len + right.cell_len, key))
                line.append_text(right)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return

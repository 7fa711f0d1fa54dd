"""The footer every desk screen uses: Textual's Footer without its memory leak.

Textual 8.2's Footer rebuilds its keys whenever the bindings change (every screen switch,
every focus change) and `data_bind`s each new key to `Footer.compact`; those watchers are never
removed, so every discarded key stays alive — 56 MB per 100 clerk actions in
bench/bench_memory.py. We never change `compact`, so the keys are created unbound.

Every global key must be readable at 120 columns (issue 14: F9 and F12 were cut off): the
footer is compact and the global keys show their short footer labels (`footer.<key>` in
desk/i18n/msg_footer.py); their full meaning is the key's tooltip, F1 and the palette.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from desk.i18n import has, t
from screens.keyplan import CONFIRM_KEY, GLOBAL_PLAN

_GLOBAL_KEYS = frozenset(key for key, _ in GLOBAL_PLAN) - {CONFIRM_KEY, "escape"}


def _rank(key: str) -> int:
    return 0 if key == CONFIRM_KEY else 1 if key in _GLOBAL_KEYS else 2


def _short(key: str, action: str, description: str) -> str:
    """The footer's label of a key: its short form when it has one (intake's F8: "Lưu")."""
    for short in (f"footer.{key}.{action}", f"footer.{key}"):
        if has(short):
            return t(short)
    return description


class DeskFooter(Footer):
    DEFAULT_CSS = """
    DeskFooter.-compact FooterKey.-command-palette { padding-right: 1 !important; }
    """
    _recompose_pending = False
    _shown: tuple[Any, ...] | None = None  # the keys on display, to skip identical rebuilds

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)  # one space between keys: all global keys fit
        super().__init__(*args, **kwargs)

    def bindings_changed(self, screen: Any) -> None:
        """As Textual's, but several changes before the next refresh (a screen's mount, its
        first focus, the clerk list arriving) rebuild the keys once, not once each, and not
        at all when the keys shown stay the same (most focus changes)."""
        self._bindings_ready = True
        if not screen.app.app_focus or self._recompose_pending:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        if not self.is_attached or self._closing or self._closed:
            return  # its screen went away meanwhile (the login once a clerk is in)
        if self._keys_shown() != self._shown:
            await self.recompose()

    def _keys_shown(self) -> tuple[Any, ...]:
        return tuple((key, b.binding.action, b.binding.description, b.enabled, b.tooltip)
                     for key, b in self.screen.active_bindings.items() if b.binding.show)

    def compose(self) -> ComposeResult:
        # The keys are known when the screen composes: show them in the first paint instead
        # of an empty footer rebuilt a moment later (Textual waits for a bindings signal).
        self._bindings_ready = True
        self._shown = self._keys_shown()
        # No desk binding uses Textual's binding groups, so the keys can be reordered: the
        # form's F8 first, then the global keys, then the screen's others (all in F1).
        widgets = list(super().compose())
        widgets.sort(key=lambda w: _rank(getattr(w, "key", "")))  # stable: order kept within
        for widget in widgets:
            if widget._reactive_connect:  # a FooterKey bound to Footer.compact
                # Undo the data_bind before its deferred set-up runs (it skips an empty
                # binding) and give the key the value the binding would have given it.
                widget._reactive_connect = None
                widget.compact = self.compact  # type: ignore[attr-defined]
            if isinstance(widget, FooterKey):
                widget.description = _short(widget.key, widget.action, widget.description)
            yield widget


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
        keys = [(b.key, app.get_key_display(b), _short(b.key, b.action, b.description), on)
                for _node, b, on, _tip in bindings.values() if b.show]
        keys.sort(key=lambda k: _rank(k[0]))  # as DeskFooter
        palette = bindings.get(app.COMMAND_PALETTE_BINDING) \
            if app.ENABLE_COMMAND_PALETTE else None
        shown = [(key, f"{display} {label}", on) for key, display, label, on in keys]
        if palette is None:
            return shown, None
        b, on = palette.binding, palette.enabled
        return shown, (b.key, f"{app.get_key_display(b)} {_short(b.key, b.action, b.description)}",
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

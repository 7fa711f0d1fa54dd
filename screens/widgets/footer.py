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

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from screens.widgets.keys_line import rank, short


class DeskFooter(Footer):
    DEFAULT_CSS = """
    /* Docked right, the palette key must reach the last column: compact's margin-right
       left a 1-column gap where the keys that overflow under it showed through. */
    DeskFooter.-compact FooterKey.-command-palette {
        padding-right: 1 !important;
        margin-right: 0 !important;
    }
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
        # stable: the order is kept within each rank
        widgets.sort(key=lambda w: rank(getattr(w, "key", ""), getattr(w, "action", "")))
        for widget in widgets:
            if widget._reactive_connect:  # a FooterKey bound to Footer.compact
                # Undo the data_bind before its deferred set-up runs (it skips an empty
                # binding) and give the key the value the binding would have given it.
                widget._reactive_connect = None
                widget.compact = self.compact  # type: ignore[attr-defined]
            if isinstance(widget, FooterKey):
                widget.description = short(widget.key, widget.action, widget.description)
            yield widget

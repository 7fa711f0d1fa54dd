"""Textual's own English texts in the desk's language: binding descriptions of its widgets
(the F1 panel lists them: "Focus Next", "Copy selected text"…) and the command palette.

A desk binding's description is a message key ("key.keys"); a Textual one is English words,
looked up as "tx.<words_with_underscores>" in desk/i18n/msg_textual.py. Anything unknown is
shown as it is (tests/screens/test_language.py fails on an English leftover on our screens).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen
from textual.widgets.option_list import Option

from desk.domain.text import fold
from desk.i18n import has, t
from screens.keyplan import GLOBAL_PLAN

PLAN = frozenset(key for key, _ in GLOBAL_PLAN)


def textual_key(text: str) -> str:
    return "tx." + re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def label(text: str) -> str:
    """A binding's description or tooltip as shown: a desk message key, or Textual's words."""
    if not text:
        return ""
    if has(text):
        return t(text)
    key = textual_key(text)
    return t(key) if has(key) else text


class DeskCommandPalette(CommandPalette):
    """The command palette, with its placeholder and "no matches" line in the desk's language."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(placeholder=t("palette.placeholder"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own version adds "No matches found" in English (textual/command.py).
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("palette.no_matches"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)


def desk_commands(app: Any, screen: Any) -> Iterator[SystemCommand]:
    """What the palette offers: the current screen's actions and the app's (modes, F1, F10),
    as the footer and F1 name them, each with its key. Textual's English system commands
    (Theme, Screenshot…) are left out."""
    seen: set[str] = set()
    # the key plan's binding of an action first (F10 quit, not Textual's own Ctrl+Q with
    # its English tooltip "Quit the app and return to the command prompt.")
    ordered = sorted(screen.active_bindings.values(), key=lambda ab: ab.binding.key not in PLAN)
    for ab in ordered:
        b = ab.binding
        if not ab.enabled or not b.description or b.action in seen \
                or b.action == "command_palette" or not isinstance(ab.node, App | Screen):
            continue  # a field's own editing keys (cursor left…) are no commands
        if b.id is None:
            continue  # Textual's Tab, Shift+Tab, Ctrl+C: F1 leaves them out too (keys_panel.py)
        seen.add(b.action)
        key = app.get_key_display(b)
        help_text = label(b.tooltip) if b.tooltip else ""
        help_text = f"{help_text} ({key})" if help_text else t("palette.key_hint", key=key)
        yield SystemCommand(label(b.description), help_text,
                            partial(app.call_later, app.run_action, b.action, ab.node))


class DeskCommandsProvider(Provider):
    """The palette's commands (`desk_commands`), found with or without accents: a clerk
    typing "tiep nhan" finds "Tiếp nhận"."""

    async def discover(self) -> Hits:
        for cmd in sorted(desk_commands(self.app, self.screen), key=lambda c: c.title):
            yield DiscoveryHit(cmd.title, cmd.callback, help=cmd.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(fold(query))
        for cmd in desk_commands(self.app, self.screen):
            score = matcher.match(fold(cmd.title))
            if score > 0:
                yield Hit(score, cmd.title, cmd.callback, help=cmd.help)

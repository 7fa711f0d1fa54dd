"""A barcode scanner acting as a keyboard: a dossier code typed fast, then Enter, opens the
dossier from any screen.

Scanners "type" a whole code in a few milliseconds; people do not. `ScanBuffer` keeps the
printable keys that arrived less than `max_gap` seconds apart; an Enter arriving as fast
after a burst that is a well-formed dossier code is a scan. The App feeds it every key
before the focused widget sees it (`DeskModes.on_event` in screens/modes.py); on a scan the
Enter is swallowed, the code's characters are taken back out of the focused Input, and the
dossier screen opens.
"""

from __future__ import annotations

from typing import Any

from textual import events

from desk.domain.codes import looks_like_dossier_code, parse_dossier_code

MAX_GAP = 0.05  # seconds between two keys of one scan
MIN_LENGTH = 10  # shorter bursts are never a dossier code


class ScanBuffer:
    def __init__(self, max_gap: float = MAX_GAP, min_length: int = MIN_LENGTH) -> None:
        self.max_gap = max_gap
        self.min_length = min_length
        self.chars: list[str] = []
        self.last: float | None = None

    def _fast(self, now: float) -> bool:
        return self.last is not None and 0 <= now - self.last < self.max_gap

    def feed(self, char: str, now: float) -> None:
        if not self._fast(now):
            self.chars = []
        self.chars.append(char)
        self.last = now

    def enter(self, now: float) -> str | None:
        """The scanned text if this Enter ends a fast burst that is a dossier code."""
        text = "".join(self.chars)
        fast = self._fast(now)
        self.chars, self.last = [], None
        if fast and len(text) >= self.min_length and looks_like_dossier_code(text):
            return text
        return None

    def reset(self) -> None:
        self.chars, self.last = [], None

    def observe(self, event: events.Key, now: float | None = None) -> str | None:
        """Feed one key event; the scanned text when it completes a scan, else None."""
        when = event.time if now is None else now
        if event.key == "enter":
            return self.enter(when)
        if event.is_printable and event.character:
            self.feed(event.character, when)
        else:
            self.reset()
        return None


def take_back(focused: Any, typed: str) -> None:
    """Remove the scanned characters the focused Input received before the Enter.

    The keys are still in the Input's queue when the Enter is seen, so the removal is queued
    behind them (`call_later` runs after the messages already posted)."""
    from textual.widgets import Input

    def remove() -> None:
        if focused.value.endswith(typed):
            focused.value = focused.value[: -len(typed)]

    if isinstance(focused, Input) and typed:
        focused.call_later(remove)


def scanned_code(typed: str) -> str:
    return str(parse_dossier_code(typed))

"""A barcode scanner acting as a keyboard: a dossier code typed fast, then Enter, opens the
dossier from any screen; a chip ID card's QR text typed fast fills the applicant in (intake,
kiosk: issue 17).

Scanners "type" a whole code in a few milliseconds; people do not. `ScanBuffer` keeps the
printable keys that arrived less than `max_gap` seconds apart; an Enter arriving as fast
after a burst that is a well-formed dossier code is a scan. The App feeds it every key
before the focused widget sees it (`DeskModes.on_event` in screens/modes.py); on a scan the
Enter is swallowed, the code's characters are taken back out of the focused Input, and the
dossier screen opens.

A card's text is longer (~120 characters) and full of letters a Telex input would compose
("Nguyeen" → "Nguyên"): once a fast burst starts like a card (12 digits and "|"), its later
keys are held back from the focused widget (`holding`), and on the Enter the widget gets back
the value it had before the burst. A burst that slows down before its Enter was a person
after all: the held keys are given to the widget then (`release`). No key is ever needed to
tell the desk a scan is coming.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input

from desk.domain.card_qr import looks_like_card_qr
from desk.domain.codes import looks_like_dossier_code, parse_dossier_code

MAX_GAP = 0.05  # seconds between two keys of one scan
MIN_LENGTH = 10  # shorter bursts are never a dossier code
CARD_PREFIX = 13  # 12 digits and "|": from here on a burst is held back as a card's text


class ScanBuffer:
    def __init__(self, max_gap: float = MAX_GAP, min_length: int = MIN_LENGTH) -> None:
        self.max_gap = max_gap
        self.min_length = min_length
        self.chars: list[str] = []
        self.last: float | None = None
        self.held: list[str] = []  # keys kept from the focused widget (a card's text)

    def _fast(self, now: float) -> bool:
        return self.last is not None and 0 <= now - self.last < self.max_gap

    def starts_burst(self, now: float) -> bool:
        """Would a key at `now` begin a new burst (so the focused value is the one to keep)?"""
        return not self._fast(now)

    def feed(self, char: str, now: float) -> None:
        if not self._fast(now):
            self.chars = []
            self.held = []
        self.chars.append(char)
        self.last = now

    @property
    def holding(self) -> bool:
        """The burst so far is a card's text: keep its keys from the focused widget."""
        if len(self.chars) < CARD_PREFIX:
            return False
        head = "".join(self.chars[:CARD_PREFIX])
        return head[:12].isdigit() and head[12] == "|"

    def release(self) -> list[str]:
        """The held keys, given back when the burst turned out to be a person typing."""
        out, self.held = self.held, []
        return out

    def enter(self, now: float) -> str | None:
        """The scanned text if this Enter ends a fast burst that is a dossier code."""
        text = "".join(self.chars)
        fast = self._fast(now)
        self.chars, self.last = [], None
        self.held = []
        if fast and len(text) >= self.min_length and (looks_like_dossier_code(text)
                                                      or looks_like_card_qr(text)):
            return text
        return None

    def reset(self) -> None:
        self.chars, self.last, self.held = [], None, []

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
    def remove() -> None:
        if focused.value.endswith(typed):
            focused.value = focused.value[: -len(typed)]

    if isinstance(focused, Input) and typed:
        focused.call_later(remove)


def is_card(typed: str) -> bool:
    return looks_like_card_qr(typed)


def restore(focused: Any, value: str, then: Callable[[], None]) -> None:
    """Give the focused Input back its value from before the scan once the keys it already
    received (queued before this call) are processed, then call `then` (which fills the form:
    after the restore, or the restore would undo it)."""
    def put_back() -> None:
        focused.value = value
        focused.cursor_position = len(value)
        then()

    if isinstance(focused, Input):
        focused.call_later(put_back)
    else:
        then()


def scanned_code(typed: str) -> str:
    return str(parse_dossier_code(typed))


REPLAY_MAX = 2  # a burst longer than this at the kiosk is a scanner, never a citizen's keys


class KioskGate:
    """The kiosk has no input field: its number keys issue tickets at once. A card's number
    starts with its province code, 001–096, so with "0" — the priority key, which only asks
    the reason — the kiosk waits `max_gap` seconds for a next key: a burst that ends with a
    fast Enter and reads as a card goes to `on_card`; a short one (a citizen's presses) is
    replayed as it was; a long one that is no card (a stray scan) is dropped rather than
    issuing a dozen tickets. Other keys act at once."""

    def __init__(self, app: Any, on_card: Callable[[str], None],
                 max_gap: float = MAX_GAP) -> None:
        self.app = app
        self.on_card = on_card
        self.max_gap = max_gap
        self.held: list[events.Key] = []
        self.timer: Any = None
        self.replaying: set[int] = set()

    def take(self, event: events.Key) -> bool:
        """True when the gate keeps the key (the app must not handle it now)."""
        if id(event) in self.replaying:
            self.replaying.discard(id(event))
            return False
        fast = bool(self.held) and 0 <= event.time - self.held[-1].time < self.max_gap
        if event.key == "enter" and self.held:
            text = "".join(k.character or "" for k in self.held)
            if fast and looks_like_card_qr(text):
                self._stop()
                self.held = []
                self.on_card(text)
                return True
            self.flush()
            return False
        if not (event.is_printable and event.character):
            self.flush()
            return False
        if self.held and not fast:
            self.flush()
        if not self.held and event.character != "0":
            return False
        self.held.append(event)
        self._stop()
        self.timer = self.app.set_timer(self.max_gap * 1.5, self.flush)
        return True

    def _stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def flush(self) -> None:
        held, self.held = self.held, []
        self._stop()
        if len(held) > REPLAY_MAX:
            return
        for k in held:
            again = events.Key(k.key, k.character)
            self.replaying.add(id(again))
            self.app.post_message(again)

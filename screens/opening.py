"""What a queue terminal paints first (`desk queue counter N`, `desk queue board`, `desk kiosk`):
one line naming the screen that opens and the keys, while the database stack and that screen
load behind it (desk/queue_apps.py). The desk's own app paints its login first the same way
(docs/performance.md, "Start of the TUI")."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header, Static

from screens.base import DeskScreen
from screens.widgets.footer import DeskFooter


class OpeningScreen(DeskScreen):
    DEFAULT_CSS = """
    OpeningScreen #opening { height: 1fr; content-align: center middle; color: $text-muted; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.text, id="opening")
        yield DeskFooter()

"""The satisfaction rating screen, turned toward the citizen (counter screen or kiosk): three
big choices on the keys 1, 2, 3, a thank-you, then back to waiting for the next citizen.

Use: `RatingScreen(counter=2, clerk_id=…)`, then `screen.subject(ticket_label="A015")` (or a
dossier code) when the clerk finishes serving someone. Esc / F10 close it (the clerk).
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Static

from desk.i18n import t
from desk.services.queue.ratings import rate
from screens.base import DeskScreen
from screens.widgets.footer import DeskFooter

THANKS_SECONDS = 6.0
CHOICES = (("1", "rat_hai_long", "success"), ("2", "hai_long", "primary"),
           ("3", "khong_hai_long", "warning"))


class RatingScreen(DeskScreen):
    DEFAULT_CSS = """
    RatingScreen { align: center middle; background: $background; }
    RatingScreen #rating-ask { width: 100%; height: auto; content-align: center middle;
        text-align: center; text-style: bold; color: $text; padding: 1 2; }
    RatingScreen #rating-subject { width: 100%; height: 1; text-align: center; color: $accent; }
    RatingScreen #rating-choices { width: 100%; height: auto; align: center middle;
        padding: 1 0; }
    RatingScreen .rating-choice { width: 30; height: 11; border: heavy $primary;
        margin: 0 2; align: center middle; padding: 0 1; }
    RatingScreen .rating-choice.-success { border: heavy $success; }
    RatingScreen .rating-choice.-warning { border: heavy $warning; }
    RatingScreen .rating-choice Digits { width: 100%; text-align: center; }
    RatingScreen .rating-choice .rating-label { width: 100%; text-align: center;
        text-style: bold; }
    RatingScreen .rating-choice .rating-press { width: 100%; text-align: center;
        color: $text-muted; }
    RatingScreen .rating-choice.-picked { background: $boost; }
    RatingScreen #rating-thanks { width: 100%; height: auto; text-align: center;
        text-style: bold; color: $success; padding: 2; display: none; }
    RatingScreen.-thanks #rating-thanks { display: block; }
    RatingScreen.-thanks #rating-choices, RatingScreen.-thanks #rating-ask,
    RatingScreen.-thanks #rating-subject { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "rate('1')", "rating.key.1", id="rating.1", tooltip="rating.key.1.tip"),
        Binding("2", "rate('2')", "rating.key.2", id="rating.2", tooltip="rating.key.2.tip"),
        Binding("3", "rate('3')", "rating.key.3", id="rating.3", tooltip="rating.key.3.tip"),
        Binding("escape,f10", "close", "rating.key.close", id="rating.close",
                tooltip="rating.key.close.tip"),
    ]

    def __init__(self, counter: int | None = None, clerk_id: Any = None, *,
                 ticket_label: str | None = None, dossier_code: str | None = None,
                 thanks_seconds: float = THANKS_SECONDS) -> None:
        super().__init__()
        self.counter = counter
        self.clerk_id = clerk_id
        self.ticket_label = ticket_label
        self.dossier_code = dossier_code
        self.thanks_seconds = thanks_seconds
        self.last: Any = None  # the last RatingView saved (tests, the counter screen)
        self._busy = False

    def compose(self) -> ComposeResult:
        yield Static(t("rating.ask"), id="rating-ask")
        yield Static("", id="rating-subject")
        with Horizontal(id="rating-choices"):
            for key, level, tone in CHOICES:
                with Vertical(id=f"rating-choice-{key}", classes=f"rating-choice -{tone}"):
                    yield Digits(key)
                    yield Static(t(f"rating.level.{level}"), classes="rating-label")
                    yield Static(t("rating.key", key=key), classes="rating-press")
        yield Static(t("rating.thanks"), id="rating-thanks")
        yield DeskFooter()

    def on_mount(self) -> None:
        self._show_subject()

    def subject(self, *, ticket_label: str | None = None,
                dossier_code: str | None = None) -> None:
        """Who the next rating is about (the ticket just served, or the dossier)."""
        self.ticket_label, self.dossier_code = ticket_label, dossier_code
        self._show_subject()

    def _show_subject(self) -> None:
        label = self.ticket_label or self.dossier_code
        text = t("rating.ask.subject", label=escape(label)) if label else ""
        self.query_one("#rating-subject", Static).update(text)

    def action_rate(self, key: str) -> None:
        if self._busy:  # one rating per citizen: keys are ignored while thanking
            return
        self._busy = True
        self.query_one(f"#rating-choice-{key}").add_class("-picked")
        self._save(key)

    @work(thread=True, exclusive=True, group="rating", exit_on_error=False)
    def _save(self, key: str) -> None:
        try:
            view = rate(self.ctx, key, ticket_label=self.ticket_label,
                        dossier_code=self.dossier_code, counter=self.counter,
                        clerk_id=self.clerk_id)
        except Exception as e:  # the citizen still gets a thank-you; the clerk sees why
            self.app.call_from_thread(self.notify, t("rating.saved_failed", error=str(e)),
                                      severity="error")
            view = None
        self.app.call_from_thread(self._thank, view)

    def _thank(self, view: Any) -> None:
        self.last = view
        self.add_class("-thanks")
        self.set_timer(self.thanks_seconds, self.reset)

    def reset(self) -> None:
        """Back to waiting for the next citizen."""
        self.remove_class("-thanks")
        for key, _, _ in CHOICES:
            self.query_one(f"#rating-choice-{key}").remove_class("-picked")
        self.ticket_label = self.dossier_code = None
        self._show_subject()
        self._busy = False

    def action_close(self) -> None:
        self.dismiss(self.last)

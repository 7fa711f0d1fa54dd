"""The four deadline counts in one line, refreshed every minute, for any screen.

    ⏰ Đến hạn hôm nay 1 · Sắp đến hạn 2 · Quá hạn 4 · Chưa xin lỗi 3

One line in the normal flow (not docked: a docked line would sit on the Header): yield it
right after the Header, or mount it as the screen's first child. The counts come from
desk.services.deadlines.watch in a thread worker (one indexed query), never on the UI thread.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import work
from textual.widgets import Static

from desk.i18n import t
from desk.services.context import load_stack
from desk.services.deadlines.watch import counts

REFRESH_SECONDS = 60.0
ORDER = ("due_today", "due_soon", "overdue", "overdue_no_letter")


class DeadlineBadge(Static):
    DEFAULT_CSS = """
    DeadlineBadge {
        height: 1;
        width: 100%;
        padding: 0 1;
        background: $boost;
        color: $text-muted;
    }
    DeadlineBadge.-warn {
        color: $warning;
    }
    DeadlineBadge.-alert {
        color: $error;
        text-style: bold;
    }
    """

    def __init__(self, *, interval: float = REFRESH_SECONDS, id: str | None = "deadline-badge",
                 classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.interval = interval
        self.counts: dict[str, int] | None = None
        self.tooltip = t("badge.tip")

    def on_mount(self) -> None:
        self.call_after_refresh(self.refresh_counts)  # the database loads after the first paint
        self.set_interval(self.interval, self.refresh_counts)

    @work(thread=True, exclusive=True, exit_on_error=False, group="deadline-badge")
    def refresh_counts(self) -> None:
        load_stack()

        c = counts(self.app.ctx)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.show_counts, c.as_dict())

    def line_for(self, counts: dict[str, int]) -> Text:
        line = Text()  # no emoji: Windows consoles draw them two cells wide or not at all
        for i, key in enumerate(ORDER):
            if i:
                line.append(" · ")
            n = counts[key]
            line.append(f"{t('deadline.count.' + key)} ")
            line.append(str(n), style="bold" if n else "")
        return line

    def show_counts(self, counts: dict[str, Any], extra: Text | None = None) -> None:
        self.counts = {k: int(counts.get(k, 0)) for k in ORDER}
        line = self.line_for(self.counts)
        if extra is not None:
            line.append_text(extra)
        self.update(line)
        self.set_class(bool(self.counts["overdue_no_letter"]), "-alert")
        self.set_class(not self.counts["overdue_no_letter"] and bool(
            self.counts["overdue"] or self.counts["due_today"]), "-warn")

"""The text-mode display had the TV's bug too: a number transferred back to waiting (or put on
hold) stayed on screen as "called". QueueFeed, which it reads, now leaves such numbers out."""

from __future__ import annotations

from desk.services.context import DeskContext
from desk.services.queue import tickets as queue


def test_transferred_or_held_numbers_are_not_shown_as_called(qctx: DeskContext) -> None:
    for _ in range(3):
        queue.issue(qctx, "HT", print_ticket=False)
    queue.call_next(qctx, 1)
    queue.call_next(qctx, 2)
    feed = queue.QueueFeed(qctx.settings.database_path)
    try:
        day = queue.business_day(qctx)
        assert [c.label for c in feed.snapshot(day).calls] == ["A002", "A001"]
        queue.transfer(qctx, 2, to_service="CT")
        assert [c.label for c in feed.snapshot(day).calls] == ["A001"]
        queue.hold(qctx, 1)
        assert feed.snapshot(day).calls == []
        queue.call_next(qctx, 2)  # A002 called again in its new service
        assert [c.label for c in feed.snapshot(day).calls] == ["A002"]
    finally:
        feed.close()

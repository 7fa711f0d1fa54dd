"""A TV page opened now speaks only the calls made after it opened (issue 18).

On a loaded machine the server's watcher can be late to read a commit: a page that opened
just after a call was made (and even finished) took that call as new and spoke it, and the
next call came second ("Mời số B một…" before "Mời số A một trăm linh năm…", CI of 5 Dec).
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import httpx
import pytest

from desk.lobby.app import create_app
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from storage.commit_watch import CommitWatch
from tests.lobby.harness import events, served


class LateWatcher:
    """Holds the watcher's next look at the database until `go` (a loaded machine)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.holding = threading.Event()
        self.held = threading.Event()
        self.go = threading.Event()
        real = CommitWatch.changed

        def changed(watch: CommitWatch) -> bool:
            if self.holding.is_set():
                self.held.set()
                self.go.wait(60)
            return real(watch)

        monkeypatch.setattr(CommitWatch, "changed", changed)


async def test_a_page_opened_after_a_call_does_not_speak_it(
        qctx: DeskContext, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):
        queue.issue(qctx, "HT", print_ticket=False)
    late = LateWatcher(monkeypatch)
    try:
        app = create_app(qctx, poll=0.01, heartbeat=0.2)
        async with served(app) as url:
            late.holding.set()
            assert await asyncio.to_thread(late.held.wait, 10)
            before = queue.call_next(qctx, 1)  # made and finished before the TV is on
            assert before is not None and before.label == "A001"
            queue.finish(qctx, 1)
            calls: list[dict[str, Any]] = []
            async with httpx.AsyncClient(timeout=10) as client, \
                    client.stream("GET", url + "/events") as r:
                async for kind, data in events(r):
                    if kind == "state" and late.holding.is_set():  # the page is open
                        late.holding.clear()  # the watcher catches up: it reads A001
                        late.go.set()
                        while not any(c.label == "A001" for c in app.state.hub.state.calls):
                            await asyncio.sleep(0.01)
                        assert queue.call_next(qctx, 2) is not None  # A002: the page's first
                    if kind == "call":
                        calls.append(data)
                        if data["label"] == "A002":
                            break
    finally:
        late.go.set()
    assert [(c["label"], c["fresh"]) for c in calls] == [("A002", True)]

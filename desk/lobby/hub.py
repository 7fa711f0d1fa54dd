"""One watcher of the database per server, many pages listening.

A background task asks the feed every `poll` seconds whether another process committed (in a
worker thread: SQLite calls block). When it did, the day is read once and every waiting page
is woken; a page then sends what is new to it. A database that is busy or not there keeps the
last state and reports `stale`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from datetime import timedelta

from desk.lobby.feed import LobbyFeed, LobbyState
from desk.services.context import DeskContext

log = logging.getLogger(__name__)
REFRESH = timedelta(seconds=30)  # estimates age with the clock even when nothing is written


class Hub:
    def __init__(self, ctx: DeskContext, *, poll: float = 0.1) -> None:
        self.ctx = ctx
        self.poll = poll
        self.state: LobbyState | None = None
        self.version = 0
        self.stale = False
        self._feed: LobbyFeed | None = None
        self._changed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await asyncio.to_thread(self._step)  # the first state before the first page
        self._task = asyncio.create_task(self._run(), name="lobby-hub")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._feed is not None:
            self._feed.close()

    async def wait(self, version: int, timeout: float) -> int:
        """The version after `version`, or `version` again after `timeout` seconds."""
        if self.version != version:
            return self.version
        event = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(event.wait(), timeout)
        return self.version

    async def _run(self) -> None:
        while True:
            try:
                changed = await asyncio.to_thread(self._step)
            except Exception:  # never let the watcher die: the TV would freeze
                log.exception("reading the waiting room failed")
                changed = False
            if changed:
                self.version += 1
                event, self._changed = self._changed, asyncio.Event()
                event.set()
            await asyncio.sleep(self.poll)

    def _step(self) -> bool:
        """Read again if something changed; True when the state is new."""
        now = self.ctx.now()
        day = now.astimezone(self.ctx.tz).date()
        try:
            if self._feed is None:
                self._feed = LobbyFeed(self.ctx.settings.database_path, self.ctx.settings.queue)
            old = self.state
            due = old is None or old.day != day or now - old.now >= REFRESH
            if not self._feed.changed() and not due and not self.stale:
                return False
            self.state = self._feed.read(day, now)
            self.stale = False
            return True
        except sqlite3.Error:
            if self._feed is not None:
                self._feed.reset()
            was, self.stale = self.stale, True
            return not was

"""One watcher of the database per server, many pages listening.

A background task asks the feed every `poll` seconds whether another process committed (in a
worker thread: SQLite calls block). When it did, the day is read once and every waiting page
is woken; a page then sends what is new to it. The wait estimates of that day are worked out
beside the watcher, in another thread, and wake the pages again when ready: with a long queue
they take tenths of a second, and a call must not wait for them to reach the TV (≤ 1 s).
Until then the pages keep the last figures. A database that is busy or not there keeps the
last state and reports `stale`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from dataclasses import replace
from datetime import timedelta

from desk.lobby.feed import LobbyFeed, LobbyState, with_estimates
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
        self._unestimated: LobbyState | None = None  # the newest rows without their figures
        self._estimating: asyncio.Task[LobbyState] | None = None

    async def start(self) -> None:
        await asyncio.to_thread(self._step)  # the first state, estimated, before the first page
        if self._unestimated is not None:
            self.state, self._unestimated = await asyncio.to_thread(
                with_estimates, self._unestimated, self.ctx.settings.queue), None
        self._task = asyncio.create_task(self._run(), name="lobby-hub")

    async def stop(self) -> None:
        for task in (self._task, self._estimating):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
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
            if self._estimating is not None and self._estimating.done():
                changed = self._take_estimates(self._estimating) or changed
                self._estimating = None
            if changed:
                self.version += 1
                event, self._changed = self._changed, asyncio.Event()
                event.set()
            if self._estimating is None and self._unestimated is not None:
                self._estimating = asyncio.create_task(asyncio.to_thread(
                    with_estimates, self._unestimated, self.ctx.settings.queue))
                self._unestimated = None
            await asyncio.sleep(self.poll)

    def _take_estimates(self, task: asyncio.Task[LobbyState]) -> bool:
        """The figures worked out beside the watcher go onto the newest state (the same day):
        if newer rows came meanwhile, their own figures are on the way."""
        try:
            done = task.result()
        except Exception:
            log.exception("estimating the waits failed")
            return False
        if self.state is None or self.state.day != done.day:
            return False
        self.state = replace(self.state, estimates=done.estimates, new_ticket=done.new_ticket)
        return True

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
            self.state = self._unestimated = self._feed.read_rows(day, now, carry=old)
            self.stale = False
            return True
        except sqlite3.Error:
            if self._feed is not None:
                self._feed.reset()
            was, self.stale = self.stale, True
            return not was

"""The notice worker: sends what the outbox holds, with retry and backoff, exactly once.

Per notice: claim it (`sending`, attempts + 1) in a short transaction; hand it to its channel,
which records its own progress through `save` (the modem: each part's SIM index, then its
reference); mark it `sent`. Trouble (a modem unplugged, no SIM, no signal, +CMS ERROR 38, a
gateway answering 500) puts it back to `waiting` with `next_at` pushed out (exponential,
capped, with jitter); after `max_attempts` it is `failed` and shown on the notices screen
with a resend key. A notice left `sending` by a killed desk is simply picked up again: the
channel finds out from its own records (the SIM's stored-message status, the gateway's
idempotency key) what already left, and sends only the rest.

Nothing here blocks the desk: the worker is a thread (`start`), or `drain` for the CLI.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import col, select

from desk.notify.base import Channel, SendError
from desk.notify.channels import build_channels
from desk.services.clock import Clock, system_clock
from desk.services.context import DeskContext
from desk.services.daemon import Daemon
from storage.engine import write_session
from storage.tables.notice import Notice

log = logging.getLogger(__name__)
BACKOFF_BASE = 30.0  # seconds
BACKOFF_CAP = 3600.0
LEASE = timedelta(minutes=2)  # a notice being sent is not taken by another worker meanwhile


def backoff(attempts: int, base: float = BACKOFF_BASE) -> float:
    """Seconds before the next try: doubling from `base`, capped, jittered (0.5–1×)."""
    return random.uniform(0.5, 1.0) * min(BACKOFF_CAP, base * 2.0 ** max(0, attempts - 1))


@dataclass
class NoticeWorker:
    ctx: DeskContext
    channels: dict[str, Channel]
    stop: threading.Event = field(default_factory=threading.Event)
    # Scheduling (backoff, lease) runs on the real clock: a pinned business clock (DESK_NOW)
    # must not freeze the retries. Recorded times (sent_at) are the context's.
    clock: Clock = system_clock

    def recover(self) -> int:
        """At start: notices a killed worker left `sending` are due again at once (one worker
        per channel per office: the modem's port opens in one process only)."""
        now = self.clock()
        with write_session(self.ctx.engine) as s:
            rows = list(s.exec(select(Notice).where(
                Notice.status == "sending", col(Notice.channel).in_(list(self.channels)))))
            for n in rows:
                n.next_at = now
                s.add(n)
        return len(rows)

    def _save(self, notice: Notice) -> None:
        with write_session(self.ctx.engine) as s:
            row = s.get(Notice, notice.id)
            if row is None:
                return
            row.parts = [dict(p) for p in notice.parts]
            row.channel_ref = notice.channel_ref
            row.bytes_sent = notice.bytes_sent
            s.add(row)

    def _claim(self) -> Notice | None:
        now = self.clock()
        with write_session(self.ctx.engine) as s:
            n = s.exec(select(Notice).where(
                col(Notice.status).in_(("waiting", "sending")), Notice.next_at <= now,
                col(Notice.channel).in_(list(self.channels)))
                .order_by(col(Notice.next_at)).limit(1)).first()
            if n is None:
                return None
            n.status, n.attempts, n.next_at = "sending", n.attempts + 1, now + LEASE
            s.add(n)
            s.flush()
            s.expunge(n)
            return n

    def _finish(self, n: Notice, error: SendError | None) -> None:
        now = self.clock()
        with write_session(self.ctx.engine) as s:
            row = s.get(Notice, n.id)
            if row is None:
                return
            if error is None:
                row.status, row.sent_at, row.last_error = "sent", self.ctx.now(), ""
                if row.delivered_at is not None:
                    row.status = "delivered"
            else:
                row.last_error = str(error)[:300]
                give_up = error.final or row.attempts >= self.ctx.settings.notify.max_attempts
                row.status = "failed" if give_up else "waiting"
                row.next_at = now + timedelta(seconds=backoff(
                    row.attempts, self.ctx.settings.notify.retry_seconds))
            s.add(row)

    def _delivered(self, reports: list[tuple[str, bool]]) -> None:
        if not reports:
            return
        now = self.ctx.now()  # recorded, not scheduled
        with write_session(self.ctx.engine) as s:
            for ref, ok in reports:
                for n in s.exec(select(Notice).where(
                        col(Notice.status).in_(("sending", "sent")),
                        col(Notice.channel_ref).contains(ref))):
                    parts = [dict(p) for p in n.parts]
                    for p in parts:
                        if p.get("ref") == ref:
                            p["delivered"] = ok
                    n.parts = parts
                    if all(p.get("delivered") for p in parts) or (not parts and ok):
                        n.delivered_at = now
                        if n.status == "sent":
                            n.status = "delivered"
                    s.add(n)

    def run_once(self) -> bool:
        """Send one due notice; False when none is due."""
        for ch in self.channels.values():
            try:
                self._delivered(ch.poll())
            except Exception:
                log.exception("delivery reports of %s not read", ch.name)
        n = self._claim()
        if n is None:
            return False
        try:
            self.channels[n.channel].send(n, self._save)
        except SendError as e:
            self._finish(n, e)
            return True
        except Exception as e:  # a bug in a channel must not kill the worker
            log.exception("notice %s", n.id)
            self._finish(n, SendError(repr(e)))
            return True
        self._finish(n, None)
        return True

    def run(self, idle: float = 1.0) -> None:
        while not self.stop.is_set():
            try:
                busy = self.run_once()
            except Exception:
                log.exception("notice worker")
                busy = False
            if not busy:
                self.stop.wait(idle)
        for ch in self.channels.values():
            ch.close()


def start(ctx: DeskContext) -> NoticeWorker | None:
    """The worker thread of this desk, when notices are configured."""
    if not ctx.settings.notify.channels:
        return None
    worker = NoticeWorker(ctx, build_channels(ctx))
    worker.recover()
    Daemon("notices", lambda _: worker.run(), stop_event=worker.stop).start()
    return worker


def drain(ctx: DeskContext, timeout: float, channels: dict[str, Channel] | None = None,
          ) -> int:
    """Send what is due for up to `timeout` seconds (the CLI); how many were handled."""
    worker = NoticeWorker(ctx, channels if channels is not None else build_channels(ctx))
    worker.recover()
    deadline = time.monotonic() + timeout
    done = 0
    try:
        while time.monotonic() < deadline and worker.run_once():
            done += 1
    finally:
        for ch in worker.channels.values():
            ch.close()
    return done


def flush_files(ctx: DeskContext) -> int:
    """Write the due notices of the "file" channel now (a command that has just recorded an
    event): appending a line never blocks, so it need not wait for a worker."""
    if "file" not in ctx.settings.notify.channels:
        return 0
    return drain(ctx, 5.0, channels={"file": build_channels(ctx)["file"]})

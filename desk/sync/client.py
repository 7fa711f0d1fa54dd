"""The sync client: push the outbox in gzip batches, then pull the district's changes.

One push in flight (a lock file next to the database); batches of ≤200 events and ≤64 KB;
results recorded in one transaction after the district committed (a crash before that only
means a resend, answered `duplicate`); each pull page applied in the same transaction as its
cursor. `DESK_SYNC_CRASH_AT=<point>` makes the process die (os._exit) at a named point, for
the kill -9 tests.
"""

from __future__ import annotations

import os
import random
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import select

from desk.sync import protocol as P
from desk.sync.transport import (
    ClientConfig,
    Offline,
    ProtocolError,
    SyncError,
    TooLarge,
    Transport,
)

CRASH_ENV = "DESK_SYNC_CRASH_AT"
CRASH_POINTS = ("push_before_send", "push_after_send", "push_mid_mark", "pull_after_fetch",
                "pull_mid_apply", "pull_after_commit")


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os._exit(137)


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random | None = None
                  ) -> float:
    """Full jitter: uniform in [0, min(cap, base·2^attempt)]."""
    r = rng or random
    return r.uniform(0, min(cap, base * (2 ** min(attempt, 30))))


@dataclass
class SyncReport:
    pushed: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    pulled: int = 0
    pages: int = 0
    bytes_up: int = 0
    events_up: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class SyncBusy(SyncError):
    code = "busy"


@contextmanager
def push_lock(db_path: Any) -> Iterator[None]:
    import fcntl

    path = f"{db_path}.sync.lock"
    with open(path, "a+b") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise SyncBusy() from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def encode_batch(rows: list[Any], device: str, schema_v: int, app_v: str) -> bytes:
    return P.compress({"batch_id": uuid.uuid4().hex, "app_v": app_v, "schema_v": schema_v,
                       "device": device, "events": [r.payload for r in rows]})


class SyncClient:
    def __init__(self, ctx: Any, cfg: ClientConfig, transport: Any = None) -> None:
        self.ctx = ctx
        self.cfg = cfg
        self.net = Transport(cfg, transport)

    def close(self) -> None:
        self.net.close()

    # -- push -------------------------------------------------------------------------------
    def _pending(self, limit: int) -> list[Any]:
        from storage.engine import read_session
        from storage.tables.sync import OutboxEvent

        with read_session(self.ctx.engine) as s:
            return list(s.exec(select(OutboxEvent).where(
                OutboxEvent.state.in_(("pending", "sent"))  # type: ignore[attr-defined]
            ).order_by(OutboxEvent.seq).limit(limit)))

    def _batch(self, device: str) -> tuple[list[Any], bytes]:
        rows = self._pending(P.MAX_EVENTS)
        schema_v = min((r.schema_v for r in rows), default=P.SCHEMA_V)
        rows = [r for r in rows if r.schema_v == schema_v] if rows else rows
        body = encode_batch(rows, device, schema_v, self.net.app_v)
        while len(body) > P.MAX_BODY and len(rows) > 1:
            rows = rows[: len(rows) // 2]
            body = encode_batch(rows, device, schema_v, self.net.app_v)
        return rows, body

    def push(self, report: SyncReport) -> None:
        from desk.sync.apply import apply_results
        from desk.sync.outbox import backfill, sync_state
        from storage.engine import write_session

        with write_session(self.ctx.engine) as s:
            backfill(s)
            device = sync_state(s).device_id
        stalled = 0
        while True:
            rows, body = self._batch(device)
            if not rows:
                return
            self._mark_sent(rows)
            crash_point("push_before_send")
            try:
                data = self.net.call("POST", self.net.office_path("events:batch"), body)
            except TooLarge:
                raise Offline("too_large") from None
            crash_point("push_after_send")
            if len(data.get("results") or []) != len(rows):
                raise ProtocolError("results")
            report.batches += 1
            report.bytes_up += len(body)
            report.events_up += len(rows)
            with write_session(self.ctx.engine) as s:
                counts = apply_results(s, self.ctx.calendar, [r.event_id for r in rows], data)
                crash_point("push_mid_mark")
            for k, v in counts.items():
                report.pushed[k] = report.pushed.get(k, 0) + v
            stalled = stalled + 1 if counts.keys() <= {"pending"} else 0
            if stalled > 2:
                raise Offline("no_progress")

    def _mark_sent(self, rows: list[Any]) -> None:
        from sqlalchemy import update

        from storage.engine import write_session
        from storage.tables.sync import OutboxEvent

        with write_session(self.ctx.engine) as s:
            s.execute(update(OutboxEvent).where(
                OutboxEvent.event_id.in_([r.event_id for r in rows])  # type: ignore[attr-defined]
            ).values(state="sent", attempts=OutboxEvent.attempts + 1))

    # -- pull -------------------------------------------------------------------------------
    def pull(self, report: SyncReport) -> None:
        from desk.sync.apply import apply_page
        from desk.sync.outbox import sync_state
        from storage.engine import read_session, write_session

        while True:
            with read_session(self.ctx.engine) as s:
                cursor = _cursor(s)
            data = self.net.call("GET", self.net.office_path("changes"),
                                 params={"cursor": cursor, "limit": P.PULL_LIMIT})
            crash_point("pull_after_fetch")
            with write_session(self.ctx.engine) as s:
                if sync_state(s).pull_cursor != cursor:
                    continue  # another process moved on meanwhile: read again
                report.pulled += apply_page(s, self.ctx.calendar, data["changes"],
                                            data["next_cursor"])
                crash_point("pull_mid_apply")
            crash_point("pull_after_commit")
            if any(ch.get("k") == "calendar_exceptions" for ch in data["changes"]):
                self.ctx.refresh_calendar()
            report.pages += 1
            if not data.get("has_more"):
                return

    # -- one cycle ----------------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        report = SyncReport()
        with push_lock(self.ctx.settings.database_path):
            try:
                self.push(report)
                self.pull(report)
            except SyncError as e:
                self._note(error=f"{e.code}:{e.detail}")
                raise
            self._note(error="", success=True)
        return report

    def _note(self, error: str, success: bool = False) -> None:
        from desk.sync.outbox import sync_state
        from storage.engine import write_session
        from storage.tables.common import utcnow

        with write_session(self.ctx.engine) as s:
            st = sync_state(s)
            st.last_attempt_at = utcnow()
            st.last_error = error
            if success:
                st.last_success_at = st.last_attempt_at
            s.add(st)

    def run(self, *, until_idle: bool = False, max_seconds: float | None = None,
            sleep: Callable[[float], None] = time.sleep,
            on_cycle: Callable[[SyncReport | SyncError], None] | None = None) -> SyncReport:
        """Sync forever (or until nothing is left, or a deadline) with full-jitter backoff.
        Auth and upgrade failures stop the loop (the outbox stays)."""
        from desk.sync.transport import AuthFailed, UpgradeRequired

        start, attempt, total = time.monotonic(), 0, SyncReport()
        while True:
            try:
                rep = self.sync_once()
                attempt = 0
                for k, v in rep.pushed.items():
                    total.pushed[k] = total.pushed.get(k, 0) + v
                total.pulled += rep.pulled
                total.batches += rep.batches
                total.pages += rep.pages
                total.bytes_up += rep.bytes_up
                total.events_up += rep.events_up
                if on_cycle:
                    on_cycle(rep)
                if until_idle:
                    return total
                delay = float(self.ctx.settings.sync.interval_seconds)
            except (AuthFailed, UpgradeRequired):
                raise
            except (Offline, SyncBusy) as e:
                if on_cycle:
                    on_cycle(e)
                retry_after = getattr(e, "retry_after", None)
                delay = retry_after or backoff_delay(attempt, self.cfg.backoff_base,
                                                     self.cfg.backoff_cap)
                attempt += 1
            if max_seconds is not None and time.monotonic() - start + delay > max_seconds:
                raise Offline("deadline")
            sleep(delay)


def _cursor(s: Any) -> str:
    from storage.tables.sync import SyncState

    st = s.get(SyncState, 1)
    return st.pull_cursor if st else ""

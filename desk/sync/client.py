"""The sync client: push the outbox in gzip batches, then pull the district's changes.

One push in flight (a lock file next to the database); batches of ≤200 events and ≤64 KB;
results recorded in one transaction after the district committed (a crash before that only
means a resend, answered `duplicate`); each pull page applied in the same transaction as its
cursor. `DESK_SYNC_CRASH_AT=<point>` makes the process die (os._exit) at a named point, for
the kill -9 tests.

After a restore from backup, a cycle first gets back this desk's own events from the district
(desk/sync/recover.py), then pushes, then pulls. A locked or full SQLite file is reported as
`LocalStoreError` (nothing was marked: the next cycle resends or re-pulls).
"""

from __future__ import annotations

import logging
import os
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from desk import environment
from desk.services.context import DeskContext
from desk.services.deadlines.clock_check import note_server_time
from desk.sync import protocol as P
from desk.sync import recover as R
from desk.sync.anchor import push_quietly
from desk.sync.apply import apply_page, apply_results, apply_stored
from desk.sync.attachments import run_uploads
from desk.sync.catalog_apply import SnapshotNeeded, local_version
from desk.sync.outbox import backfill
from desk.sync.outbox_row import sync_state
from desk.sync.shapes import SyncReportOut
from desk.sync.transport import (
    AuthFailed,
    ClientConfig,
    Offline,
    ProtocolError,
    SyncError,
    TooLarge,
    Transport,
    UpgradeRequired,
)
from storage.engine import read_session, write_session
from storage.tables.common import utcnow
from storage.tables.sync import OutboxEvent, SyncState

log = logging.getLogger("desk.sync")
CRASH_ENV = environment.SYNC_CRASH_AT
CRASH_POINTS = ("push_before_send", "push_after_send", "push_mid_mark", "pull_after_fetch",
                "pull_mid_apply", "pull_after_commit", "recover_mid_apply")


def crash_point(name: str) -> None:
    if environment.get(CRASH_ENV) == name:
        os._exit(137)


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random | None = None
                  ) -> float:
    """Full jitter: uniform in [0, min(cap, base·2^attempt)]."""
    r = rng or random
    return r.uniform(0, min(cap, base * (2 ** min(attempt, 30))))


def retry_delay(error: Exception, attempt: int, base: float, cap: float) -> float:
    """The server's Retry-After when it gave one (never beyond `cap`: a wrong header must not
    park the office for a day), else full-jitter backoff."""
    retry_after = getattr(error, "retry_after", None)
    if retry_after is not None and retry_after > 0:
        return min(float(retry_after), cap)
    return backoff_delay(attempt, base, cap)


@dataclass
class SyncReport:
    pushed: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    pulled: int = 0
    pages: int = 0
    bytes_up: int = 0
    events_up: int = 0
    recovered: int = 0
    attachments: dict[str, Any] = field(default_factory=dict)  # desk/sync/attachments.py

    def as_dict(self) -> SyncReportOut:
        return {"pushed": dict(self.pushed), "batches": self.batches, "pulled": self.pulled,
                "pages": self.pages, "bytes_up": self.bytes_up, "events_up": self.events_up,
                "recovered": self.recovered, "attachments": dict(self.attachments)}


class SyncBusy(SyncError):
    code = "busy"


class LocalStoreError(SyncError):
    """The office database refused a write (locked past the busy timeout, disk full)."""

    code = "local_store"


def _local_store_error(e: Exception) -> LocalStoreError:
    msg = str(getattr(e, "orig", e)).lower()
    return LocalStoreError("disk_full" if "full" in msg else
                           "busy" if "locked" in msg or "busy" in msg else type(e).__name__)


def _lock(f: Any) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415 — Windows only

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)  # first byte; OSError if held
    else:
        import fcntl  # noqa: PLC0415 — POSIX only

        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(f: Any) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415 — Windows only

        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl  # noqa: PLC0415 — POSIX only

        fcntl.flock(f, fcntl.LOCK_UN)


@contextmanager
def push_lock(db_path: Any) -> Iterator[None]:
    """One sync at a time per database, across processes (flock on POSIX, msvcrt on
    Windows); released by the OS if the process dies."""
    path = f"{db_path}.sync.lock"
    with open(path, "a+b") as f:
        try:
            _lock(f)
        except OSError:
            raise SyncBusy() from None
        try:
            yield
        finally:
            _unlock(f)


def encode_batch(rows: list[Any], device: str, schema_v: int, app_v: str,
                 epoch: int = 1) -> bytes:
    return P.compress({"batch_id": uuid.uuid4().hex, "app_v": app_v, "schema_v": schema_v,
                       "device": device, "epoch": epoch, "events": [r.payload for r in rows]})


class SyncClient:
    def __init__(self, ctx: DeskContext, cfg: ClientConfig, transport: Any = None) -> None:
        self.ctx = ctx
        self.cfg = cfg
        self.net = Transport(cfg, transport)

    def close(self) -> None:
        self.net.close()

    # -- push -------------------------------------------------------------------------------
    def _pending(self, limit: int) -> list[Any]:
        with read_session(self.ctx.engine) as s:
            return list(s.exec(select(OutboxEvent).where(
                col(OutboxEvent.state).in_(("pending", "sent"))
            ).order_by(col(OutboxEvent.seq)).limit(limit)))

    def _batch(self, device: str) -> tuple[list[Any], bytes]:
        rows = self._pending(P.MAX_EVENTS)
        schema_v = min((r.schema_v for r in rows), default=P.SCHEMA_V)
        rows = [r for r in rows if r.schema_v == schema_v] if rows else rows
        epoch = rows[0].device_epoch if rows else 1
        rows = [r for r in rows if r.device_epoch == epoch]  # one stream per batch
        body = encode_batch(rows, device, schema_v, self.net.app_v, epoch)
        while len(body) > P.MAX_BODY and len(rows) > 1:
            rows = rows[: len(rows) // 2]
            body = encode_batch(rows, device, schema_v, self.net.app_v, epoch)
        return rows, body

    def push(self, report: SyncReport) -> None:
        self.recover(report)  # first: a restored backup's lost dossiers come back
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
                counts = apply_results(s, self.ctx.calendar, [r.event_id for r in rows], data,
                                       self.ctx.now())
                crash_point("push_mid_mark")
            for k, v in counts.items():
                report.pushed[k] = report.pushed.get(k, 0) + v
            stalled = stalled + 1 if counts.keys() <= {"pending"} else 0
            if stalled > 2:
                raise Offline("no_progress")

    def _mark_sent(self, rows: list[Any]) -> None:
        with write_session(self.ctx.engine) as s:
            s.execute(update(OutboxEvent).where(
                col(OutboxEvent.event_id).in_([r.event_id for r in rows])
            ).values(state="sent", attempts=OutboxEvent.attempts + 1))

    # -- recovery after a restore ----------------------------------------------------------
    def recover(self, report: SyncReport) -> None:
        """Get back this device's own events the district has and a restored backup lacks."""
        while True:
            with read_session(self.ctx.engine) as s:
                todo = R.pending(s)
                device = sync_state(s).device_id if todo is not None else ""
            if todo is None:
                return
            after, cursor = todo
            data = self.net.call("GET", self.net.office_path("events"), params={
                "device": device, "after": after, "cursor": cursor, "limit": P.PULL_LIMIT})
            with write_session(self.ctx.engine) as s:
                if R.pending(s) != todo:
                    continue  # another process moved on meanwhile
                report.recovered += R.apply_own(s, self.ctx.calendar, data["events"])
                crash_point("recover_mid_apply")
                R.progress(s, data["next_cursor"], done=not data.get("has_more"))

    # -- pull -------------------------------------------------------------------------------
    def pull(self, report: SyncReport) -> None:
        self.recover(report)  # decisions must find the dossiers a restore lost
        with write_session(self.ctx.engine) as s:  # changes stored by an older release
            report.pulled += apply_stored(s, self.ctx.calendar)
        snapshot = False  # a catalog delta did not fit here: ask the page again, in full
        while True:
            with read_session(self.ctx.engine) as s:
                cursor = _cursor(s)
                params: dict[str, Any] = {"cursor": cursor, "limit": P.PULL_LIMIT,
                                          "catalog": local_version(s)}
            if snapshot:
                params["catalog_snapshot"] = 1
            data = self.net.call("GET", self.net.office_path("changes"), params=params)
            crash_point("pull_after_fetch")
            try:
                with write_session(self.ctx.engine) as s:
                    if sync_state(s).pull_cursor != cursor:
                        continue  # another process moved on meanwhile: read again
                    report.pulled += apply_page(s, self.ctx.calendar, data["changes"],
                                                data["next_cursor"])
                    note_server_time(s, self.ctx.now(), data.get("server_time"))
                    crash_point("pull_mid_apply")
            except SnapshotNeeded as e:  # rolled back: nothing of this page was applied
                if snapshot:
                    raise ProtocolError("catalog_delta") from None
                log.warning("catalog delta not applicable (%s): asking the full snapshot", e)
                snapshot = True
                continue
            snapshot = False
            crash_point("pull_after_commit")
            if any(ch.get("k") == "calendar_exceptions" for ch in data["changes"]):
                self.ctx.refresh_calendar()
            report.pages += 1
            if not data.get("has_more"):
                with write_session(self.ctx.engine) as s:
                    if R.pending(s) is None:  # every decision is back: release the rest
                        R.release_all(s, self.ctx.calendar)
                return

    # -- one cycle ----------------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        report = SyncReport()
        with push_lock(self.ctx.settings.database_path):
            try:
                try:
                    self.push(report)
                    self.pull(report)
                except OperationalError as e:
                    raise _local_store_error(e) from e
            except SyncError as e:
                self._note(error=f"{e.code}:{e.detail}")
                raise
            self._note(error="", success=True)
            push_quietly(self.net, self.ctx.engine)  # the audit head, kept by the district
            why = run_uploads(self, report)  # after the events, never instead of them
            if why not in ("done", "events", "budget"):
                self._note(error=f"attachments:{why}")
        return report

    def _note(self, error: str, success: bool = False) -> None:
        try:
            with write_session(self.ctx.engine) as s:
                st = sync_state(s)
                st.last_attempt_at = utcnow()
                st.last_error = error
                if success:
                    st.last_success_at = st.last_attempt_at
                s.add(st)
        except OperationalError:
            pass  # the file is locked or full: the error still reaches the caller

    def run(self, *, until_idle: bool = False, max_seconds: float | None = None,
            sleep: Callable[[float], None] = time.sleep,
            on_cycle: Callable[[SyncReport | SyncError], None] | None = None) -> SyncReport:
        """Sync forever (or until nothing is left, or a deadline) with full-jitter backoff.
        Auth and upgrade failures stop the loop (the outbox stays)."""
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
                total.recovered += rep.recovered
                if on_cycle:
                    on_cycle(rep)
                if until_idle:
                    return total
                delay = float(self.ctx.settings.sync.interval_seconds)
            except (AuthFailed, UpgradeRequired):
                raise
            except (Offline, SyncBusy, LocalStoreError) as e:
                if on_cycle:
                    on_cycle(e)
                delay = retry_delay(e, attempt, self.cfg.backoff_base, self.cfg.backoff_cap)
                attempt += 1
            if max_seconds is not None and time.monotonic() - start + delay > max_seconds:
                raise Offline("deadline")
            sleep(delay)


def _cursor(s: Session) -> str:
    st = s.get(SyncState, 1)
    return st.pull_cursor if st else ""

"""Print workers: one per printer, sending the spooled jobs in order.

Per job: drop expired tickets; open the transport; ask DLE EOT 1/2/4 (when the profile and
the transport can); claim the job (`sending`); send; confirm with another status query when
possible; mark `done`. Any trouble puts the job back to `queued` with `last_error`, and the
worker backs off (full-jitter exponential: uniform(0, min(cap, base·2ⁿ))) before trying the
printer again. A job that was partly sent (`bytes_sent > 0`) goes out again behind a
"BẢN IN LẠI" line. Nothing a printer does can block `submit`: the worker runs in its own
thread (`start`) or, for the CLI and tests, as `drain(ctx, timeout)`.

One worker on the machine drives a printer: it holds an OS file lock beside the database
(printer_lock), which the OS releases when its process dies, even by kill -9. The worker
that takes the lock puts every job of that printer still marked `sending` back to `queued`
at once (their worker died mid-job), so they go out first, in their order. A worker without
the lock leaves the printer to the one that has it and only waits for its jobs.

A slow printer is not a silent one. The reply to the DLE EOT sent after a job comes once the
printer has taken every byte before it, so the worker waits for the bytes to drain — their
time on the wire at the baud rate or at `min_rate` (a printer slower than its line), and as
long as the socket's or port's send queue keeps shrinking — before it judges the printer
silent.

An idle worker notices jobs queued by other processes (the CLI, a second counter) through
SQLite's `PRAGMA data_version`, as the waiting-room display does, within WATCH_INTERVAL.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from filelock import FileLock, Timeout
from sqlalchemy import func, update
from sqlmodel import col, select

from desk.services.context import DeskContext
from desk.services.daemon import Daemon
from desk.services.printing.spooler import (
    PROBLEM_STATES,
    REPRINT_MARK,
    printer_config,
    printer_dir,
    printer_lock,
    printer_profile,
    record_status,
    reprint_header,
)
from desk.services.printing.wake import forget, listen, notify
from printers.transports import Transport, TransportError, open_transport
from storage.engine import read_session, write_session
from storage.tables import PrintJob

__all__ = ["PrintWorker", "WorkerPool", "drain", "notify", "start"]

log = logging.getLogger(__name__)
Step = Literal["idle", "wait", "progress", "elsewhere"]
WATCH_INTERVAL = 0.25  # seconds between two looks at data_version while idle


class DataVersionWatch:
    """Tells when another connection committed to the SQLite file (PRAGMA data_version)."""

    def __init__(self, path: Any) -> None:
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        try:
            self._conn = sqlite3.connect(str(path), timeout=0.25, check_same_thread=False,
                                         isolation_level=None)
            self.changed()
        except sqlite3.Error:  # not a file (tests with :memory:) — fall back to the poll
            self._conn = None

    def changed(self) -> bool:
        if self._conn is None:
            return False
        try:
            v = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return False
        seen, self._version = self._version, v
        return seen is not None and seen != v

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


@dataclass
class PrintWorker:
    ctx: DeskContext
    printer: str
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    write_timeout: float = 10.0  # no byte taken for this long: the printer stopped
    status_timeout: float = 0.5  # a status reply once the printer has every byte
    min_rate: float = 500.0  # bytes/s: the slowest printer we wait for before saying silent
    max_wait: float = 180.0  # seconds: the longest wait for one job's bytes to drain
    rng: random.Random = field(default_factory=random.Random)
    transport: Transport | None = field(default=None, init=False)
    failures: int = field(default=0, init=False)
    not_before: float = field(default=0.0, init=False)  # time.monotonic() of the next try
    owner: bool = field(default=False, init=False)  # holds the printer's lock
    _last_state: tuple[str, str, float] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.cfg = printer_config(self.ctx, self.printer)
        self.profile = printer_profile(self.ctx, self.printer)
        self.lock: FileLock | None = None
        try:
            self.lock = FileLock(printer_lock(self.ctx, self.printer), timeout=0,
                                 fallback_to_soft=False)
        except (OSError, TypeError):  # no lock possible: behave as the only worker
            self.lock = None

    # -- the printer's lock -----------------------------------------------------------------
    def own(self) -> bool:
        """Take the printer's lock if free; the first time, recover interrupted jobs."""
        if self.owner:
            return True
        if self.lock is not None:
            try:
                self.lock.acquire(timeout=0)
            except Timeout:
                return False
            except OSError:
                log.warning("printer %s: cannot lock %s; printing without the lock",
                            self.printer, self.lock.lock_file)
                self.lock = None
        self.owner = True
        self._recover_interrupted()
        return True

    def release(self) -> None:
        if self.owner and self.lock is not None:
            self.lock.release(force=True)
        self.owner = False

    # -- one step ---------------------------------------------------------------------------
    def step(self) -> Step:
        """Send at most one job. 'idle': nothing queued; 'wait': backing off; 'elsewhere':
        another process drives this printer."""
        if time.monotonic() < self.not_before:
            return "wait"
        if not self.own():
            return "elsewhere"
        self._expire()
        job = self._head()
        if job is None:
            return "idle"
        problem = self._ready()
        if problem:
            self._requeue(job.id, None, problem, claimed=False)
            return "wait"
        if not self._claim(job.id):
            return "progress"
        data = job.data
        if job.bytes_sent > 0 and self.profile is not None:
            header = reprint_header(self.profile)
            if not data.startswith(header):
                data = header + data
        assert self.transport is not None
        budget = self._drain_budget(len(data))
        try:
            sent = self.transport.write(data, self.write_timeout + budget, name=str(job.id),
                                        stall=self.write_timeout)
        except TransportError as e:
            self._drop_transport()
            self._requeue(job.id, e.sent, str(e))
            return "wait"
        problem = self._confirm(len(data))
        if problem:
            self._requeue(job.id, sent, problem)
            return "wait"
        self._done(job.id, sent, marked=data is not job.data)
        return "progress"

    # -- printer ----------------------------------------------------------------------------
    def _can_status(self) -> bool:
        return bool(self.profile and self.profile.status_support and self.transport
                    and self.transport.can_read_status)

    def _ready(self) -> str:
        """Open the transport and check the status; '' when ready, else the problem."""
        if self.transport is None:
            try:
                self.transport = open_transport(self.cfg.transport, self.profile,
                                                printer_dir(self.ctx, self.printer))
            except TransportError as e:
                self._note_state("offline", str(e))
                return str(e)
        if not self._can_status():
            last = self._last_state
            if last is None or last[0] in PROBLEM_STATES:  # it opens again: no known problem
                self._note_state("unknown", "")
            return ""
        assert self.transport is not None
        st = self.transport.read_status(self.status_timeout)
        if st is None:
            return ""
        self._note_state(st.state, "")
        if st.ok:
            return ""
        if not st.responding:
            self._drop_transport()  # reconnect next time (the cable may come back)
        return f"printer {st.state}"

    def _drain_budget(self, nbytes: int) -> float:
        """Seconds the printer may need to take `nbytes`: their time on the wire at the
        line's baud rate, or at `min_rate` for a printer slower than its line."""
        assert self.transport is not None
        wire = self.transport.seconds_for(nbytes)
        return min(self.max_wait, max(wire, nbytes / self.min_rate))

    def _confirm(self, nbytes: int) -> str:
        """After the bytes: ask again; the reply comes once the printer has taken them all,
        so wait while they drain and judge the printer silent only when they stop moving."""
        if not self._can_status():
            self._note_state("ok", "")
            return ""
        assert self.transport is not None
        st = self.transport.read_status(self.status_timeout,
                                        wait=self._drain_waiter(nbytes))
        if st is None:
            return ""
        self._note_state(st.state, "")
        if st.ok:
            return ""
        if not st.responding:
            self._drop_transport()
        return f"printer {st.state} after the job"

    def _drain_waiter(self, nbytes: int) -> Callable[[], bool]:
        """A callback for read_status: True while it is worth waiting for the reply."""
        assert self.transport is not None
        transport = self.transport
        moved = time.monotonic()
        deadline = moved + self.status_timeout + self._drain_budget(nbytes)
        last: int | None = None  # bytes still queued at the last look

        def keep_waiting() -> bool:
            nonlocal moved, deadline, last
            now = time.monotonic()
            pending = transport.pending()
            if pending:  # bytes still queued for the printer: wait while they move
                if last is None or pending < last:
                    moved = now
                    deadline = max(deadline, now + self.status_timeout
                                   + min(self.max_wait, pending / self.min_rate))
                elif now - moved > self.write_timeout:
                    return False  # the printer stopped taking bytes
                last = pending
            return now < deadline

        return keep_waiting

    def poll_status(self) -> str | None:
        """Idle check (never mid-job): returns the state word, None when it cannot tell."""
        if not self.own():
            return None
        problem = self._ready()
        if problem and self.transport is None:
            return "offline"
        if self._last_state is None:
            return None
        return self._last_state[0]

    def _note_state(self, state: str, detail: str) -> None:
        now = time.monotonic()
        last = self._last_state
        if last and last[0] == state and last[1] == detail and now - last[2] < 30:
            return
        self._last_state = (state, detail, now)
        try:
            record_status(self.ctx, self.printer, state, detail)
        except Exception:  # the database being busy must not stop printing
            log.exception("cannot record the state of printer %s", self.printer)

    def _drop_transport(self) -> None:
        if self.transport is not None:
            self.transport.close()
            self.transport = None

    def close(self) -> None:
        self._drop_transport()
        self.release()

    # -- jobs -------------------------------------------------------------------------------
    def _recover_interrupted(self) -> None:
        """Holding the lock, no job of this printer can be on its way: one still `sending`
        was cut off when its worker died. Assume part of it printed (reprint mark)."""
        with write_session(self.ctx.engine) as s:
            res = s.exec(update(PrintJob)
                         .where(col(PrintJob.printer) == self.printer,
                                col(PrintJob.state) == "sending")
                         .values(state="queued", bytes_sent=func.max(PrintJob.bytes_sent, 1),
                                 last_error="interrupted while sending"))
            if res.rowcount:
                log.warning("printer %s: %d interrupted job(s) queued again", self.printer,
                            res.rowcount)

    def _expire(self) -> None:
        with write_session(self.ctx.engine) as s:
            s.exec(update(PrintJob)
                   .where(col(PrintJob.printer) == self.printer,
                          col(PrintJob.state) == "queued",
                          col(PrintJob.expires_at).is_not(None),
                          col(PrintJob.expires_at) <= self.ctx.now())
                   .values(state="expired"))

    def _head(self) -> Any:
        with read_session(self.ctx.engine) as s:
            return s.exec(select(PrintJob)
                          .where(PrintJob.printer == self.printer, PrintJob.state == "queued")
                          .order_by(col(PrintJob.created_at), col(PrintJob.id)).limit(1)).first()

    def _claim(self, job_id: uuid.UUID) -> bool:
        # the lease (on the desk's clock) only tells screens when the job should be through;
        # an interrupted job is recovered by the next worker that takes the lock, not by it
        lease = self.ctx.now() + timedelta(seconds=self.write_timeout * 3 + 60)
        with write_session(self.ctx.engine) as s:
            res = s.exec(update(PrintJob)
                         .where(col(PrintJob.id) == job_id, col(PrintJob.state) == "queued")
                         .values(state="sending", attempts=PrintJob.attempts + 1,
                                 next_attempt_at=lease))
            return bool(res.rowcount)

    def _requeue(self, job_id: uuid.UUID, sent: int | None, error: str,
                 claimed: bool = True) -> None:
        delay = self._backoff()
        log.info("printer %s: %s; next try in %.1f s", self.printer, error, delay)
        with write_session(self.ctx.engine) as s:
            row = s.get(PrintJob, job_id)
            if row is None or row.state not in ("queued", "sending"):
                return
            if claimed or row.state == "queued":
                row.state = "queued"
                if sent:
                    row.bytes_sent = max(row.bytes_sent, sent)
                row.last_error = error[:500]
                row.next_attempt_at = self.ctx.now() + timedelta(seconds=delay)
                s.add(row)

    def _done(self, job_id: uuid.UUID, sent: int, marked: bool) -> None:
        self.failures = 0
        with write_session(self.ctx.engine) as s:
            row = s.get(PrintJob, job_id)
            if row is None:
                return
            row.state, row.done_at, row.next_attempt_at = "done", self.ctx.now(), None
            row.bytes_sent = max(row.bytes_sent, sent)
            if marked and not row.transcript.startswith(REPRINT_MARK):
                row.transcript = f"{REPRINT_MARK}\n{row.transcript}"
            s.add(row)

    def _backoff(self) -> float:
        """Full jitter: uniform(0, min(cap, base·2^(failures−1)))."""
        self.failures += 1
        ceiling = min(self.backoff_cap, self.backoff_base * 2 ** min(self.failures - 1, 30))
        delay = self.rng.uniform(0, ceiling)
        self.not_before = time.monotonic() + delay
        return delay

    # -- loops ------------------------------------------------------------------------------
    def run(self, stop: threading.Event, wake: threading.Event,
            idle_poll: float = 10.0) -> None:
        """The background loop: until `stop` is set."""
        watch = DataVersionWatch(self.ctx.settings.database_path)
        try:
            while not stop.is_set():
                try:
                    result = self.step()
                except Exception:  # a bug or the database: log, back off, keep running
                    log.exception("print worker %s", self.printer)
                    self._drop_transport()
                    self._backoff()
                    result = "wait"
                if result == "progress":
                    continue
                pause = {"wait": max(0.05, self.not_before - time.monotonic()),
                         "elsewhere": min(idle_poll, 1.0)}.get(result, idle_poll)
                woken = self._sleep(pause, wake, stop, watch)
                if result == "idle" and not woken and not stop.is_set():
                    try:
                        self.poll_status()
                    except Exception:
                        log.exception("status poll of printer %s", self.printer)
        finally:
            watch.close()
            self.close()

    @staticmethod
    def _sleep(pause: float, wake: threading.Event, stop: threading.Event,
               watch: DataVersionWatch) -> bool:
        """Wait up to `pause` s; True when woken by `notify` or another process's commit."""
        end = time.monotonic() + pause
        while not stop.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return False
            if wake.wait(min(WATCH_INTERVAL, left)):
                wake.clear()
                return True
            if watch.changed():
                return True
        return True

    def run_until_idle(self, deadline: float) -> None:
        """Work until nothing is queued or `deadline` (time.monotonic()) has passed. When
        another process drives the printer, wait for it to send this printer's jobs."""
        try:
            while time.monotonic() < deadline:
                result = self.step()
                if result == "idle":
                    return
                if result == "elsewhere":
                    if not _waiting(self.ctx, self.printer):
                        return
                    time.sleep(min(WATCH_INTERVAL, max(0.0, deadline - time.monotonic())))
                if result == "wait":
                    time.sleep(max(0.0, min(self.not_before, deadline) - time.monotonic()))
        finally:
            self.close()


def _waiting(ctx: DeskContext, printer: str) -> bool:
    with read_session(ctx.engine) as s:
        return s.exec(select(PrintJob.id).where(
            PrintJob.printer == printer,
            col(PrintJob.state).in_(("queued", "sending"))).limit(1)).first() is not None


@dataclass
class WorkerPool:
    daemons: list[Daemon]
    stop_event: threading.Event
    printers: list[str]

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_event.set()
        for name in self.printers:
            notify(name)
        end = time.monotonic() + timeout
        for d in self.daemons:
            d.join(max(0.0, end - time.monotonic()))
        forget(self.printers)


def _loop(worker: PrintWorker, idle_poll: float) -> Callable[[Daemon], None]:
    """The daemon's body: this worker's loop on the daemon's own stop and wake events."""
    def body(d: Daemon) -> None:
        worker.run(d.stop_event, d.wake_event, idle_poll)
    return body


def start(ctx: DeskContext, printers: list[str] | None = None, *, idle_poll: float = 10.0,
          **worker_options: Any) -> WorkerPool:
    """Start one daemon thread per printer inside this process (the app does this)."""
    _ = ctx.engine  # open (and migrate) once, before the threads share it
    names = printers or list(ctx.settings.printers)
    stop = threading.Event()  # one for the pool: closing the desk stops every printer
    daemons = []
    for name in names:
        worker = PrintWorker(ctx, name, **worker_options)
        daemons.append(Daemon(f"print-{name}",
                              _loop(worker, idle_poll),
                              wake_event=listen(name), stop_event=stop).start())
    return WorkerPool(daemons, stop, names)


def drain(ctx: DeskContext, timeout: float, printers: list[str] | None = None,
          **worker_options: Any) -> dict[str, dict[str, Any]]:
    """One-shot: send what is queued (each printer in its own thread) for at most `timeout`
    seconds; returns per printer the jobs done and still waiting, and the last error."""
    _ = ctx.engine
    with read_session(ctx.engine) as s:
        waiting = set(s.exec(select(PrintJob.printer).where(
            col(PrintJob.state).in_(("queued", "sending")))).all())
    names = [n for n in (printers or list(ctx.settings.printers)) if n in waiting]
    deadline = time.monotonic() + timeout
    threads = []
    for name in names:
        worker = PrintWorker(ctx, name, **worker_options)
        t = threading.Thread(target=worker.run_until_idle, args=(deadline,),
                             name=f"drain-{name}", daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()) + 5.0)
    return _summary(ctx, names)


def _summary(ctx: DeskContext, names: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {n: {"done": 0, "queued": 0, "expired": 0,
                                          "last_error": ""} for n in names}
    with read_session(ctx.engine) as s:
        rows = s.exec(select(PrintJob.printer, PrintJob.state, func.count())
                      .where(col(PrintJob.printer).in_(names))
                      .group_by(PrintJob.printer, PrintJob.state)).all()
        for printer, state, count in rows:
            key = "queued" if state == "sending" else state
            out[printer][key] = out[printer].get(key, 0) + count
        for name in names:
            err = s.exec(select(PrintJob.last_error).where(
                PrintJob.printer == name, PrintJob.state == "queued")
                .order_by(col(PrintJob.created_at)).limit(1)).first()
            out[name]["last_error"] = err or ""
    return out

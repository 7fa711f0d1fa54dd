"""Print workers: one per printer, sending the spooled jobs in order.

Per job: drop expired tickets; open the transport; ask DLE EOT 1/2/4 (when the profile and
the transport can); claim the job (`sending`, with a lease); send; confirm with another
status query when possible; mark `done`. Any trouble puts the job back to `queued` with
`last_error`, and the worker backs off (full-jitter exponential: uniform(0, min(cap,
base·2ⁿ))) before trying the printer again. A job that was partly sent (`bytes_sent > 0`)
goes out again behind a "BẢN IN LẠI" line. Nothing a printer does can block `submit`: the
worker runs in its own thread (`start`) or, for the CLI and tests, as `drain(ctx, timeout)`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import func, update
from sqlmodel import col, select

from desk.services.context import DeskContext
from desk.services.print_wake import forget, listen, notify
from desk.services.printing import (
    REPRINT_MARK,
    printer_config,
    printer_dir,
    printer_profile,
    record_status,
    reprint_header,
)
from printers.transports import Transport, TransportError, open_transport
from storage.engine import read_session, write_session
from storage.tables import PrintJob

__all__ = ["PrintWorker", "WorkerPool", "drain", "notify", "start"]

log = logging.getLogger(__name__)
Step = Literal["idle", "wait", "progress"]


@dataclass
class PrintWorker:
    ctx: DeskContext
    printer: str
    backoff_base: float = 1.0
    backoff_cap: float = 60.0
    write_timeout: float = 10.0  # plus the job's time on the wire at the serial baud rate
    status_timeout: float = 0.5
    rng: random.Random = field(default_factory=random.Random)
    transport: Transport | None = field(default=None, init=False)
    failures: int = field(default=0, init=False)
    not_before: float = field(default=0.0, init=False)  # time.monotonic() of the next try
    _last_state: tuple[str, str, float] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.cfg = printer_config(self.ctx, self.printer)
        self.profile = printer_profile(self.ctx, self.printer)

    # -- one step ---------------------------------------------------------------------------
    def step(self) -> Step:
        """Send at most one job. 'idle': nothing queued; 'wait': backing off."""
        if time.monotonic() < self.not_before:
            return "wait"
        self._expire_and_recover()
        job = self._head()
        if job is None:
            return "idle"
        problem = self._ready()
        if problem:
            self._requeue(job.id, None, problem, claimed=False)
            return "wait"
        if not self._claim(job.id):
            return "progress"  # another process took it
        data = job.data
        if job.bytes_sent > 0 and self.profile is not None:
            header = reprint_header(self.profile)
            if not data.startswith(header):
                data = header + data
        assert self.transport is not None
        wire = getattr(self.transport, "seconds_for", lambda n: 0.0)(len(data))
        try:
            sent = self.transport.write(data, self.write_timeout + 1.5 * wire,
                                        name=str(job.id))
        except TransportError as e:
            self._drop_transport()
            self._requeue(job.id, e.sent, str(e))
            return "wait"
        problem = self._confirm(wire)
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

    def _confirm(self, wire: float) -> str:
        """After the bytes: ask again (the reply comes once the printer has them all)."""
        if not self._can_status():
            self._note_state("ok", "")
            return ""
        assert self.transport is not None
        st = self.transport.read_status(self.status_timeout + wire)
        if st is None:
            return ""
        self._note_state(st.state, "")
        if st.ok:
            return ""
        if not st.responding:
            self._drop_transport()
        return f"printer {st.state} after the job"

    def poll_status(self) -> str | None:
        """Idle check (never mid-job): returns the state word, None when it cannot tell."""
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

    # -- jobs -------------------------------------------------------------------------------
    def _expire_and_recover(self) -> None:
        with write_session(self.ctx.engine) as s:
            s.exec(update(PrintJob)  # type: ignore[call-overload]
                   .where(PrintJob.printer == self.printer, PrintJob.state == "queued",
                          PrintJob.expires_at.is_not(None),  # type: ignore[union-attr]
                          PrintJob.expires_at <= self.ctx.now())  # type: ignore[operator]
                   .values(state="expired"))
            # a worker that died mid-job (power cut): its lease ran out; assume partly sent
            s.exec(update(PrintJob)  # type: ignore[call-overload]
                   .where(PrintJob.printer == self.printer, PrintJob.state == "sending",
                          PrintJob.next_attempt_at < self.ctx.now())  # type: ignore[operator]
                   .values(state="queued", bytes_sent=func.max(PrintJob.bytes_sent, 1),
                           last_error="interrupted while sending"))

    def _head(self) -> Any:
        with read_session(self.ctx.engine) as s:
            return s.exec(select(PrintJob)
                          .where(PrintJob.printer == self.printer, PrintJob.state == "queued")
                          .order_by(col(PrintJob.created_at), col(PrintJob.id)).limit(1)).first()

    def _claim(self, job_id: uuid.UUID) -> bool:
        lease = self.ctx.now() + timedelta(seconds=self.write_timeout * 3 + 60)
        with write_session(self.ctx.engine) as s:
            res = s.exec(update(PrintJob)  # type: ignore[call-overload]
                         .where(PrintJob.id == job_id, PrintJob.state == "queued")
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
        while not stop.is_set():
            try:
                result = self.step()
            except Exception:  # a bug or the database: log, back off, keep the thread alive
                log.exception("print worker %s", self.printer)
                self._drop_transport()
                self._backoff()
                result = "wait"
            if result == "progress":
                continue
            pause = max(0.05, self.not_before - time.monotonic()) if result == "wait" \
                else idle_poll
            woken = wake.wait(pause)
            wake.clear()
            if result == "idle" and not woken and not stop.is_set():
                try:
                    self.poll_status()
                except Exception:
                    log.exception("status poll of printer %s", self.printer)
        self.close()

    def run_until_idle(self, deadline: float) -> None:
        """Work until nothing is queued or `deadline` (time.monotonic()) has passed."""
        try:
            while time.monotonic() < deadline:
                result = self.step()
                if result == "idle":
                    return
                if result == "wait":
                    time.sleep(max(0.0, min(self.not_before, deadline) - time.monotonic()))
        finally:
            self.close()


@dataclass
class WorkerPool:
    threads: list[threading.Thread]
    stop_event: threading.Event
    printers: list[str]

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_event.set()
        for name in self.printers:
            notify(name)
        end = time.monotonic() + timeout
        for t in self.threads:
            t.join(max(0.0, end - time.monotonic()))
        forget(self.printers)


def start(ctx: DeskContext, printers: list[str] | None = None, *, idle_poll: float = 10.0,
          **worker_options: Any) -> WorkerPool:
    """Start one daemon thread per printer inside this process (the app does this)."""
    _ = ctx.engine  # open (and migrate) once, before the threads share it
    names = printers or list(ctx.settings.printers)
    stop = threading.Event()
    threads = []
    for name in names:
        worker = PrintWorker(ctx, name, **worker_options)
        wake = listen(name)
        t = threading.Thread(target=worker.run, args=(stop, wake, idle_poll),
                             name=f"print-{name}", daemon=True)
        t.start()
        threads.append(t)
    return WorkerPool(threads, stop, names)


def drain(ctx: DeskContext, timeout: float, printers: list[str] | None = None,
          **worker_options: Any) -> dict[str, dict[str, Any]]:
    """One-shot: send what is queued (each printer in its own thread) for at most `timeout`
    seconds; returns per printer the jobs done and still waiting, and the last error."""
    _ = ctx.engine
    with read_session(ctx.engine) as s:
        waiting = set(s.exec(select(PrintJob.printer).where(
            PrintJob.state.in_(("queued", "sending")))).all())  # type: ignore[attr-defined]
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
                      .where(PrintJob.printer.in_(names))  # type: ignore[attr-defined]
                      .group_by(PrintJob.printer, PrintJob.state)).all()
        for printer, state, n in rows:
            key = "queued" if state == "sending" else state
            out[printer][key] = out[printer].get(key, 0) + n
        for n in names:
            err = s.exec(select(PrintJob.last_error).where(
                PrintJob.printer == n, PrintJob.state == "queued")
                .order_by(PrintJob.created_at).limit(1)).first()
            out[n]["last_error"] = err or ""
    return out

"""The print spooler's front door: submit, reprint, list jobs, printer states.

`submit` renders the document for the printer's profile and stores the job with its bytes
in one short transaction BEFORE anything is sent, then wakes the printer's worker (see
print_worker). It never talks to a printer, so a printer that is off, unplugged or out of
paper never blocks or fails the caller, and the job is never lost.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from sqlalchemy import func
from sqlmodel import col, select

from desk.domain.errors import DomainError
from desk.i18n import t
from desk.services.context import DeskContext
from desk.services.printing.rendering import (
    REPRINT_MARK,
    TICKET_TTL,
    printer_config,
    printer_profile,
    render_job,
    reprint_header,
)
from desk.services.printing.shapes import JobOut, JobWithTranscript, PrintedOut, PrinterStatusOut
from desk.services.printing.wake import notify
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM
from printers.document import Document
from printers.transports import TransportError, open_transport
from printers.transports.status import PrinterStatus
from storage.engine import read_session, write_session
from storage.tables import PrinterState, PrintJob

__all__ = ["KINDS", "PROBLEM_STATES", "REPRINT_MARK", "TICKET_TTL", "driven", "job", "job_note",
           "jobs", "printed", "printer_config", "printer_dir", "printer_lock", "printer_profile",
           "printer_states", "record_status", "reprint", "reprint_header", "status_of",
           "submit", "submit_once"]

KINDS = ("receipt", "ticket", "form", "letter", "test")
PROBLEM_STATES = ("silent", "offline", "cover_open", "paper_out", "error")
WAITING = ("queued", "sending")


def printer_dir(ctx: DeskContext, name: str) -> Path:
    """Where `dir:` (empty path) puts this printer's jobs: <data_dir>/print/<name>/."""
    return ctx.settings.data_dir / "print" / name


def printer_lock(ctx: DeskContext, name: str) -> Path:
    """The lock file that the one worker driving printer `name` holds (beside the database,
    so every process of this office agrees on it)."""
    db = ctx.settings.database_path
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
    db.parent.mkdir(parents=True, exist_ok=True)
    return db.parent / f"{db.name}.printer-{safe}.lock"


def driven(ctx: DeskContext, name: str) -> bool:
    """True when a worker (in any process) holds printer `name`'s lock right now."""
    lock = FileLock(printer_lock(ctx, name), timeout=0, fallback_to_soft=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False
    lock.release(force=True)
    return False


def submit(ctx: DeskContext, document: Document | bytes, *, printer: str = "receipt",
           kind: str, ref: str = "", reprint_of: uuid.UUID | None = None,
           marked: bool = False) -> uuid.UUID:
    """Store a print job (rendered now) and wake its printer's worker; returns the job id.
    `marked` puts the "BẢN IN LẠI" line first (thermal paper only)."""
    if kind not in KINDS:
        raise DomainError("print.bad_kind", kind=kind, known=", ".join(KINDS))
    data, transcript, profile = render_job(ctx, printer, document)
    thermal = printer_profile(ctx, printer)
    if marked and thermal is not None and profile != "pdf":
        data, transcript = reprint_header(thermal) + data, f"{REPRINT_MARK}\n{transcript}"
    now = ctx.now()
    row = PrintJob(printer=printer, kind=kind, ref=ref, profile=profile, created_at=now,
                   data=data, transcript=transcript, reprint_of=reprint_of,
                   expires_at=now + TICKET_TTL if kind == "ticket" else None)

    with write_session(ctx.engine) as s:
        s.add(row)
        audit.write(s, SYSTEM, audit.PRINT, target_type=kind, target_id=ref,  # prints are audited
                    at=now)  # by the desk's clock, as every entry
    _wake(printer)
    return row.id


def submit_once(ctx: DeskContext, document: Document | bytes, *, printer: str = "receipt",
                kind: str, ref: str) -> tuple[uuid.UUID, str]:
    """Queue `document` unless the same paper for `ref` already waits for this printer.

    Returns (job id, how): "waiting" — a job of this kind for `ref` is still queued or being
    sent, so that job is returned and nothing is added (a second unmarked copy would come
    out when the printer is back); "reprint" — one was printed before, so the new job
    carries the "BẢN IN LẠI" mark; "new" — the first of its kind."""
    with read_session(ctx.engine) as s:
        rows = s.exec(select(PrintJob.id, PrintJob.state).where(
            PrintJob.printer == printer, PrintJob.kind == kind, PrintJob.ref == ref,
            col(PrintJob.state).in_((*WAITING, "done")))
            .order_by(col(PrintJob.created_at).desc(), col(PrintJob.id).desc())).all()
    waiting = next((jid for jid, state in rows if state in WAITING), None)
    if waiting is not None:
        return waiting, "waiting"
    printed = next((jid for jid, state in rows if state == "done"), None)
    if printed is None:
        return submit(ctx, document, printer=printer, kind=kind, ref=ref), "new"
    return submit(ctx, document, printer=printer, kind=kind, ref=ref, reprint_of=printed,
                  marked=True), "reprint"


def reprint(ctx: DeskContext, job_id: uuid.UUID | str) -> uuid.UUID:
    """A new job with the same bytes, marked "BẢN IN LẠI" on thermal paper."""
    jid = uuid.UUID(str(job_id))
    with read_session(ctx.engine) as s:
        old = s.get(PrintJob, jid)
    if old is None:
        raise DomainError("print.no_job", job=str(jid))
    data, transcript = old.data, old.transcript
    profile = printer_profile(ctx, old.printer) if old.printer in ctx.settings.printers else None
    if profile is not None and old.profile != "pdf":
        header = reprint_header(profile)
        if not data.startswith(header):
            data, transcript = header + data, f"{REPRINT_MARK}\n{transcript}"
    now = ctx.now()
    row = PrintJob(printer=old.printer, kind=old.kind, ref=old.ref, profile=old.profile,
                   created_at=now, data=data, transcript=transcript, reprint_of=old.id,
                   expires_at=now + TICKET_TTL if old.kind == "ticket" else None)
    with write_session(ctx.engine) as s:
        s.add(row)
    _wake(old.printer)
    return row.id


def _job_dict(j: PrintJob) -> JobOut:
    return {"id": str(j.id), "printer": j.printer, "kind": j.kind, "ref": j.ref,
            "state": j.state, "attempts": j.attempts, "bytes": len(j.data),
            "bytes_sent": j.bytes_sent, "last_error": j.last_error, "created_at": j.created_at,
            "next_attempt_at": j.next_attempt_at, "expires_at": j.expires_at,
            "done_at": j.done_at, "reprint_of": str(j.reprint_of) if j.reprint_of else None}


def job(ctx: DeskContext, job_id: uuid.UUID | str) -> JobWithTranscript | None:
    with read_session(ctx.engine) as s:
        j = s.get(PrintJob, uuid.UUID(str(job_id)))
    return None if j is None else {**_job_dict(j), "transcript": j.transcript}


def jobs(ctx: DeskContext, *, printer: str | None = None, state: str | None = None,
         ref: str | None = None, limit: int = 50) -> list[JobOut]:
    """Newest first, without the bytes."""
    q = select(PrintJob).order_by(col(PrintJob.created_at).desc(), col(PrintJob.id).desc())
    if printer:
        q = q.where(PrintJob.printer == printer)
    if state:
        q = q.where(PrintJob.state == state)
    if ref:
        q = q.where(PrintJob.ref == ref)
    with read_session(ctx.engine) as s:
        return [_job_dict(j) for j in s.exec(q.limit(limit)).all()]


def printed(j: JobOut, how: str) -> PrintedOut:
    """What `desk print …|printer test --json` prints: the job (no transcript), and `how` it
    was submitted (new | waiting | reprint: `submit_once`)."""
    return {"id": j["id"], "printer": j["printer"], "kind": j["kind"], "ref": j["ref"],
            "state": j["state"], "attempts": j["attempts"], "bytes": j["bytes"],
            "bytes_sent": j["bytes_sent"], "last_error": j["last_error"],
            "created_at": j["created_at"], "next_attempt_at": j["next_attempt_at"],
            "expires_at": j["expires_at"], "done_at": j["done_at"],
            "reprint_of": j["reprint_of"], "submitted": how}


def record_status(ctx: DeskContext, printer: str, state: str, detail: str = "") -> None:
    """Remember the printer's last known state (short write; shown by every process)."""
    with write_session(ctx.engine) as s:
        row = s.get(PrinterState, printer) or PrinterState(printer=printer)
        row.state, row.detail, row.checked_at = state, detail[:500], ctx.now()
        s.add(row)


def printer_states(ctx: DeskContext) -> list[dict[str, Any]]:
    """Every configured printer as every screen and command shows it (the one source): its
    last known state as recorded by the worker that drives it (or by `desk printer status`
    when none does), `error` — what is wrong now (empty when nothing is) —, the waiting and
    failed job counts, and whether a worker drives it now (`driven`)."""
    with read_session(ctx.engine) as s:
        states = {r.printer: r for r in s.exec(select(PrinterState)).all()}
        counts: dict[tuple[str, str], int] = {
            (p, st): n for p, st, n in s.exec(
                select(PrintJob.printer, PrintJob.state, func.count())
                .where(col(PrintJob.state).in_(("queued", "sending", "failed")))
                .group_by(PrintJob.printer, PrintJob.state)).all()}
        head_error = {p: e for p, e in s.exec(
            select(PrintJob.printer, PrintJob.last_error)
            .where(col(PrintJob.state).in_(WAITING), PrintJob.last_error != "")
            .order_by(col(PrintJob.created_at).desc())).all()}
    out = []
    for name, cfg in ctx.settings.printers.items():
        st = states.get(name)
        state = st.state if st else "unknown"
        queued = counts.get((name, "queued"), 0) + counts.get((name, "sending"), 0)
        if state in PROBLEM_STATES:
            error = (st.detail if st else "") or state
        else:  # ready: only a job still waiting can carry a current error
            error = head_error.get(name, "") if queued else ""
        out.append({
            "printer": name, "kind": cfg.kind, "profile": cfg.profile,
            "transport": cfg.transport, "state": state,
            "detail": st.detail if st else "", "checked_at": st.checked_at if st else None,
            "error": error, "queued": queued, "failed": counts.get((name, "failed"), 0),
            "driven": driven(ctx, name)})
    return out


def status_of(ctx: DeskContext, name: str) -> PrinterStatusOut:
    """Printer `name`'s state for `desk printer status`, from the one source every screen
    reads. When a worker drives the printer, its recorded state is the answer (the port is
    its alone); otherwise the printer is asked now, under the same lock, and the answer is
    recorded first, with the status bits (responding, online, …) when it can give them."""
    cfg = printer_config(ctx, name)
    profile = printer_profile(ctx, name)
    bits: PrinterStatus | None = None
    lock = FileLock(printer_lock(ctx, name), timeout=0, fallback_to_soft=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        source = "worker"
    else:
        source = "probe"
        try:
            with open_transport(cfg.transport, profile, printer_dir(ctx, name)) as tr:
                bits = tr.read_status(1.0) if profile and profile.status_support else None
            asked, detail = (bits.state if bits is not None else "unknown"), ""
        except TransportError as e:
            asked, detail = "offline", str(e)
        finally:
            lock.release(force=True)
        record_status(ctx, name, asked, detail)
    row = next(p for p in printer_states(ctx) if p["printer"] == name)
    state = row["state"]
    out: PrinterStatusOut = {
        "printer": name, "transport": cfg.transport, "profile": cfg.profile if profile else "a4",
        "source": source, "state": state,
        "ok": None if state == "unknown" else state in ("ok", "near_end"),
        "detail": row["detail"], "checked_at": row["checked_at"], "queued": row["queued"],
        "failed": row["failed"], "problem": row["error"]}
    if bits is not None:
        out.update({"responding": bits.responding, "online": bits.online,
                    "cover_open": bits.cover_open, "paper_out": bits.paper_out,
                    "paper_near_end": bits.paper_near_end, "error": bits.error,
                    "raw": {str(k): f"0x{v:02x}" for k, v in bits.raw.items()}})
    return out


def printer_label(ctx: DeskContext, name: str) -> str:
    """A printer as the clerk reads it: its configured label, else its kind ("máy in biên
    nhận"), numbered when the office has several of that kind. Never the desk.toml key."""
    printers = ctx.settings.printers
    cfg = printers.get(name)
    if cfg is None:
        return name  # a job for a printer removed from desk.toml: its name is all we have
    if cfg.label:
        return cfg.label
    label = t(f"print.label.{cfg.kind}")
    same = [n for n, p in printers.items() if p.kind == cfg.kind]
    n = same.index(name) + 1
    return label if n == 1 else t("print.label.other", label=label, n=n)


def job_note(ctx: DeskContext, job_id: uuid.UUID | str | None) -> str:
    """What is true about a job right now, in the clerk's language: printed, being printed,
    or waiting in the queue, with the printer's state (for the intake screen)."""
    j = job(ctx, job_id) if job_id is not None else None
    if j is None:
        return t("print.note.not_queued")
    printer = printer_label(ctx, j["printer"])
    if j["state"] == "done":
        return t("print.note.done", printer=printer)
    if j["state"] in ("failed", "expired"):
        return t("print.note.failed", printer=printer)
    st = next((p for p in printer_states(ctx) if p["printer"] == j["printer"]), None)
    state = st["state"] if st else "unknown"
    key = "print.note.queued_problem" if state in PROBLEM_STATES else \
        "print.note.sending" if j["state"] == "sending" else "print.note.queued"
    return t(key, printer=printer, state=t(f"print.state.{state}"))


def _wake(printer: str) -> None:
    notify(printer)

"""The print spooler's front door: submit, reprint, list jobs, printer states.

`submit` renders the document for the printer's profile and stores the job with its bytes
in one short transaction BEFORE anything is sent, then wakes the printer's worker (see
print_worker). It never talks to a printer, so a printer that is off, unplugged or out of
paper never blocks or fails the caller, and the job is never lost.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import func
from sqlmodel import col, select

from desk.domain.errors import DomainError
from desk.services import audit
from desk.services.actor import SYSTEM
from desk.services.context import DeskContext
from desk.services.print_wake import notify
from printers.document import Document, to_text
from printers.escpos.decode import decode_text
from printers.escpos.profiles import PRESETS, PrinterProfile
from printers.escpos.render import render
from storage.engine import read_session, write_session
from storage.tables import PrinterState, PrintJob

if TYPE_CHECKING:
    from desk.config import PrinterConfig

__all__ = ["KINDS", "REPRINT_MARK", "TICKET_TTL", "job", "jobs", "printer_config",
           "printer_dir", "printer_profile", "printer_states", "record_status", "reprint",
           "reprint_header", "submit"]

KINDS = ("receipt", "ticket", "form", "letter", "test")
TICKET_TTL = timedelta(minutes=10)  # a queue ticket printed later than this is useless
REPRINT_MARK = "*** BẢN IN LẠI ***"


def printer_config(ctx: DeskContext, name: str) -> PrinterConfig:
    cfg = ctx.settings.printers.get(name)
    if cfg is None:
        raise DomainError("print.unknown_printer", printer=name,
                          known=", ".join(sorted(ctx.settings.printers)) or "-")
    return cfg


def printer_profile(ctx: DeskContext, name: str) -> PrinterProfile | None:
    """PRESETS[profile] with the config's `options` overrides; None for A4 printers."""
    cfg = printer_config(ctx, name)
    if cfg.kind == "a4":
        return None
    base = PRESETS.get(cfg.profile)
    if base is None:
        raise DomainError("print.unknown_profile", printer=name, profile=cfg.profile,
                          known=", ".join(sorted(PRESETS)))
    if not cfg.options:
        return base
    try:
        return PrinterProfile.model_validate({**base.model_dump(), **cfg.options})
    except ValidationError as e:
        raise DomainError("print.bad_options", printer=name,
                          problem=e.errors()[0]["msg"]) from None


def printer_dir(ctx: DeskContext, name: str) -> Path:
    """Where `dir:` (empty path) puts this printer's jobs: <data_dir>/print/<name>/."""
    return ctx.settings.data_dir / "print" / name


def reprint_header(profile: PrinterProfile) -> bytes:
    """The bytes of the "BẢN IN LẠI" line, sent before a job's own bytes."""
    return render(Document().center(REPRINT_MARK, bold=True), profile)


def _render(ctx: DeskContext, printer: str,
            document: Document | bytes) -> tuple[bytes, str, str]:
    """(bytes, transcript, profile name) for a document or ready bytes (a PDF, a test sheet)."""
    profile = printer_profile(ctx, printer)
    if isinstance(document, bytes | bytearray):
        data = bytes(document)
        if profile is None:
            return data, "", "pdf"
        return data, decode_text(data, profile), profile.name
    if profile is None:
        raise DomainError("print.a4_needs_pdf", printer=printer)
    return render(document, profile), to_text(document, profile.paper_columns), profile.name


def submit(ctx: DeskContext, document: Document | bytes, *, printer: str = "receipt",
           kind: str, ref: str = "", reprint_of: uuid.UUID | None = None) -> uuid.UUID:
    """Store a print job (rendered now) and wake its printer's worker; returns the job id."""
    if kind not in KINDS:
        raise DomainError("print.bad_kind", kind=kind, known=", ".join(KINDS))
    data, transcript, profile = _render(ctx, printer, document)
    now = ctx.now()
    row = PrintJob(printer=printer, kind=kind, ref=ref, profile=profile, created_at=now,
                   data=data, transcript=transcript, reprint_of=reprint_of,
                   expires_at=now + TICKET_TTL if kind == "ticket" else None)
    with write_session(ctx.engine) as s:
        s.add(row)
        audit.write(s, SYSTEM, audit.PRINT, target_type=kind, target_id=ref)  # prints are audited
    _wake(printer)
    return row.id


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


def _job_dict(j: Any) -> dict[str, Any]:
    return {"id": str(j.id), "printer": j.printer, "kind": j.kind, "ref": j.ref,
            "state": j.state, "attempts": j.attempts, "bytes": len(j.data),
            "bytes_sent": j.bytes_sent, "last_error": j.last_error, "created_at": j.created_at,
            "next_attempt_at": j.next_attempt_at, "expires_at": j.expires_at,
            "done_at": j.done_at, "reprint_of": str(j.reprint_of) if j.reprint_of else None}


def job(ctx: DeskContext, job_id: uuid.UUID | str) -> dict[str, Any] | None:
    with read_session(ctx.engine) as s:
        j = s.get(PrintJob, uuid.UUID(str(job_id)))
    return None if j is None else {**_job_dict(j), "transcript": j.transcript}


def jobs(ctx: DeskContext, *, printer: str | None = None, state: str | None = None,
         ref: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
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


def record_status(ctx: DeskContext, printer: str, state: str, detail: str = "") -> None:
    """Remember the printer's last known state (short write; shown by every process)."""
    with write_session(ctx.engine) as s:
        row = s.get(PrinterState, printer) or PrinterState(printer=printer)
        row.state, row.detail, row.checked_at = state, detail[:500], ctx.now()
        s.add(row)


def printer_states(ctx: DeskContext) -> list[dict[str, Any]]:
    """Every configured printer: last known state, waiting and failed job counts."""
    with read_session(ctx.engine) as s:
        states = {r.printer: r for r in s.exec(select(PrinterState)).all()}
        counts: dict[tuple[str, str], int] = {
            (p, st): n for p, st, n in s.exec(
                select(PrintJob.printer, PrintJob.state, func.count())
                .where(PrintJob.state.in_(("queued", "sending", "failed")))  # type: ignore[attr-defined]
                .group_by(PrintJob.printer, PrintJob.state)).all()}
    out = []
    for name, cfg in ctx.settings.printers.items():
        st = states.get(name)
        out.append({
            "printer": name, "kind": cfg.kind, "profile": cfg.profile,
            "transport": cfg.transport, "state": st.state if st else "unknown",
            "detail": st.detail if st else "", "checked_at": st.checked_at if st else None,
            "queued": counts.get((name, "queued"), 0) + counts.get((name, "sending"), 0),
            "failed": counts.get((name, "failed"), 0)})
    return out


def _wake(printer: str) -> None:
    notify(printer)

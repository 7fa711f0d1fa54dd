"""The declared shapes of `desk printer status|test --json` and `desk print receipt|form --json`
(contracts administrators script; tests/contracts checks the printed JSON against them). A
`datetime` is printed as `str(datetime)` ("2026-11-23 02:00:00.123456+00:00", UTC)."""

from __future__ import annotations

from datetime import datetime
from typing import TypedDict


class JobOut(TypedDict):
    """A print job, without its bytes."""

    id: str
    printer: str
    kind: str  # receipt | ticket | form | letter | test
    ref: str  # the dossier code or ticket label it prints
    state: str  # queued | sending | done | failed | expired
    attempts: int
    bytes: int
    bytes_sent: int
    last_error: str
    created_at: datetime
    next_attempt_at: datetime | None
    expires_at: datetime | None
    done_at: datetime | None
    reprint_of: str | None  # the job it copies (marked as a reprint)


class JobWithTranscript(JobOut):
    transcript: str


class PrintedOut(JobOut):
    """`desk printer test|print receipt|print form --json`: the job after `--timeout`."""

    submitted: str  # new | waiting (the same paper already waits) | reprint


class _PrinterStatusBase(TypedDict):
    printer: str
    transport: str
    profile: str  # the ESC/POS profile, or "a4"
    source: str  # worker (its recorded state) | probe (asked now)
    state: str  # ok | near_end | silent | offline | cover_open | paper_out | error | unknown
    ok: bool | None  # None: cannot tell
    detail: str
    checked_at: datetime | None
    queued: int
    failed: int
    problem: str  # what is wrong now, empty when nothing is


class PrinterStatusOut(_PrinterStatusBase, total=False):
    """`desk printer status NAME --json`; the status bits when the printer was asked now and
    can answer (ESC/POS DLE EOT)."""

    responding: bool
    online: bool
    cover_open: bool
    paper_out: bool
    paper_near_end: bool
    error: bool
    raw: dict[str, str]  # query n → reply byte, "0x12"

"""The declared shapes of `desk deadlines --json`, `desk apology CODE --json` and
`desk calendar day|list|due --json` (contracts administrators script; tests/contracts checks the
printed JSON against them)."""

from __future__ import annotations

from typing import TypedDict

from desk.services.dossier.shapes import DossierView


class CountsOut(TypedDict):
    due_today: int
    due_soon: int
    overdue: int
    overdue_no_letter: int


class WatchRow(TypedDict):
    code: str
    applicant: str
    procedure: str
    procedure_name: str
    field: str | None
    field_name: str
    agency: str | None
    status: str
    received_at: str | None
    due_at: str | None
    extended_due_at: str | None
    effective_due_at: str | None
    state: str  # due_today | due_soon | overdue | on_track
    apologised: bool
    needs_letter: bool
    overdue_working_days: float | None


class DeadlinesOut(TypedDict):
    now: str
    counts: CountsOut
    summary: str
    sort: str  # due | field | agency
    dossiers: list[WatchRow]


class CalendarDayOut(TypedDict):
    date: str
    working: bool
    reason: str  # in the office language
    reason_key: str
    note: str | None


class ExceptionDay(TypedDict):
    """A row of `desk calendar list --json`: the office's own special days."""

    date: str
    kind: str  # OFF | WORK
    note: str


class YearDay(TypedDict):
    """A row of `desk calendar list --year Y --json`: every special day, with where it comes
    from; the rule that wins is the one the deadlines use."""

    date: str
    kind: str  # OFF | WORK
    note: str
    origin: str  # statutory | official | office
    source: str
    working: bool


class LimitOut(TypedDict):
    value: int
    unit: str  # working_days | working_hours | same_day | calendar_days


class DueOut(TypedDict):
    """`desk calendar due --json`: the deadline of a time limit counted from a reception."""

    received: str  # YYYY-MM-DD HH:MM, office-local
    limit: LimitOut
    due: str  # YYYY-MM-DD HH:MM, office-local


class _ApologyBase(TypedDict):
    code: str
    letter_no: str  # NNN/YYYY
    late: bool  # issued after the deadline's last working day began
    reason: str
    old_due_at: str  # ISO, office-local, minutes
    new_due_at: str
    form_set: str  # 2018 | 2025
    issued_at: str
    clerk: str
    pdf: str | None  # the file written by --pdf
    print_jobs: dict[str, str]  # letter | slip → job id
    sms: str | None  # the phone the notice goes to
    dossier: DossierView


class ApologyOut(_ApologyBase, total=False):
    """`desk apology CODE --json`: the letter (Form 04) recorded, and what was done with it."""

    pdf_error: str  # the letter is recorded; its PDF failed

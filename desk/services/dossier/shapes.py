"""The declared shapes of a dossier as `desk dossier … --json` prints it (a contract that
administrators script): the same keys whether the full stack or the quick read made it.

tests/contracts/test_json_shapes.py checks the printed JSON against these, both ways: a key
that is missing, renamed or added without being declared here fails.
"""

from __future__ import annotations

from typing import Any, TypedDict


class ProcedureRef(TypedDict):
    code: str
    name: str
    field: str | None


class Applicant(TypedDict):
    name: str
    id_number: str | None
    phone: str | None
    address: str | None


class TimeLimit(TypedDict):
    value: int | float | None
    unit: str | None


class Fee(TypedDict):
    status: str  # paid | exempt | unpaid | free
    due: int
    note: str | None
    amount: int
    method: str | None
    receipt: str
    reason: str
    at: str | None
    clerk: str | None
    corrections: int


class Attachment(TypedDict):
    name: str
    sha256: str
    size: int
    kind: str  # document | result
    at: str
    clerk: str | None


class Step(TypedDict):
    to_agency: str
    giver: str
    receiver: str
    handed_at: str | None
    deadline: str | None
    days: int | None
    note: str
    clerk: str | None
    result: str | None
    result_at: str | None
    result_note: str


class TimelineEntry(TypedDict):
    kind: str
    at: str | None
    recorded_at: str | None
    clerk: str | None
    backdated: bool
    payload: dict[str, Any]


class DossierSummary(TypedDict):
    """A row of `desk dossier list|search --json`."""

    code: str
    status: str
    applicant: str
    procedure: str
    field: str | None
    received_at: str | None
    due_at: str | None
    extended_due_at: str | None


class _DossierViewBase(TypedDict):
    code: str
    status: str
    procedure: ProcedureRef
    applicant: Applicant
    channel: str
    sets: int
    notes: str | None
    time_limit: TimeLimit
    received_at: str | None
    due_at: str | None
    extended_due_at: str | None
    paused_since: str | None
    deadline_state: str | None
    result_at: str | None
    result_class: str | None
    apologised: bool
    returned_at: str | None
    return_method: str | None
    actions: list[str]
    fee: Fee
    attachments: list[Attachment]
    digitised: bool
    result_digitised: bool
    steps: list[Step]


class DossierView(_DossierViewBase, total=False):
    """`desk dossier show --json` (and the dossier after intake or an action)."""

    timeline: list[TimelineEntry]


class IntakeJobs(TypedDict, total=False):
    """What intake queued for the printers (only what it printed)."""

    guide_job: str | None  # the paper the citizen takes away
    guide_a4_job: str | None
    receipt_job: str | None


class IntakeOutput(DossierView, IntakeJobs, total=False):
    """`desk dossier receive --json`: the view, and what was queued for the printers."""

    other_commune: bool  # received here for another commune (two-tier government, 2025)


class StopNotice(TypedDict, total=False):
    stop_notice_jobs: dict[str, str]  # the paper (letter, slip) → its print job


class ActionOutput(DossierView, StopNotice, total=False):
    """`desk dossier act … --json`; a stop also queues its notice."""


class Attached(TypedDict):
    name: str
    sha256: str
    size: int
    kind: str
    added: bool  # False when the same file was already attached
    path: str


class AttachOutput(DossierView):
    """`desk dossier attach --json`."""

    attached: Attached


class FeeQrOut(TypedDict):
    """`desk fee qr CODE --json`: the VietQR paying the fee due."""

    payload: str
    amount: int
    purpose: str


class VietQrOut(TypedDict):
    """`desk fee vietqr --json`: a bare payload for checking."""

    payload: str
    amount: int | None  # None: the citizen types it
    purpose: str


class _Credit(TypedDict):
    line: int  # the statement's line
    date: str
    amount: int
    reference: str
    description: str


class CreditOut(_Credit, total=False):
    """A statement credit as `desk fee reconcile --json` reports it."""

    reason: str  # unmatched: the message key
    detail: dict[str, Any]
    code: str  # the dossier it names
    fee: str  # matched: the fee's status afterwards


class ReconcileOut(TypedDict):
    """`desk fee reconcile FILE --json`."""

    matched: list[CreditOut]
    already: list[CreditOut]  # recorded by an earlier run
    unmatched: list[CreditOut]


class CitizenOut(TypedDict):
    """A citizen's record as the desk shows it."""

    id: str
    name: str
    id_number: str | None
    id_type: str | None  # cccd | cmnd
    birth_date: str | None
    sex: str | None
    phone: str | None
    address: str
    email: str


class CardWarning(TypedDict):
    key: str
    message: str  # in the office language


class CardOut(TypedDict):
    """`desk citizen read-qr TEXT --json`: what a chip ID card's QR says, checked."""

    id_number: str
    old_id: str | None  # the 9-digit CMND, when the card names it
    name: str
    birth_date: str | None
    sex: str | None  # M | F
    address: str
    issued_on: str | None
    warnings: list[CardWarning]


class ScanOut(CardOut):
    """A card scanned at the counter: and the citizen on file with that number."""

    returning: CitizenOut | None
    differences: list[dict[str, Any]]  # {field, card, file}: the card is the newer word

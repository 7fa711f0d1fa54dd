"""The declared shapes of `desk audit list|verify`, `desk clerk add|list`, `desk backup
[list|auto|check|verify]`, `desk restore` and `desk citizen export|purge` with --json (contracts
administrators script; tests/contracts checks the printed JSON against them)."""

from __future__ import annotations

from typing import Any, TypedDict

from desk.services.dossier.shapes import CitizenOut, DossierView


class AuditEntryOut(TypedDict):
    """A row of `desk audit list --json`, newest first."""

    seq: int
    at: str  # office-local, to the second
    action: str
    actor_id: str  # the clerk's id (hex); "" for the system or the command line
    actor_name: str
    actor_role: str
    counter: int | None
    target_type: str
    target_id: str
    citizen_id: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class ClerkOut(TypedDict):
    """`desk clerk add --json`, and a row of `desk clerk list --json`."""

    id: str
    name: str
    role: str
    counter: int | None
    active: bool


class BackupOut(TypedDict):
    """A backup as `desk backup [list|auto] --json` prints it."""

    path: str
    kind: str  # manual | auto | before_restore | …
    created: str  # office-local, from the file name
    encrypted: bool
    size: int
    revision: str
    counts: dict[str, int]
    sha256: str
    audit_head: list[int | str] | None  # [seq, hash]
    device_epoch: int | None
    copied_to: str | None


class BackupCheckOut(TypedDict):
    """`desk backup check --json`."""

    ok: bool
    database: str
    problem: str
    backup: BackupOut | None


class CitizenRecord(CitizenOut):
    created_at: str
    updated_at: str


class OfficeRef(TypedDict):
    id: str
    name: str


class ExportedEvent(TypedDict):
    id: str
    dossier: str
    kind: str
    at: str
    recorded_at: str
    clerk: str | None
    payload: dict[str, Any]


class CitizenExport(TypedDict):
    """`desk citizen export ID` (JSON on stdout, or the file it writes)."""

    format: str  # desk.citizen-export/1
    office: OfficeRef
    exported_at: str
    exported_by: str
    citizen: CitizenRecord
    dossiers: list[DossierView]
    events: list[ExportedEvent]


class PurgeCandidate(TypedDict):
    id: str
    name: str  # masked
    id_number: str  # masked ("" when none)
    dossiers: int


class PurgeOut(TypedDict):
    """`desk citizen purge --before DATE --json`."""

    dry_run: bool
    citizens: list[PurgeCandidate]


class VerdictOut(TypedDict):
    ok: bool
    checked: int
    last_seq: int
    last_hash: str
    broken_seq: int | None
    problem: str  # "" | gap | prev_hash | hash | anchor


class AuditVerifyOut(VerdictOut):
    """`desk audit verify --json`: the chain, the schema, the heads kept by the province."""

    schema: list[str]
    province: dict[str, Any]  # status: ok | none | new_pc | not_configured | …, and its figures


class BackupVerifyOut(TypedDict):
    """`desk backup verify FILE --json` (a file that fails exits non-zero with the reason)."""

    ok: bool
    file: str
    revision: str
    counts: dict[str, int]  # rows per table


class RestoreOut(TypedDict):
    """`desk restore FILE --json`."""

    restored_from: str
    database: str
    set_aside: str | None  # where the database it replaced was kept
    device_epoch: int
    revision: str
    counts: dict[str, int]

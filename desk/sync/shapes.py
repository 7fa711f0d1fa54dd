"""The declared shapes of `desk sync status --json` and `desk sync --once --json` (contracts
administrators script; tests/contracts checks the printed JSON against them)."""

from __future__ import annotations

from typing import Any, TypedDict


class AttachmentCounts(TypedDict):
    """Scans still to send (and their bytes), sent, missing here, refused."""

    attachments_pending: int
    attachments_bytes_pending: int
    attachments_done: int
    attachments_missing: int
    attachments_failed: int


class ConflictOut(TypedDict):
    dossier: str
    reason: str
    local: str | None  # the local event's type
    server: dict[str, Any]  # the district's view of the dossier
    event_id: str | None
    at: str | None


class SyncStatusOut(AttachmentCounts):
    """`desk sync status --json`."""

    pending: int  # pending or sent, not acknowledged yet
    acked: int
    rejected: int
    conflicts: int
    stored_changes: int  # district changes this release cannot apply yet
    last_sync: str | None
    last_attempt: str | None
    last_error: str
    cursor: str
    device_id: str | None
    last_seq: int
    conflict_list: list[ConflictOut]


class SyncReportOut(TypedDict):
    """`desk sync --once --json`: what one cycle did."""

    pushed: dict[str, int]  # by the district's answer: accepted, duplicate, …
    batches: int
    pulled: int
    pages: int
    bytes_up: int
    events_up: int
    recovered: int  # this desk's own events pulled back after a restore
    attachments: dict[str, Any]  # scans sent, by outcome; "stopped": why the upload stopped

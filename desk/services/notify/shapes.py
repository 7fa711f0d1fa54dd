"""The declared shapes of `desk notify list|status|send|resend --json` (contracts administrators
script; tests/contracts checks the printed JSON against them)."""

from __future__ import annotations

from typing import TypedDict


class NoticeOut(TypedDict):
    """A notice: a row of `notify list`, and what `send` and `resend` print."""

    id: str
    phone: str
    channel: str  # modem | http
    template: str
    dossier_code: str | None
    status: str  # waiting | sending | sent | delivered | failed
    attempts: int
    text: str
    created_at: str
    sent_at: str | None
    delivered_at: str | None
    last_error: str
    parts: int | None  # SMS parts, once split for sending
    bytes: int


class NoticeSummary(TypedDict):
    """`desk notify status --json`."""

    counts: dict[str, int]  # every status, 0 included
    by_channel: dict[str, int]
    opted_out: int
    channels: list[str]

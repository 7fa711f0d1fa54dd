"""How `desk dossier list` and `desk dossier search` print their rows as text.

One place for the row format and the status label, so any path that reads the rows (the
services, or a fast read straight from SQLite) prints the same words: the status in the
clerk's language (Vietnamese by default, English when configured), never its code. The JSON
output keeps the code: it is a contract (see /work/drafts/counter/LABELS.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from desk.i18n import has, t


def status_label(code: str) -> str:
    """"RECEIVED" → "Đã tiếp nhận" (or "Received"): the dossier status as a clerk reads it."""
    key = f"status.{code}"
    return t(key) if has(key) else code  # an unknown code: the code, never a message key


def due_label(iso: str | None) -> str:
    """"2026-12-09T08:30+07:00" → "08:30 09/12/2026" (office time, as the receipt says it)."""
    return datetime.fromisoformat(iso).strftime("%H:%M %d/%m/%Y") if iso else "-"


def format_rows(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """One line per dossier: code, status label, due (extended if any), applicant. The status
    column is as wide as its longest label, so English labels keep the columns aligned."""
    rows = list(rows)
    labels = [status_label(str(r["status"])) for r in rows]
    width = max((len(label) for label in labels), default=0)
    return [f"{r['code']}  {label:<{width}}  {due_label(r['extended_due_at'] or r['due_at'])}"
            f"  {r['applicant']}" for r, label in zip(rows, labels, strict=True)]


def print_rows(rows: Iterable[Mapping[str, Any]]) -> None:
    for line in format_rows(rows):
        print(line)

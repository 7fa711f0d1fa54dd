"""Dossier codes: the next number of the office's day, taken under the write lock.

`take_dossier_code` must run inside a `write_session` (BEGIN IMMEDIATE): the increment and the
dossier insert then commit together, so two counters can never both get a number, and a crash
before commit leaves the number unused rather than used twice.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from desk.domain.codes import format_dossier_code


def take_sequence(session: Session, office_id: str, day: date) -> int:
    """The next number of the day. The first of a day also looks at the codes already stored
    (a restored backup, synced or imported dossiers), so a number is never handed out twice."""
    row = session.execute(
        text(
            "INSERT INTO dossier_sequence (office_id, day, last) VALUES (:o, :d, :first) "
            "ON CONFLICT (office_id, day) DO UPDATE SET last = last + 1 RETURNING last"
        ),
        {"o": office_id, "d": day.isoformat(), "first": _highest_used(session, office_id, day)
         + 1},
    ).one()
    return int(row[0])


def _highest_used(session: Session, office_id: str, day: date) -> int:
    prefix = f"{office_id}-{day:%y%m%d}-"
    top = session.execute(
        text("SELECT max(code) FROM dossier WHERE code >= :lo AND code < :hi"),
        {"lo": prefix, "hi": prefix + "~"},
    ).scalar()
    return int(top.rsplit("-", 1)[1]) if top else 0


def take_dossier_code(session: Session, office_id: str, local_day: date) -> str:
    return format_dossier_code(office_id, local_day, take_sequence(session, office_id, local_day))

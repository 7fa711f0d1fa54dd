"""Satisfaction ratings (design/domain.md §6): after service the citizen presses 1, 2 or 3 on
the counter screen turned toward them (or the kiosk); the rating is linked to the ticket or the
dossier, the counter and the clerk. The period report aggregates them
(desk.services.reports.period).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlmodel import col

from desk.domain.errors import DomainError
from desk.domain.statistics import LEVELS, Satisfaction
from desk.services.context import DeskContext
from desk.services.dossier.events import fact
from storage.engine import read_session, write_session
from storage.tables import Clerk
from storage.tables.rating import Rating
from storage.tables.rating import Rating as R

__all__ = ["KEYS", "LEVELS", "RatingView", "level_for_key", "rate", "satisfaction"]

KEYS = {"1": "rat_hai_long", "2": "hai_long", "3": "khong_hai_long"}


@dataclass(frozen=True)
class RatingView:
    id: str
    at: datetime
    level: str
    ticket_label: str | None
    dossier_code: str | None
    counter: int | None
    clerk_id: str | None


def level_for_key(key: str) -> str | None:
    """The level of a key press ("1", "2", "3") or None."""
    return KEYS.get(key)


def rate(ctx: DeskContext, level: str, *, ticket_label: str | None = None,
         dossier_code: str | None = None, counter: int | None = None,
         clerk_id: uuid.UUID | str | None = None, at: datetime | None = None) -> RatingView:
    """Record one rating. `level` is a level name or its key ("1"/"2"/"3")."""
    level = KEYS.get(level, level)
    if level not in LEVELS:
        raise DomainError("rating.bad_level", level=level, levels=", ".join(LEVELS))
    when = at or ctx.now()
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)
    cid = uuid.UUID(str(clerk_id)) if clerk_id else None
    label = (ticket_label or "").strip().upper() or None
    code = (dossier_code or "").strip().upper() or None
    row = Rating(at=when, level=level, ticket_label=label, dossier_code=code,
                 counter_number=counter, clerk_id=cid)
    with write_session(ctx.engine) as s:
        s.add(row)
        fact(s, "rating", row)  # its sync outbox row, in this transaction (issue 7)
    return RatingView(str(row.id), when, level, label, code, counter,
                      str(cid) if cid else None)


def satisfaction(ctx: DeskContext, start: datetime, end: datetime,
                 ) -> tuple[Satisfaction, list[Satisfaction], list[Satisfaction]]:
    """Ratings in [start, end): (all, per counter, per clerk), one GROUP BY each."""
    in_period = (col(R.at) >= start, col(R.at) < end)
    with read_session(ctx.engine) as s:
        by_counter: dict[Any, dict[str, int]] = {}
        for counter, level, n in s.execute(
                select(col(R.counter_number), col(R.level), func.count()).where(*in_period)
                .group_by(col(R.counter_number), col(R.level))):
            by_counter.setdefault(counter, {})[level] = n
        by_clerk: dict[Any, dict[str, int]] = {}
        names: dict[Any, str] = {}
        for clerk_id, name, level, n in s.execute(
                select(col(R.clerk_id), col(Clerk.name), col(R.level), func.count())
                .join(Clerk, col(Clerk.id) == col(R.clerk_id), isouter=True)
                .where(*in_period).group_by(col(R.clerk_id), col(Clerk.name), col(R.level))):
            by_clerk.setdefault(clerk_id, {})[level] = n
            names[clerk_id] = name or ""
    counters = [Satisfaction.of("" if c is None else str(c), "" if c is None else str(c), lv)
                for c, lv in sorted(by_counter.items(), key=lambda kv: (kv[0] is None,
                                                                         kv[0] or 0))]
    clerks = [Satisfaction.of("" if k is None else str(k), names.get(k, ""), lv)
              for k, lv in sorted(by_clerk.items(), key=lambda kv: (kv[0] is None,
                                                                     names.get(kv[0], "")))]
    total = Satisfaction("", "")
    for c in counters:
        total = total + c
    return total, counters, clerks

"""`desk district status`: per office, events stored, dossiers by state, last contact."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import select

from desk.district.db import read
from desk.district.tables import Conflict, DossierState, Event, Office


def district_status(engine: Engine, office_id: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with read(engine) as s:
        q = select(Office).order_by(Office.id)
        if office_id:
            q = q.where(Office.id == office_id)
        for o in s.exec(q):
            events = s.exec(select(func.count()).select_from(Event).where(
                Event.office_id == o.id)).one()
            by_state = dict(s.exec(select(DossierState.status, func.count()).where(
                DossierState.office_id == o.id).group_by(DossierState.status)).all())
            conflicts = s.exec(select(func.count()).select_from(Conflict).where(
                Conflict.office_id == o.id)).one()
            out[o.id] = {
                "name": o.name, "revoked": o.revoked, "events": int(events),
                "dossiers": {k: int(v) for k, v in sorted(by_state.items())},
                "conflicts": int(conflicts),
                "last_contact": o.last_contact.isoformat(timespec="seconds")
                if o.last_contact else None,
            }
    return {"offices": out}

"""`desk district status`: per office, events stored, dossiers by state, last contact, queue
tickets and ratings."""

from __future__ import annotations

from sqlalchemy import Engine, case, func
from sqlmodel import col, select

from desk.district.db import read
from desk.district.facts import fact_status
from desk.district.shapes import DistrictStatusOut, OfficeStatus
from desk.district.tables import AttachmentFile, Conflict, DossierState, Event, Office


def district_status(engine: Engine, office_id: str | None = None) -> DistrictStatusOut:
    out: dict[str, OfficeStatus] = {}
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
            is_done = col(AttachmentFile.completed_at).is_not(None)
            n_files, n_done, n_bytes = s.exec(select(
                func.count(), func.coalesce(func.sum(case((is_done, 1), else_=0)), 0),
                func.coalesce(func.sum(AttachmentFile.received), 0)).where(
                AttachmentFile.office_id == o.id)).one()
            out[o.id] = {
                "name": o.name, "revoked": o.revoked, "events": int(events),
                "dossiers": {k: int(v) for k, v in sorted(by_state.items())},
                "conflicts": int(conflicts),
                "attachments_complete": int(n_done),
                "attachments_incomplete": int(n_files) - int(n_done),
                "attachments_bytes": int(n_bytes),
                "last_contact": o.last_contact.isoformat(timespec="seconds")
                if o.last_contact else None,
                **fact_status(s, o.id),  # "tickets", "ratings" (desk/district/facts.py)
            }
    return {"offices": out}

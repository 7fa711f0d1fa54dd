"""A citizen's personal data: export on their request, and the retention purge.

Export (`export_citizen`)
    Everything the office stores about one citizen as one JSON-able dict: the citizen row,
    their dossiers (as `desk dossier show --json` gives them, with the timeline) and the raw
    dossier events. Supervisors and administrators only; every export is audited.

Retention (`purge_candidates`, `purge`)
    The register of dossiers (sổ theo dõi hồ sơ) is an archive the office must keep, so a purge
    never deletes dossiers or events: it clears the citizen's contact details (ID number,
    phone, address, e-mail, birth date) and replaces the name with its initials, for citizens
    whose every dossier ended (returned, refused, withdrawn, stopped) before a date. The period
    is the office's decision (a retention setting: today passed as `before`, e.g. the date five
    years ago); `desk citizen purge --before DATE --dry-run` shows who would be affected.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from desk.domain.errors import DomainError
from desk.domain.masking import mask_id, mask_name
from desk.domain.text import fold
from desk.services.dossier.citizens import public
from desk.services.dossier.shapes import DossierView
from desk.services.dossier.views import dossier_view
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from desk.services.trust.shapes import (
    CitizenExport,
    CitizenRecord,
    ExportedEvent,
    PurgeCandidate,
)
from storage.engine import read_session, write_session
from storage.tables import Citizen, Dossier, DossierEvent
from storage.tables.common import UTCDateTime

if TYPE_CHECKING:
    from desk.services.context import DeskContext

CLOSED = ("RETURNED", "REFUSED", "WITHDRAWN", "STOPPED")
FORMAT = "desk.citizen-export/1"


def find_citizen(session: Session, who: str) -> Any:
    """A citizen by personal ID number (12 digits), CMND (9) or citizen id (UUID / hex)."""
    raw = "".join((who or "").split())
    if raw.isdigit() and len(raw) in (9, 12):
        c = session.exec(select(Citizen).where(Citizen.id_number == raw)).first()
        if c is not None:
            return c
    try:
        return session.get(Citizen, uuid.UUID(raw))
    except ValueError:
        return None


def export_citizen(ctx: DeskContext, who: str, actor: Actor = SYSTEM) -> CitizenExport:
    """The citizen's data; DomainError "citizen.not_found" / "role.denied"."""
    require(ctx, actor, "citizen.export")
    with read_session(ctx.engine) as s:
        c = find_citizen(s, who)
        if c is None:
            raise DomainError("citizen.not_found", who=who)
        dossiers = s.exec(select(Dossier).where(Dossier.citizen_id == c.id)
                          .order_by(col(Dossier.received_at))).all()
        events: list[ExportedEvent] = []
        views: list[DossierView] = []
        for d in dossiers:
            views.append(dossier_view(s, d, ctx))
            for e in s.exec(select(DossierEvent).where(DossierEvent.dossier_id == d.id)
                            .order_by(col(DossierEvent.recorded_at))):
                events.append({"id": str(e.id), "dossier": d.code, "kind": e.kind,
                               "at": e.at.astimezone(ctx.tz).isoformat(),
                               "recorded_at": e.recorded_at.astimezone(ctx.tz).isoformat(),
                               "clerk": e.clerk_name, "payload": e.payload})
        person: CitizenRecord = {
            **public(c), "created_at": c.created_at.astimezone(ctx.tz).isoformat(),
            "updated_at": c.updated_at.astimezone(ctx.tz).isoformat()}
        citizen_id = c.id
    data: CitizenExport = {"format": FORMAT, "office": {"id": ctx.settings.office.id,
                                         "name": ctx.settings.office.name},
            "exported_at": ctx.local_now().isoformat(timespec="seconds"),
            "exported_by": actor.name, "citizen": person, "dossiers": views, "events": events}
    audit.log(ctx, actor, audit.EXPORT, target_type="citizen", target_id=citizen_id,
              citizen_id=citizen_id, detail={"dossiers": len(views), "events": len(events)})
    return data


def _cutoff(ctx: DeskContext, before: date) -> datetime:
    return datetime.combine(before, time(0, 0), tzinfo=ctx.tz)


def purge_candidates(ctx: DeskContext, before: date) -> list[PurgeCandidate]:
    """Citizens with contact details whose every dossier closed before `before` (and who have
    at least one dossier), masked for listing."""
    cutoff = _cutoff(ctx, before)
    bound = UTCDateTime().process_bind_param(cutoff, None)
    closed = ", ".join(f"'{s}'" for s in CLOSED)
    with ctx.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT c.id, c.full_name, c.id_number, count(d.id), max(d.updated_at)"
            " FROM citizen c JOIN dossier d ON d.citizen_id = c.id"
            " WHERE (c.id_number IS NOT NULL OR c.phone IS NOT NULL OR c.address != ''"
            "        OR c.email != '' OR c.birth_date IS NOT NULL)"
            " GROUP BY c.id"
            f" HAVING sum(CASE WHEN d.status IN ({closed}) THEN 0 ELSE 1 END) = 0"
            "    AND max(d.updated_at) < :cut"), {"cut": bound}).all()
    return [{"id": str(r[0]), "name": mask_name(r[1]), "id_number": mask_id(r[2]),
             "dossiers": int(r[3])} for r in rows]


def purge(ctx: DeskContext, before: date, actor: Actor = SYSTEM, *,
          dry_run: bool = True) -> list[PurgeCandidate]:
    """Clear the contact details of `purge_candidates(before)`; audited, one transaction."""
    require(ctx, actor, "citizen.purge")
    found = purge_candidates(ctx, before)
    if dry_run or not found:
        return found
    now = ctx.now()
    with write_session(ctx.engine) as s:
        for item in found:
            c = s.get(Citizen, uuid.UUID(item["id"]))
            if c is None:
                continue
            c.full_name = mask_name(c.full_name)
            c.name_folded = fold(c.full_name)
            c.id_number = c.phone = c.birth_date = c.sex = None
            c.address = c.email = ""
            c.updated_at = now
            s.add(c)
            s.flush()  # the search index's trigger reads the citizen's (now empty) ID and phone
            # the dossiers carry the name too, and the search index the ID and phone: a purged
            # citizen is found by neither (issue 15); rewriting name_folded re-indexes them
            for d in s.exec(select(Dossier).where(Dossier.citizen_id == c.id)):
                d.applicant_name = c.full_name
                d.name_folded = c.name_folded
                s.add(d)
            audit.write(s, actor, audit.PURGE, target_type="citizen", target_id=c.id,
                        citizen_id=c.id, at=now, detail={"before": before.isoformat()})
    return found

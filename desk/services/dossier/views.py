"""Read models: a dossier as the screens and `--json` show it, its timeline, lists."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier import view_model
from desk.services.dossier.projection import load_events
from desk.services.dossier.shapes import DossierSummary, DossierView, TimelineEntry
from desk.services.dossier.view_model import event_label as event_label  # its callers' name
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.audit import log_view
from desk.services.trust.roles import require
from storage.engine import read_session
from storage.tables import Citizen, Dossier, Procedure


def _iso(dt: datetime | None, ctx: DeskContext) -> str | None:
    return dt.astimezone(ctx.tz).isoformat(timespec="minutes") if dt else None


def dossier_view(session: Session, d: Dossier, ctx: DeskContext, *,
                 with_timeline: bool = True, history: list[Any] | None = None) -> DossierView:
    """`history`: the dossier's events in record order, when the caller holds them all."""
    proc = session.get(Procedure, d.procedure_code)
    citizen = session.get(Citizen, d.citizen_id) if d.citizen_id else None
    events = load_events(session, d.id) if history is None else history
    return view_model.build_view(d, proc, citizen, events,
                                 calendar=ctx.calendar, now=ctx.now(),
                                 iso=lambda dt: _iso(dt, ctx), tz=ctx.tz,
                                 with_timeline=with_timeline)


def timeline(session: Session, d: Dossier, ctx: DeskContext) -> list[TimelineEntry]:
    return view_model.timeline(load_events(session, d.id), lambda dt: _iso(dt, ctx))


def get_dossier(session: Session, code: str) -> Any:
    return session.exec(select(Dossier).where(Dossier.code == code.strip().upper())).first()


def show(ctx: DeskContext, code: str, actor: Actor = SYSTEM) -> DossierView:
    """The dossier `code` as screens show it; the view of the citizen's record is audited."""
    require(ctx, actor, "dossier.view")
    with read_session(ctx.engine) as s:
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        view, citizen_id = dossier_view(s, d, ctx), d.citizen_id
    log_view(ctx, actor, citizen_id=citizen_id, target_type="dossier", target_id=view["code"])
    return view


def list_dossiers(ctx: DeskContext, *, status: str | None = None,
                  due_before: datetime | None = None, limit: int = 50,
                  offset: int = 0) -> list[DossierSummary]:
    with read_session(ctx.engine) as s:
        q = select(Dossier)
        if status:
            q = q.where(col(Dossier.status) == status.upper())
        if due_before is not None:
            q = q.where(col(Dossier.due_at) < due_before).order_by(col(Dossier.due_at))
        else:
            q = q.order_by(col(Dossier.received_at).desc())
        rows = s.exec(q.offset(offset).limit(limit)).all()
        return [summary(d, ctx) for d in rows]


def summary(d: Any, ctx: DeskContext) -> DossierSummary:
    return view_model.summary(d, lambda dt: _iso(dt, ctx))

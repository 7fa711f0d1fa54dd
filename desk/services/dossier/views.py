"""Read models: a dossier as the screens and `--json` show it, its timeline, lists."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from desk.domain.errors import DomainError
from desk.domain.states import DossierStatus, allowed_actions
from desk.i18n import t
from desk.services.context import DeskContext
from desk.services.dossier.fact_fold import attachments_of, fee_status, steps_view
from desk.services.dossier.projection import load_events
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.audit import log_view
from desk.services.trust.roles import require
from storage.engine import read_session
from storage.tables import Citizen, Dossier, Procedure


def _iso(dt: datetime | None, ctx: DeskContext) -> str | None:
    return dt.astimezone(ctx.tz).isoformat(timespec="minutes") if dt else None


def dossier_view(session: Session, d: Dossier, ctx: DeskContext, *,
                 with_timeline: bool = True) -> dict[str, Any]:
    proc = session.get(Procedure, d.procedure_code)
    citizen = session.get(Citizen, d.citizen_id) if d.citizen_id else None
    effective_due = d.extended_due_at or d.due_at
    paused = d.paused_since is not None
    deadline = None
    if d.status not in ("RETURNED", "REFUSED", "WITHDRAWN", "STOPPED") and not paused:
        deadline = ctx.calendar.deadline_state(ctx.now(), effective_due)
    result_class = None
    if d.result_at is not None:
        result_class = ctx.calendar.classify(d.result_at, d.due_at)  # the original deadline
    view: dict[str, Any] = {
        "code": d.code,
        "status": d.status,
        "procedure": {"code": d.procedure_code, "name": proc.name if proc else "",
                      "field": d.field_code},
        "applicant": {"name": d.applicant_name,
                      "id_number": citizen.id_number if citizen else None,
                      "phone": citizen.phone if citizen else None,
                      "address": citizen.address if citizen else ""},
        "channel": d.channel,
        "sets": d.sets,
        "notes": d.notes,
        "time_limit": {"value": d.time_limit_value, "unit": d.time_limit_unit},
        "received_at": _iso(d.received_at, ctx),
        "due_at": _iso(d.due_at, ctx),
        "extended_due_at": _iso(d.extended_due_at, ctx),
        "paused_since": _iso(d.paused_since, ctx),
        "deadline_state": "paused" if paused else deadline,
        "result_at": _iso(d.result_at, ctx),
        "result_class": result_class,
        "apologised": d.extended_due_at is not None,
        "returned_at": _iso(d.returned_at, ctx),
        "return_method": d.return_method,
        "actions": [a.value for a in allowed_actions(DossierStatus(d.status))],
    }
    view.update(facts_view(session, d, ctx, proc))
    if with_timeline:
        view["timeline"] = timeline(session, d, ctx)
    return view


def facts_view(session: Session, d: Dossier, ctx: DeskContext, proc: Any) -> dict[str, Any]:
    """Fee status, digitised copies and liên thông steps, folded from the dossier's events."""
    events = load_events(session, d.id)
    fee = fee_status(events, proc, d.sets)
    fee["at"] = _iso(fee["at"], ctx)
    files = attachments_of(events, ctx.tz)
    return {"fee": fee, "attachments": files,
            "digitised": any(f["kind"] == "document" for f in files),
            "result_digitised": any(f["kind"] == "result" for f in files),
            "steps": steps_view(events, ctx.tz)}


def event_label(kind: str, lang: str | None = None) -> str:
    """What a timeline event is called, in the office language: never its message key, even
    for a kind this build does not name (a newer desk's event, a superseded one)."""
    key = f"action.{kind}"
    text = t(key, lang)
    if text != key:
        return text
    if kind.startswith(SUPERSEDED):
        return t("action.superseded_other", lang,
                 action=event_label(kind.removeprefix(SUPERSEDED), lang))
    return t("action.other", lang)


SUPERSEDED = "superseded."  # desk/sync/apply.py's prefix of a local event the district replaced


def timeline(session: Session, d: Dossier, ctx: DeskContext) -> list[dict[str, Any]]:
    return [{"kind": e.kind, "at": _iso(e.at, ctx), "recorded_at": _iso(e.recorded_at, ctx),
             "clerk": e.clerk_name, "backdated": e.backdated, "payload": e.payload}
            for e in load_events(session, d.id)]


def get_dossier(session: Session, code: str) -> Any:
    return session.exec(select(Dossier).where(Dossier.code == code.strip().upper())).first()


def show(ctx: DeskContext, code: str, actor: Actor = SYSTEM) -> dict[str, Any]:
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
                  offset: int = 0) -> list[dict[str, Any]]:
    with read_session(ctx.engine) as s:
        q = select(Dossier)
        if status:
            q = q.where(Dossier.status == status.upper())
        if due_before is not None:
            q = q.where(Dossier.due_at < due_before).order_by(Dossier.due_at)
        else:
            q = q.order_by(Dossier.received_at.desc())  # type: ignore[attr-defined]
        rows = s.exec(q.offset(offset).limit(limit)).all()
        return [summary(d, ctx) for d in rows]


def summary(d: Any, ctx: DeskContext) -> dict[str, Any]:
    return {"code": d.code, "status": d.status, "applicant": d.applicant_name,
            "procedure": d.procedure_code, "field": d.field_code,
            "received_at": _iso(d.received_at, ctx), "due_at": _iso(d.due_at, ctx),
            "extended_due_at": _iso(d.extended_due_at, ctx)}

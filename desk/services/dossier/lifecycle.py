"""Dossier lifecycle actions: transfer, supplement, refuse, result, return, withdraw, stop.

Each action is one event; the row is re-projected from the events in the same transaction.
Illegal actions are refused by the state machine with a message naming the current state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desk.domain.errors import DomainError
from desk.domain.states import Action, DossierStatus, next_status
from desk.services.context import DeskContext
from desk.services.dossier.citizens import clean_text
from desk.services.dossier.events import record
from desk.services.dossier.projection import rebuild
from desk.services.dossier.shapes import ActionOutput, StopNotice
from desk.services.dossier.views import dossier_view, get_dossier
from desk.services.printing.paper_jobs import queue_stop_notice
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from storage.engine import write_session

REASON_REQUIRED = {"refuse", "stop", "request_supplement"}
RETURN_METHODS = ("counter", "post", "online")


def _payload(action: str, reason: str | None, extra: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    reason = clean_text(reason, 2000)
    if action in REASON_REQUIRED and not reason:
        raise DomainError("lifecycle.reason_required", action=action)
    if reason:
        payload["reason"] = reason
    if action == "request_supplement":
        docs = [clean_text(d, 300) for d in extra.get("documents") or [] if clean_text(d, 300)]
        payload["documents"] = docs
    elif action == "return_result":
        method = extra.get("method") or "counter"
        if method not in RETURN_METHODS:
            raise DomainError("lifecycle.bad_return_method", method=method,
                              methods=", ".join(RETURN_METHODS))
        payload["method"] = method
        if method == "counter":
            receiver = clean_text(extra.get("receiver"), 200)
            if not receiver:
                raise DomainError("lifecycle.receiver_required")
            payload["receiver"] = receiver
        elif method == "post":
            tracking = clean_text(extra.get("tracking"), 60)
            if not tracking:
                raise DomainError("lifecycle.tracking_required")
            payload["tracking"] = tracking
    elif action == "transfer":
        agency = clean_text(extra.get("agency"), 200)
        if agency:
            payload["agency"] = agency
    return payload


def act(ctx: DeskContext, code: str, action: str, actor: Actor = SYSTEM, *,
        reason: str | None = None, at: datetime | None = None, print_notice: bool = True,
        **extra: Any) -> ActionOutput:
    """Apply `action` to the dossier `code`; returns the updated dossier view."""
    require(ctx, actor, "dossier.act", target=code)
    try:
        act_ = Action(action)
    except ValueError:
        raise DomainError("dossier.unknown_action", action=action) from None
    if act_ is Action.RECEIVE:
        raise DomainError("lifecycle.use_intake")
    payload = _payload(act_.value, reason, extra)
    now = ctx.now()
    when = at or now
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)
    cal = ctx.calendar
    with write_session(ctx.engine) as s:
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        status = DossierStatus(d.status)
        resume = DossierStatus(d.resume_status) if d.resume_status else None
        next_status(status, act_, resume_to=resume)  # refuse early, with the state's name
        last = d.updated_at
        if when < d.received_at or (at is not None and when > now):
            raise DomainError("lifecycle.bad_time")
        if act_ is Action.REQUEST_SUPPLEMENT:
            by_agency = status in (DossierStatus.TRANSFERRED, DossierStatus.PROCESSING)
            restart = extra.get("restart")
            if restart is None:
                restart = by_agency and cal.within_working_days(d.received_at, when, 3)
            payload["restart"] = bool(restart)
            payload["by_agency"] = by_agency
        if act_ is Action.TRANSFER and payload.get("agency"):
            d.handling_agency = payload["agency"]
        record(s, d, act_.value, when, actor, payload=payload, backdated=at is not None)
        rebuild(s, d, cal)
        d.version += 1
        d.updated_at = max(now, last)
        s.add(d)
        s.flush()
        view = dossier_view(s, d, ctx)
    notice: StopNotice = {}
    if act_ in (Action.STOP, Action.WITHDRAW) and print_notice:  # Form 05 (2025 set)
        jobs = queue_stop_notice(ctx, code)
        if jobs:
            notice["stop_notice_jobs"] = jobs
    return {**view, **notice}

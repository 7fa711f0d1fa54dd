"""Appending one non-transition fact (a fee, a step, an attachment) to a dossier's log,
shared by fees.py, steps.py and attachments.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from desk.domain.errors import DomainError
from desk.domain.states import DossierStatus, is_terminal
from desk.services.context import DeskContext
from desk.services.dossier.events import record
from desk.services.dossier.projection import load_events
from desk.services.dossier.shapes import DossierView
from desk.services.dossier.views import dossier_view, get_dossier
from desk.services.trust.actor import Actor
from desk.services.trust.roles import require
from storage.engine import write_session
from storage.tables import Dossier


def record_fact(ctx: DeskContext, code: str, kind: str, actor: Actor,
                build: Callable[[Any, Any, list[Any]], dict[str, Any]], *,
                at: datetime | None = None, permission: str = "dossier.act") -> DossierView:
    """Append one non-transition fact to the dossier `code`, in one write transaction.

    `build(session, dossier, events)` checks what it must and returns the payload (or raises
    DomainError). Returns the updated dossier view.
    """
    require(ctx, actor, permission, target=code)
    now = ctx.now()
    when = at or now
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.tz)
    with write_session(ctx.engine) as s:
        d = get_dossier(s, code)
        if d is None:
            raise DomainError("dossier.not_found", code=code)
        if when < d.received_at or when > now:
            raise DomainError("lifecycle.bad_time")
        payload = build(s, d, load_events(s, d.id))
        record(s, d, kind, when, actor, payload=payload, backdated=at is not None)
        d.version += 1
        d.updated_at = max(now, d.updated_at)
        s.add(d)
        s.flush()
        return dossier_view(s, d, ctx)


def is_closed(dossier: Dossier) -> bool:
    return is_terminal(DossierStatus(dossier.status))

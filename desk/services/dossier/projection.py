"""The dossier row as the projection of its events, rebuilt the same way every time."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from desk.domain.calendar import TimeLimit, WorkingCalendar
from desk.domain.states import DossierState, Event, project
from storage.tables import Dossier, DossierEvent


def load_events(session: Session, dossier_id: Any) -> list[Any]:
    return list(session.exec(select(DossierEvent).where(DossierEvent.dossier_id == dossier_id)
                             .order_by(col(DossierEvent.recorded_at), col(DossierEvent.id))))


def clock_events(state: DossierState) -> list[tuple[str, datetime]]:
    """The dossier's pauses as clock events, in the order the facts were decided.

    Events arrive in decided order (server order for district decisions, then the HLC), but
    their instants come from machines whose clocks disagree (a desk days behind the district,
    a PC reset to 2010). An instant before its predecessor is clamped to it, so a skewed clock
    shortens a pause to nothing instead of stopping the projection or a pull."""
    out: list[tuple[str, datetime]] = []
    floor = state.received_at
    for p in state.pauses:
        start = max(p.start, floor)
        out.append(("pause", start))
        floor = start
        if p.end is not None:
            end = max(p.end, floor)
            out.append(("restart" if p.restarts else "resume", end))
            floor = end
    return out


def rebuild(session: Session, dossier: Dossier, cal: WorkingCalendar,
            history: list[Any] | None = None) -> DossierState:
    """Fold the dossier's events into its row (status, pauses, due date, result times).
    `history`: those events in record order when the caller has them all in hand."""
    rows = load_events(session, dossier.id) if history is None else history
    state = project(Event(r.kind, r.at, r.payload) for r in rows)
    limit = TimeLimit.of(dossier.time_limit_value, dossier.time_limit_unit)
    due = cal.due_with_clock(state.received_at, limit, clock_events(state))
    dossier.status = state.status.value
    dossier.resume_status = state.resume_to.value if state.resume_to else None
    open_pause = state.pauses[-1] if state.pauses and state.pauses[-1].end is None else None
    dossier.paused_since = open_pause.start if open_pause else None
    if due is not None:  # while the clock is stopped the last known due date stays
        dossier.due_at = due
    dossier.result_at = state.result_at
    dossier.returned_at = state.returned_at
    extended = [r for r in rows if r.kind == "apology" and r.payload.get("new_due_at")]
    if extended:
        dossier.extended_due_at = datetime.fromisoformat(extended[-1].payload["new_due_at"])
    returns = [r for r in rows if r.kind == "return_result"]
    if returns:
        dossier.return_method = returns[-1].payload.get("method")
    return state

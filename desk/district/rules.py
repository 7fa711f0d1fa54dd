"""How the district applies a dossier event (sync.md §4.4). Deterministic, one row at a time.

- `receive` creates the dossier's state; a second receive of the same code is rejected.
- Facts (notes, printed forms, apology letters… any kind that is not a state-machine action)
  always append: they are stored and never change the state.
- Decisions (actions) with the current `base_version` are applied if legal. Stale ones are
  applied if legal from the *current* state and owned by the commune; a stale decision the
  district owns (start_processing, result_ready, refuse, stop after receipt) or an illegal one
  is `superseded`: stored, logged as a conflict, the district's state shown to the office.
"""

from __future__ import annotations

from typing import Any

from desk.district.tables import DossierState, utcnow
from desk.domain.errors import DomainError
from desk.domain.states import Action, DossierStatus, next_status
from desk.sync.protocol import from_epoch

DISTRICT_OWNED = frozenset({"start_processing", "result_ready", "refuse", "stop"})
ACTIONS = frozenset(a.value for a in Action)


def state_view(st: DossierState | None) -> dict[str, Any]:
    if st is None:
        return {}
    return {"status": st.status, "version": st.version, "resume": st.resume_status}


def transition(st: DossierState, action: str, event_id: str) -> None:
    """Apply a legal `action` to the state row (raises DomainError if illegal)."""
    old = DossierStatus(st.status)
    resume = DossierStatus(st.resume_status) if st.resume_status else None
    new = next_status(old, action, resume_to=resume)
    if action == Action.REQUEST_SUPPLEMENT:
        st.resume_status = old.value
    elif old is DossierStatus.SUPPLEMENT_REQUESTED:
        st.resume_status = None
    st.status = new.value
    st.version += 1
    st.last_event = event_id
    st.updated = utcnow()


def apply_event(st: DossierState | None, office_id: str, ev: dict[str, Any]
                ) -> tuple[str, DossierState | None]:
    """(result, the state row to save or None). `st` is the locked current row, if any."""
    kind, code, eid = ev["t"], ev["e"], ev["i"]
    payload = ev.get("p") or {}
    if kind == Action.RECEIVE:
        if st is not None:
            return "rejected:code_exists", None
        status = DossierStatus.RETURNED if payload.get("immediate") else DossierStatus.RECEIVED
        return "accepted", DossierState(
            office_id=office_id, code=code, procedure=str(payload.get("procedure", "")),
            applicant=str(payload.get("name", "")), status=status.value, version=1,
            last_event=eid, received_at=from_epoch(int(ev["a"])))
    if kind not in ACTIONS:
        return "accepted", None  # a fact: always appended
    if st is None:
        return "rejected:unknown_dossier", None
    stale = int(ev.get("v", -1)) != st.version
    if stale and kind in DISTRICT_OWNED and st.status != DossierStatus.RECEIVED:
        return "superseded", None
    try:
        transition(st, kind, eid)
    except DomainError:
        return "superseded", None
    return "accepted", st

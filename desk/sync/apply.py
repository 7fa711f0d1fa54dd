"""Applying what the district says: push results, and pulled changes, each in one transaction.

A local event the district superseded is kept but neutralised: its kind becomes
``superseded.<kind>`` (the projection ignores kinds that are not actions) and a `sync_conflict`
row holds both versions for the clerk. A district decision is inserted into the local history
right after the event it followed on the server (`prev`), so both sides fold the same sequence
and reach the same state.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from desk.domain.calendar import WorkingCalendar
from desk.domain.states import Action
from desk.services.deadlines.calendar import set_exceptions_in
from desk.services.deadlines.clock_check import note_server_time
from desk.services.dossier.events import record
from desk.services.dossier.projection import load_events
from desk.services.dossier.views import get_dossier
from desk.services.trust.actor import Actor
from desk.sync import protocol as P
from desk.sync.catalog_apply import apply_catalog_change
from desk.sync.hlc import HLC, merge
from desk.sync.neutralise import PREFIX, conflict, refold
from desk.sync.outbox_row import APPLYING, sync_state
from desk.sync.recover import collided, release
from storage.tables import Dossier, DossierEvent
from storage.tables.common import utcnow
from storage.tables.sync import AppliedChange, OutboxEvent

DISTRICT_ROLE = "district"
KIND_CATALOG = "catalog_version"
KIND_CALENDAR = "calendar_exceptions"


def _set_kind(s: Session, event_id: Any, kind: str) -> Any:
    ev = s.get(DossierEvent, event_id)
    if ev is None or ev.kind == kind:
        return None
    ev.kind = kind
    s.add(ev)
    return s.get(Dossier, ev.dossier_id)


def apply_results(s: Session, cal: WorkingCalendar, ids: list[Any],
                  data: dict[str, Any], now: datetime | None = None) -> dict[str, int]:
    """Record the district's per-event answer; re-project the dossiers it touched."""
    counts: dict[str, int] = {}
    touched: dict[Any, Any] = {}
    conflicts = data.get("conflicts") or {}
    with s.no_autoflush:
        rows = {r.event_id: r for r in s.exec(select(OutboxEvent).where(
            col(OutboxEvent.event_id).in_(ids)))}
        neutral = set(s.exec(select(DossierEvent.id).where(
            col(DossierEvent.id).in_(ids), col(DossierEvent.kind).startswith(PREFIX))))
        now = utcnow()
        for event_id, result in zip(ids, data["results"], strict=True):
            row = rows[event_id]
            key = result.split(":", 1)[0]
            counts[key] = counts.get(key, 0) + 1
            row.server_result = result
            d = None
            if key in ("accepted", "duplicate"):
                row.state, row.acked_at, row.last_error = "acked", now, ""
                if event_id in neutral:  # undo a local neutralisation: the district took it
                    d = _set_kind(s, event_id, row.type)
            elif key == "superseded":
                row.state, row.acked_at, row.last_error = "acked", now, ""
                conflict(s, row, "superseded", conflicts.get(event_id.hex, {}))
                d = _set_kind(s, event_id, PREFIX + row.type)
            elif key == "rejected":
                row.state, row.last_error = "rejected", result
                conflict(s, row, result, {})
            else:  # an answer this client does not know: keep it queued
                row.state, row.last_error = "pending", result
            if d is not None:
                touched[d.id] = d
            s.add(row)
    s.flush()
    for d in touched.values():
        refold(s, cal, d)
    _merge_clock(s, data, now)
    return counts


def _merge_clock(s: Session, data: dict[str, Any], now: datetime | None) -> None:
    """The district's clock into the HLC, and into the desk's clock check (clock_check.py).
    `now`: the desk's injected clock; None (an old caller) merges the server's time alone."""
    server_ms = data.get("server_time")
    if not isinstance(server_ms, int):
        return
    st = sync_state(s)
    last = HLC.decode(st.hlc_last) if st.hlc_last else HLC(0, 0, st.device_id[:8])
    now_ms = int(now.timestamp() * 1000) if now is not None else 0
    st.hlc_last = merge(last, HLC(server_ms, 0, ""), now_ms).encode()
    s.add(st)
    if now is not None:
        note_server_time(s, now, server_ms)


STORED = "stored"  # a change this release cannot apply: kept, applied after an upgrade


def _handlers() -> dict[str, Any]:
    """kind → apply(s, cal, change) -> (local event id | None, outcome). A newer release adds
    kinds here; changes of other kinds are stored unapplied (sync.md §3, scenario 14)."""
    return {"decision": _decision,
            KIND_CATALOG: lambda s, cal, ch: (None, _catalog_change(s, ch.get("p") or {})),
            KIND_CALENDAR: lambda s, cal, ch: (None, _calendar_exceptions(s, ch.get("p") or {}))}


HANDLERS: dict[str, Any] = {}  # filled at the end of the module


def known_actions() -> frozenset[str]:
    return frozenset(a.value for a in Action)


def _held_back(s: Session, ch: dict[str, Any]) -> bool:
    """Must this change wait? Its kind or action is unknown here, or an earlier change on the
    same dossier is itself waiting (applying a later one first would fold out of order)."""
    kind = str(ch.get("k"))
    if kind not in HANDLERS:
        return True
    if kind == "decision" and (ch.get("p") or {}).get("a") not in known_actions():
        return True
    entity = ch.get("e") or ""
    return bool(entity) and s.exec(select(AppliedChange.change_id).where(
        AppliedChange.entity_id == entity, AppliedChange.outcome == STORED,
        AppliedChange.change_id != ch["id"])).first() is not None


def apply_page(s: Session, cal: WorkingCalendar, changes: list[dict[str, Any]], cursor: str) -> int:
    """Apply a pull page and store its cursor in the same transaction."""
    applied = 0
    for ch in changes:
        if s.get(AppliedChange, ch["id"]) is not None:
            continue  # a replayed page
        if _held_back(s, ch):
            local, outcome = None, STORED
        else:
            local, outcome = HANDLERS[str(ch.get("k"))](s, cal, ch)
        s.add(AppliedChange(change_id=ch["id"], kind=str(ch.get("k")), entity_id=ch.get("e", ""),
                            local_event_id=local, outcome=outcome, payload=ch.get("p") or {}))
        s.flush()
        applied += 1
    st = sync_state(s)
    st.pull_cursor = cursor
    s.add(st)
    return applied


def apply_stored(s: Session, cal: WorkingCalendar) -> int:
    """Apply, in the order they came, stored changes this release now knows (after an
    upgrade); the others stay stored. Returns how many were applied."""
    rows = list(s.exec(select(AppliedChange).where(col(AppliedChange.outcome) == STORED)
                       .order_by(col(AppliedChange.applied_at), col(AppliedChange.change_id))))
    for row in rows:  # while deciding, only the earlier ones that stay stored hold it back
        row.outcome = "pending"
        s.add(row)
    s.flush()
    done = 0
    for row in rows:
        ch = {"id": row.change_id, "k": row.kind, "e": row.entity_id, "p": row.payload}
        if _held_back(s, ch):
            row.outcome = STORED
        else:
            row.local_event_id, row.outcome = HANDLERS[row.kind](s, cal, ch)
            done += 1
        s.add(row)
        s.flush()
    return done


def _catalog_change(s: Session, p: dict[str, Any]) -> str:
    """Full snapshot, superseded stub or delta (desk/sync/catalog_apply.py)."""
    return apply_catalog_change(s, p)


def _calendar_exceptions(s: Session, p: dict[str, Any]) -> str:
    """A published set of calendar exceptions: applied if newer than the newest one applied."""
    version = int(p.get("version", 0))
    seen = s.exec(select(AppliedChange).where(AppliedChange.kind == KIND_CALENDAR,
                                              AppliedChange.outcome == "applied")).all()
    if any(int((a.payload or {}).get("version", 0)) >= version for a in seen):
        return "ignored_older"
    set_exceptions_in(s, {date.fromisoformat(r["date"]): (r["kind"], r.get("note", ""))
                          for r in p.get("exceptions") or []})
    return "applied"


def _decision(s: Session, cal: WorkingCalendar, ch: dict[str, Any]) -> tuple[Any, str]:
    p = ch.get("p") or {}
    d = get_dossier(s, ch.get("e", ""))
    if d is None:
        return None, "unknown_dossier"
    if collided(s, d.code):  # the dossier here under this code is another one: never merge
        return None, "conflict:code_reused"
    actor = Actor(id=None, name=p.get("by") or "UBND huyện", role=DISTRICT_ROLE)
    at = P.from_epoch(int(p["at"]))
    payload = dict(p.get("p") or {})
    floor = _time_floor(s, d, p.get("prev") or "")
    if floor is not None and at < floor:  # the district's clock is behind ours
        payload["district_at"] = at.isoformat()
        at = floor
    s.info[APPLYING] = True
    try:
        ev = record(s, d, p["a"], at, actor, payload=payload)
    finally:
        s.info.pop(APPLYING, None)
    _place_after(s, ev, p.get("prev") or "")
    release(s, cal, d, before=ev.recorded_at)  # recovered events that came before it
    refold(s, cal, d)
    d.version += 1
    s.add(d)
    s.flush()
    return ev.id, "applied"


def _anchor(s: Session, prev: str) -> Any:
    """The local event a district change followed on the server (by event or change id)."""
    if not prev:
        return None
    ac = s.get(AppliedChange, prev)
    if ac is not None and ac.local_event_id is not None:
        return s.get(DossierEvent, ac.local_event_id)
    try:
        return s.get(DossierEvent, uuid.UUID(hex=prev))
    except ValueError:
        return None


def _time_floor(s: Session, d: Dossier, prev: str) -> Any:
    """A decision cannot be dated before what it follows (the deadline clock needs order)."""
    anchor = _anchor(s, prev)
    if anchor is not None:
        return anchor.at
    events = load_events(s, d.id)
    return max((e.at for e in events), default=None)


def _place_after(s: Session, ev: Any, prev: str) -> None:
    """Order `ev` right after the event it followed on the server."""
    anchor = _anchor(s, prev)
    if anchor is None:
        return
    nxt = s.exec(select(DossierEvent).where(
        col(DossierEvent.dossier_id) == ev.dossier_id, col(DossierEvent.id) != ev.id,
        (col(DossierEvent.recorded_at) > anchor.recorded_at)
        | ((col(DossierEvent.recorded_at) == anchor.recorded_at)
           & (col(DossierEvent.id) > anchor.id))
    ).order_by(col(DossierEvent.recorded_at), col(DossierEvent.id))).first()
    step = timedelta(microseconds=1)
    if nxt is None:
        ev.recorded_at = max(ev.recorded_at, anchor.recorded_at + step)
    elif nxt.recorded_at - anchor.recorded_at >= 2 * step:
        ev.recorded_at = anchor.recorded_at + (nxt.recorded_at - anchor.recorded_at) / 2
    else:
        ev.recorded_at = anchor.recorded_at
    s.add(ev)
    s.flush()


HANDLERS.update(_handlers())

"""After a restore of an old backup: get back from the district what this desk did after the
backup point (sync.md scenario 15).

`backup.restore` leaves `sync_recover_after_seq` (the backup's last outbox number) in
`device_state`. Before anything else, the next sync asks the district for this device's events
numbered above it (every epoch) and inserts those it lacks, with their own ids, as acked outbox
rows (never pushed again) — idempotently, one page per transaction with its cursor.

- A recovered `receive` recreates its dossier and raises `dossier_sequence`, so the counter does
  not hand that number out again. If a dossier with that code already exists here (intake on a
  new machine before the recovery ran), it is another citizen's: a `code_reused` conflict is
  kept for a person, nothing is merged, and the code's district decisions are not applied here.
- A recovered state change is *held* (kind ``recovered.<kind>``, outside the projection) until
  the pull has brought back the district decisions that came before it on the server (pulled
  again from the backup's older cursor): each decision releases the held events placed before
  it, and the end of the pull releases the rest. Folding them earlier would find them illegal
  and neutralise events the district accepted.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from desk.domain.calendar import WorkingCalendar
from desk.domain.codes import parse_dossier_code
from desk.domain.errors import DomainError
from desk.domain.states import Action
from desk.domain.text import fold
from desk.services.dossier.projection import rebuild
from desk.services.dossier.views import get_dossier
from desk.sync import protocol as P
from desk.sync.hlc import HLC
from desk.sync.neutralise import PREFIX, refold
from desk.sync.outbox_row import sync_state
from storage.tables import Dossier, DossierEvent, Procedure
from storage.tables.common import utcnow
from storage.tables.device import DeviceState
from storage.tables.sync import OutboxEvent, SyncConflict

RECOVER_AFTER = "sync_recover_after_seq"
RECOVER_CURSOR = "sync_recover_cursor"
HELD = "recovered."
CODE_REUSED = "code_reused"


def pending(s: Session) -> tuple[int, str] | None:
    """(after_seq, cursor) of a recovery still to run, or None."""
    row = s.get(DeviceState, RECOVER_AFTER)
    if row is None:
        return None
    cur = s.get(DeviceState, RECOVER_CURSOR)
    return int(row.value or 0), cur.value if cur else ""


def progress(s: Session, cursor: str, done: bool) -> None:
    if done:
        for key in (RECOVER_AFTER, RECOVER_CURSOR):
            row = s.get(DeviceState, key)
            if row is not None:
                s.delete(row)
        return
    row = s.get(DeviceState, RECOVER_CURSOR) or DeviceState(key=RECOVER_CURSOR)
    row.value = cursor
    s.add(row)


def collided(s: Session, code: str) -> bool:
    """Is the dossier here under `code` another one than the district's (see module doc)?"""
    return s.exec(select(SyncConflict.id).where(SyncConflict.entity_id == code,
                                                SyncConflict.reason == CODE_REUSED)
                  ).first() is not None


def _recorded_at(ev: dict[str, Any], at: datetime) -> datetime:
    """When the desk recorded it: the physical part of its HLC (ordering the timeline)."""
    clock = HLC.from_wire(int(ev.get("h") or 0))
    if clock.ms <= 0:
        return at
    return datetime.fromtimestamp(clock.ms / 1000, UTC) + timedelta(microseconds=clock.counter)


def _raise_sequence(s: Session, code: str) -> None:
    try:
        c = parse_dossier_code(code)
    except DomainError:
        return
    s.execute(text(
        "INSERT INTO dossier_sequence (office_id, day, last) VALUES (:o, :d, :l) "
        "ON CONFLICT (office_id, day) DO UPDATE SET last = max(last, excluded.last)"),
        {"o": c.office_id, "d": c.date.isoformat(), "l": c.seq})


def _new_dossier(s: Session, code: str, name: str, p: dict[str, Any], at: datetime) -> Any:
    proc = s.get(Procedure, str(p.get("procedure", "")))
    if proc is None:
        return None
    limit = p.get("time_limit") or {}
    d = Dossier(code=code, office_id=code.rsplit("-", 2)[0], procedure_code=proc.code,
                field_code=proc.field_code, applicant_name=name, name_folded=fold(name),
                channel=str(p.get("channel", "direct")), sets=int(p.get("sets", 1) or 1),
                time_limit_value=int(limit.get("value", proc.time_limit_value)),
                time_limit_unit=str(limit.get("unit", proc.time_limit_unit)),
                received_at=at, due_at=at, updated_at=at)
    s.add(d)
    s.flush()
    return d


def _conflict(s: Session, eid: uuid.UUID, code: str, reason: str, local: dict[str, Any],
              server: dict[str, Any]) -> None:
    if s.exec(select(SyncConflict.id).where(SyncConflict.event_id == eid,
                                            SyncConflict.reason == reason)).first() is None:
        s.add(SyncConflict(event_id=eid, entity_id=code, reason=reason, local=local,
                           server=server))


def apply_own(s: Session, cal: WorkingCalendar, items: list[dict[str, Any]]) -> int:
    """Insert the desk's own events the district gave back; returns how many were new here."""
    actions = {a.value for a in Action}
    st = sync_state(s)
    added = 0
    for item in items:
        raw, result = item["ev"], str(item.get("r") or "accepted")
        ev = P.upcast(raw, int(item.get("sv") or P.SCHEMA_V))
        eid = uuid.UUID(hex=ev["i"])
        if s.get(DossierEvent, eid) is not None or s.get(OutboxEvent, eid) is not None:
            continue  # never lost (in the backup, or made again here): nothing to do
        code, kind = str(ev["e"]), str(ev["t"])
        if collided(s, code):
            continue
        p = dict(ev.get("p") or {})
        clerk = str(p.pop("by", "") or "")
        at = P.from_epoch(int(ev["a"]))
        d = get_dossier(s, code)
        if kind == "receive":
            name = str(p.pop("name", "") or "")
            if d is not None:  # this number was handed out again here: never merge
                _conflict(s, eid, code, CODE_REUSED,
                          {"applicant": d.applicant_name, "status": d.status},
                          {"event": raw, "result": result})
                continue
            d = _new_dossier(s, code, name, p, at)
            if d is None:
                _conflict(s, eid, code, "recover_unknown_procedure", {}, {"event": raw})
                continue
        elif d is None:
            continue  # its receive was never the district's (rejected): nothing to attach to
        if result.startswith("superseded"):
            local_kind = PREFIX + kind
        elif kind in actions and kind != "receive":
            local_kind = HELD + kind
        else:
            local_kind = kind
        s.add(DossierEvent(id=eid, dossier_id=d.id, kind=local_kind, at=at,
                           recorded_at=_recorded_at(ev, at), clerk_name=clerk, payload=p))
        seq = int(ev["s"])
        st.last_seq = max(st.last_seq, seq)
        if s.exec(select(OutboxEvent.event_id).where(OutboxEvent.seq == seq)).first() is not None:
            st.last_seq += 1  # a new epoch numbered from the backup again: a local number
            seq = st.last_seq
        clock = HLC.from_wire(int(ev.get("h") or 0), st.device_id[:8]).encode()
        st.hlc_last = max(st.hlc_last or "", clock)
        s.add(OutboxEvent(event_id=eid, office_id=d.office_id, device_epoch=int(item.get("x", 0)),
                          seq=seq, hlc=clock, type=kind, entity_id=code,
                          base_version=int(ev.get("v", 0)), schema_v=int(item.get("sv") or 2),
                          payload=raw, payload_sha256=P.event_digest(raw), state="acked",
                          server_result=result, acked_at=utcnow()))
        if result.startswith("superseded"):
            _conflict(s, eid, code, "superseded", {"type": kind, "event": raw}, {})
        if kind == "receive":
            _raise_sequence(s, code)
            s.flush()
            rebuild(s, d, cal)
            s.add(d)
        s.add(st)
        s.flush()
        added += 1
    return added


def release(s: Session, cal: WorkingCalendar, dossier: Dossier,
            before: datetime | None = None) -> int:
    """Put held events of `dossier` (all, or those ordered before `before`) back into the
    projection. The caller refolds."""
    q = select(DossierEvent).where(col(DossierEvent.dossier_id) == dossier.id,
                                   col(DossierEvent.kind).startswith(HELD))
    if before is not None:
        q = q.where(col(DossierEvent.recorded_at) < before)
    rows = list(s.exec(q))
    for ev in rows:
        ev.kind = ev.kind[len(HELD):]
        s.add(ev)
    if rows:
        s.flush()
    return len(rows)


def release_all(s: Session, cal: WorkingCalendar) -> int:
    """At the end of a complete pull: every held event back, dossier by dossier."""
    ids = set(s.exec(select(DossierEvent.dossier_id).where(
        col(DossierEvent.kind).startswith(HELD))))
    n = 0
    for dossier_id in ids:
        d = s.get_one(Dossier, dossier_id)
        n += release(s, cal, d)
        refold(s, cal, d)
    return n

"""A pushed batch: insert each event idempotently, apply the rules, commit, then answer.

`INSERT … ON CONFLICT (event_id) DO NOTHING RETURNING` makes concurrent duplicates safe; a
conflicting id is then compared by payload digest: same → `duplicate` (or the result it had),
different → `rejected:id_reused` (never applied, logged as a conflict for a person).

`DESK_DISTRICT_CRASH_AT=<point>` makes the server process die (SIGKILL to itself) at a named
point of an ingest, for the server kill tests.
"""

from __future__ import annotations

import os
import signal
from typing import Any

from sqlalchemy import Engine, update
from sqlmodel import select

from desk.district.db import is_postgres, write
from desk.district.rules import apply_event, state_view
from desk.district.tables import Conflict, DossierState, Event
from desk.sync import protocol as P

CRASH_ENV = "DESK_DISTRICT_CRASH_AT"
CRASH_POINTS = ("after_insert_before_commit", "after_commit_before_reply")


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _insert(engine: Engine) -> Any:
    if is_postgres(engine):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


INT64 = 2**63 - 1
EPOCH_MAX = 7_258_118_400  # 2200-01-01: later instants are a broken clock, not a dossier


def _valid(ev: Any) -> bool:
    """Well-formed, and every number fits the columns (a 500 is never the answer to input)."""
    if not (isinstance(ev, dict) and isinstance(ev.get("i"), str) and len(ev["i"]) == 32
            and isinstance(ev.get("t"), str) and isinstance(ev.get("e"), str)
            and isinstance(ev.get("s"), int) and isinstance(ev.get("a"), int)):
        return False
    numbers = (ev["s"], ev.get("h", 0), ev.get("v", 0))
    return (all(isinstance(n, int) and 0 <= n <= INT64 for n in numbers)
            and 0 <= ev["a"] <= EPOCH_MAX)


def ingest(engine: Engine, office_id: str, batch: dict[str, Any]) -> dict[str, Any]:
    """Store and apply one batch in one transaction; the per-event answer after the commit."""
    schema_v = int(batch.get("schema_v", P.SCHEMA_V))
    device = str(batch.get("device", ""))[:64]
    insert = _insert(engine)
    results: list[str] = []
    conflicts: dict[str, Any] = {}
    done: list[dict[str, str]] = []
    with write(engine) as s:
        for raw in batch["events"]:
            digest = P.event_digest(raw)
            try:
                ev = P.upcast(raw, schema_v) if isinstance(raw, dict) else raw
            except (ValueError, TypeError, OverflowError):  # an old client's unreadable time
                ev = None
            if not _valid(ev):
                results.append("rejected:malformed")
                continue
            row = dict(event_id=ev["i"], office_id=office_id, device=device, seq=ev["s"],
                       hlc=int(ev.get("h", 0)), type=ev["t"], entity_id=ev["e"],
                       at=P.from_epoch(ev["a"]), base_version=int(ev.get("v", 0)),
                       schema_v=schema_v, payload=raw, payload_sha256=digest, result="")
            stmt = insert(Event).values(**row).on_conflict_do_nothing(
                index_elements=["event_id"]).returning(Event.event_id)
            if s.execute(stmt).first() is None:
                results.append(_again(s, office_id, ev, digest, conflicts))
                continue
            st = s.get(DossierState, (office_id, ev["e"]), with_for_update=True)
            result, save = apply_event(st, office_id, ev)
            if save is not None:
                s.add(save)
            if result == "superseded":
                conflicts[ev["i"]] = state_view(st)
                s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"],
                               reason="superseded", local=raw, server=state_view(st)))
            s.flush()
            done.append({"event_id": ev["i"], "result": result})
            results.append(result)
        if done:
            s.execute(update(Event), done)
        s.flush()
        crash_point("after_insert_before_commit")
    crash_point("after_commit_before_reply")
    return {"results": results, "conflicts": conflicts,
            "max_contiguous_seq": _contiguous(batch["events"], results)}


def _again(s: Any, office_id: str, ev: dict[str, Any], digest: str,
           conflicts: dict[str, Any]) -> str:
    old = s.get(Event, ev["i"])
    if old is None or old.office_id != office_id or old.payload_sha256 != digest:
        s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"],
                       reason="id_reused", local=ev,
                       server={"sha256": old.payload_sha256 if old else ""}))
        return "rejected:id_reused"
    if old.result == "accepted":
        return "duplicate"
    if old.result == "superseded":
        st = s.exec(select(DossierState).where(DossierState.office_id == office_id,
                                               DossierState.code == ev["e"])).first()
        conflicts[ev["i"]] = state_view(st)
    return str(old.result)


def _contiguous(events: list[Any], results: list[str]) -> int:
    top = 0
    for ev, r in zip(events, results, strict=True):
        if r == "rejected:id_reused" or r == "rejected:malformed":
            break
        top = max(top, int(ev.get("s", 0)))
    return top

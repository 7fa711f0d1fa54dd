"""A pushed batch: insert each event idempotently, apply the rules, commit, then answer.

`INSERT … ON CONFLICT (event_id) DO NOTHING RETURNING` makes concurrent duplicates safe; a
conflicting id is then compared by payload digest: same → `duplicate` (or the result it had),
different → `rejected:id_reused` (never applied, logged as a conflict for a person).

Batches may arrive out of order (a later batch before an earlier one): an event on a dossier
whose `receive` has not arrived yet is stored and `parked` (answered `accepted`: the district
has it) and applied, in the desk's order, when the receive arrives.

A `receive` for a code the office already has is `rejected:code_exists` (a restored backup on a
new machine may hand out a number again): logged as a conflict, and every later event of the
same stream (device, epoch) on that code is rejected too — it is about the other dossier, and
must never be merged into the one the district has.

`DESK_DISTRICT_CRASH_AT=<point>` makes the server process die (SIGKILL to itself) at a named
point of an ingest, for the server kill tests; `DESK_DISTRICT_FAIL_AT=<point>` raises there
instead (the transaction rolls back and the client gets a 500).
"""

from __future__ import annotations

import os
import signal
from typing import Any, TypeGuard

from sqlalchemy import Engine, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select

from desk import environment
from desk.district.db import is_postgres, write
from desk.district.facts import is_fact, store_fact
from desk.district.rules import apply_event, state_view
from desk.district.tables import Conflict, DossierState, Event
from desk.district.wellformed import event_ok, own_code
from desk.sync import protocol as P
from storage.tables.common import table_of

CRASH_ENV = environment.DISTRICT_CRASH_AT
FAIL_ENV = environment.DISTRICT_FAIL_AT
CRASH_POINTS = ("after_insert_before_commit", "after_commit_before_reply")
PARKED = "parked"
WRONG_OFFICE = "rejected:wrong_office"


class InjectedFault(RuntimeError):
    """Raised at a named point for the tests of a 500 after a rollback."""


# a stream that gave a code away: (code, device, epoch) as its conflict row names them
Stream = tuple[str, str | None, int | None]

def crash_point(name: str) -> None:
    if environment.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if environment.get(FAIL_ENV) == name:
        raise InjectedFault(name)


def _insert(engine: Engine) -> Any:
    return postgresql.insert if is_postgres(engine) else sqlite.insert


INT64 = 2**63 - 1
INT32 = 2**31 - 1
EPOCH_MAX = 7_258_118_400  # 2200-01-01: later instants are a broken clock, not a dossier


def _valid(ev: Any) -> TypeGuard[dict[str, Any]]:
    """Well-formed, storable text (no NUL), and every number fits the columns (a 500 is never
    the answer to input)."""
    if not (event_ok(ev) and isinstance(ev.get("i"), str) and len(ev["i"]) == 32
            and isinstance(ev.get("s"), int) and isinstance(ev.get("a"), int)):
        return False
    small = (ev["s"], ev.get("v", 0))  # INTEGER columns (32-bit on PostgreSQL)
    return (all(isinstance(n, int) and 0 <= n <= INT32 for n in small)
            and isinstance(ev.get("h", 0), int) and 0 <= ev.get("h", 0) <= INT64
            and 0 <= ev["a"] <= EPOCH_MAX)


CHUNK = 500  # rows of one multi-row INSERT (PostgreSQL takes 65,535 parameters, SQLite 32,766)


def ingest(engine: Engine, office_id: str, batch: dict[str, Any]) -> dict[str, Any]:
    """Store and apply one batch in one transaction; the per-event answer after the commit.

    Per batch, not per event (issue 19): one multi-row `INSERT … ON CONFLICT DO NOTHING
    RETURNING` for the dossier events, one `SELECT … FOR UPDATE` of the dossier states they
    touch (in code order: two batches never lock in opposite orders), one UPDATE of the
    results, one query for parked events — 5 round trips per event before."""
    schema_v = int(batch.get("schema_v", P.SCHEMA_V))
    device = str(batch.get("device", ""))[:64]
    epoch = batch.get("epoch", 0)
    epoch = epoch if isinstance(epoch, int) and 0 <= epoch <= 2**31 - 1 else 0
    insert = _insert(engine)
    results: list[str] = []
    conflicts: dict[str, Any] = {}
    done: list[dict[str, str]] = []
    with write(engine) as s:
        todo: list[tuple[int, dict[str, Any], Any, str]] = []  # (answer index, ev, raw, digest)
        for raw in batch["events"]:
            try:
                ev = P.upcast(raw, schema_v) if isinstance(raw, dict) else raw
            except (ValueError, TypeError, OverflowError):  # an old client's unreadable time
                ev = None
            if not _valid(ev):
                results.append("rejected:malformed")
                continue
            digest = P.event_digest(raw)  # after the check: a lone surrogate cannot encode
            if is_fact(ev):  # a ticket event or a rating: appended to its own table
                results.append(store_fact(s, insert, office_id, ev, raw, digest, device, epoch))
                continue
            if not own_code(ev["e"], office_id):  # another office's dossier, or no code at all
                results.append(WRONG_OFFICE)
                continue
            todo.append((len(results), ev, raw, digest))
            results.append("")
        inserted = _insert_new(s, insert, office_id, device, epoch, schema_v, todo)
        codes = {ev["e"] for _, ev, _, _ in todo if ev["i"] in inserted}
        states = _lock_states(s, office_id, codes)
        lost = _lost_streams(s, office_id, codes)
        received: set[str] = set()
        for k, ev, raw, digest in todo:
            if ev["i"] not in inserted:
                results[k] = _again(s, office_id, ev, digest, conflicts)
                continue
            inserted.discard(ev["i"])  # the same id twice in one batch: the second is "again"
            result = _apply(s, office_id, states, lost, ev, raw, device, epoch, conflicts)
            done.append({"event_id": ev["i"], "result": result})
            results[k] = "accepted" if result == PARKED else result
            if result == "accepted" and ev["t"] == "receive":
                received.add(ev["e"])
        s.flush()
        if done:
            s.execute(update(Event), done)
        _unpark(s, office_id, states, lost, received)
        crash_point("after_insert_before_commit")
    crash_point("after_commit_before_reply")
    return {"results": results, "conflicts": conflicts,
            "max_contiguous_seq": _contiguous(batch["events"], results)}


def _insert_new(s: Any, insert: Any, office_id: str, device: str, epoch: int, schema_v: int,
                todo: list[tuple[int, dict[str, Any], Any, str]]) -> set[str]:
    """Insert the batch's dossier events, skipping known ids; the ids really inserted."""
    rows = [dict(event_id=ev["i"], office_id=office_id, device=device, epoch=epoch,
                 seq=ev["s"], hlc=int(ev.get("h", 0)), type=ev["t"], entity_id=ev["e"],
                 at=P.from_epoch(ev["a"]), base_version=int(ev.get("v", 0)),
                 schema_v=schema_v, payload=raw, payload_sha256=digest, result="")
            for _, ev, raw, digest in todo]
    if not rows:
        return set()
    # executemany of one cached statement: SQLAlchemy's "insertmanyvalues" renders the
    # multi-row VALUES itself (a `.values(rows)` statement was compiled anew for every batch:
    # half the server's CPU per event)
    events = table_of(Event)
    stmt = insert(events).on_conflict_do_nothing(
        index_elements=["event_id"]).returning(events.c.event_id)
    return set(s.connection().execute(stmt, rows).scalars())


def _lock_states(s: Any, office_id: str, codes: set[str]) -> dict[str, DossierState | None]:
    """The dossier states of `codes`, locked for this transaction (None: no dossier yet)."""
    states: dict[str, DossierState | None] = dict.fromkeys(codes)
    ordered = sorted(codes)
    for i in range(0, len(ordered), CHUNK):
        rows = s.exec(select(DossierState).where(
            col(DossierState.office_id) == office_id,
            col(DossierState.code).in_(ordered[i:i + CHUNK]))
                      .order_by(col(DossierState.code)).with_for_update()).all()
        states.update({st.code: st for st in rows})
    return states


def _apply(s: Any, office_id: str, states: dict[str, DossierState | None],
           lost: set[Stream], ev: dict[str, Any], raw: Any, device: str,
           epoch: int, conflicts: dict[str, Any]) -> str:
    """Apply one new event to its (locked) dossier state; the result to store."""
    st = states.get(ev["e"])
    if st is not None and ev["t"] != "receive" and (ev["e"], device, epoch) in lost:
        return "rejected:code_exists"  # this stream gave the code to another dossier
    result, save = apply_event(st, office_id, ev)
    if save is not None:
        s.add(save)
        states[ev["e"]] = save
    if result == "rejected:unknown_dossier":
        return PARKED  # its receive is in a batch still on the way
    if result == "superseded":
        conflicts[ev["i"]] = state_view(st)
        s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"],
                       reason="superseded", local=raw, server=state_view(st)))
    elif result == "rejected:code_exists":
        lost.add((ev["e"], device, epoch))
        s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"],
                       reason="code_exists", local=raw,
                       server={**state_view(st), "device": device, "epoch": epoch}))
    return result


def _lost_streams(s: Any, office_id: str, codes: set[str]) -> set[Stream]:
    """(code, device, epoch) of every stream that gave one of `codes` to a dossier other than
    the district's (a `code_exists` conflict): their later events on it are rejected too."""
    out: set[Stream] = set()
    ordered = sorted(codes)
    for i in range(0, len(ordered), CHUNK):
        rows = s.exec(select(Conflict).where(col(Conflict.office_id) == office_id,
                                             col(Conflict.entity_id).in_(ordered[i:i + CHUNK]),
                                             col(Conflict.reason) == "code_exists")).all()
        out.update((c.entity_id, (c.server or {}).get("device"), (c.server or {}).get("epoch"))
                   for c in rows)
    return out


def _unpark(s: Any, office_id: str, states: dict[str, DossierState | None],
            lost: set[Stream], received: set[str]) -> None:
    """Apply, in the desk's order, the parked events of dossiers received by this batch
    (one query for all of them; their states are already locked)."""
    if not received:
        return
    parked = s.exec(select(Event).where(col(Event.office_id) == office_id,
                                        col(Event.entity_id).in_(sorted(received)),
                                        col(Event.result) == PARKED)
                    .order_by(col(Event.entity_id), col(Event.epoch), col(Event.seq))).all()
    for row in parked:
        ev = P.upcast(dict(row.payload), row.schema_v)
        row.result = _apply(s, office_id, states, lost, ev, row.payload, row.device,
                            row.epoch, {})
        s.add(row)
    s.flush()


def _again(s: Any, office_id: str, ev: dict[str, Any], digest: str,
           conflicts: dict[str, Any]) -> str:
    old = s.get(Event, ev["i"])
    if old is None or old.office_id != office_id or old.payload_sha256 != digest:
        s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"],
                       reason="id_reused", local=ev,
                       server={"sha256": old.payload_sha256 if old else ""}))
        return "rejected:id_reused"
    if old.result in ("accepted", PARKED):
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

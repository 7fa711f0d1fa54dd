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

from sqlalchemy import Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select

from desk import environment
from desk.district.db import is_postgres, write
from desk.district.event_rows import among, known, lock_office, store
from desk.district.facts import is_fact, store_fact
from desk.district.rules import apply_event, state_view
from desk.district.tables import Conflict, DossierState, Event
from desk.district.wellformed import event_ok, own_code
from desk.sync import protocol as P

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


class _Raced(RuntimeError):
    """Another office stored one of this batch's ids between the look-up and the insert."""


def ingest(engine: Engine, office_id: str, batch: dict[str, Any]) -> dict[str, Any]:
    """Store and apply one batch in one transaction; the per-event answer after the commit.

    Per batch, not per event (issue 19): the office's lock, one look-up of the batch's ids, one
    `SELECT … FOR UPDATE` of the dossier states it touches (in code order: two batches never
    lock in opposite orders), the results computed, then the rows written with their results
    (COPY on PostgreSQL, desk/district/event_rows.py), one query for parked events."""
    for _ in range(2):
        try:
            return _ingest(engine, office_id, batch)
        except _Raced:  # rolled back; the look-up now sees the other office's row
            continue
    return _ingest(engine, office_id, batch)


def _ingest(engine: Engine, office_id: str, batch: dict[str, Any]) -> dict[str, Any]:
    schema_v = int(batch.get("schema_v", P.SCHEMA_V))
    device = str(batch.get("device", ""))[:64]
    epoch = batch.get("epoch", 0)
    epoch = epoch if isinstance(epoch, int) and 0 <= epoch <= 2**31 - 1 else 0
    postgres = is_postgres(engine)
    insert = _insert(engine)
    results: list[str] = []
    conflicts: dict[str, Any] = {}
    with write(engine) as s:
        lock_office(s, office_id, postgres)
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
        seen = known(s, (ev["i"] for _, ev, _, _ in todo), postgres)
        codes = {ev["e"] for _, ev, _, _ in todo if ev["i"] not in seen}
        states = _lock_states(s, office_id, codes, postgres)
        lost = _lost_streams(s, office_id, codes, postgres)
        received: set[str] = set()
        rows: list[dict[str, Any]] = []
        for k, ev, raw, digest in todo:
            if ev["i"] in seen:  # stored before, or earlier in this batch
                results[k] = _again(s, office_id, ev, digest, seen[ev["i"]], conflicts)
                continue
            result = _apply(s, office_id, states, lost, ev, raw, device, epoch, conflicts)
            seen[ev["i"]] = (office_id, digest, result)
            rows.append(_row(office_id, device, epoch, schema_v, ev, raw, digest, result))
            results[k] = "accepted" if result == PARKED else result
            if result == "accepted" and ev["t"] == "receive":
                received.add(ev["e"])
        if store(s, rows, postgres) != {r["event_id"] for r in rows}:
            raise _Raced  # only another office's push can: this office's wait for the lock
        s.flush()
        _unpark(s, office_id, states, lost, received, postgres)
        crash_point("after_insert_before_commit")
    crash_point("after_commit_before_reply")
    return {"results": results, "conflicts": conflicts,
            "max_contiguous_seq": _contiguous(batch["events"], results)}


def _row(office_id: str, device: str, epoch: int, schema_v: int, ev: dict[str, Any], raw: Any,
         digest: str, result: str) -> dict[str, Any]:
    return dict(event_id=ev["i"], office_id=office_id, device=device, epoch=epoch, seq=ev["s"],
                hlc=int(ev.get("h", 0)), type=ev["t"], entity_id=ev["e"],
                at=P.from_epoch(ev["a"]), base_version=int(ev.get("v", 0)), schema_v=schema_v,
                payload=raw, payload_sha256=digest, result=result)


def _lock_states(s: Any, office_id: str, codes: set[str], postgres: bool
                 ) -> dict[str, DossierState | None]:
    """The dossier states of `codes`, locked for this transaction (None: no dossier yet)."""
    states: dict[str, DossierState | None] = dict.fromkeys(codes)
    ordered = sorted(codes)
    for i in range(0, len(ordered), CHUNK):
        rows = s.exec(select(DossierState).where(
            col(DossierState.office_id) == office_id,
            among(col(DossierState.code), ordered[i:i + CHUNK], postgres))
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


def _lost_streams(s: Any, office_id: str, codes: set[str], postgres: bool) -> set[Stream]:
    """(code, device, epoch) of every stream that gave one of `codes` to a dossier other than
    the district's (a `code_exists` conflict): their later events on it are rejected too."""
    out: set[Stream] = set()
    ordered = sorted(codes)
    for i in range(0, len(ordered), CHUNK):
        rows = s.exec(select(Conflict).where(col(Conflict.office_id) == office_id,
                                             among(col(Conflict.entity_id),
                                                   ordered[i:i + CHUNK], postgres),
                                             col(Conflict.reason) == "code_exists")).all()
        out.update((c.entity_id, (c.server or {}).get("device"), (c.server or {}).get("epoch"))
                   for c in rows)
    return out


def _unpark(s: Any, office_id: str, states: dict[str, DossierState | None],
            lost: set[Stream], received: set[str], postgres: bool) -> None:
    """Apply, in the desk's order, the parked events of dossiers received by this batch
    (one query for all of them; their states are already locked)."""
    if not received:
        return
    parked = s.exec(select(Event).where(col(Event.office_id) == office_id,
                                        among(col(Event.entity_id), sorted(received),
                                              postgres),
                                        col(Event.result) == PARKED)
                    .order_by(col(Event.entity_id), col(Event.epoch), col(Event.seq))).all()
    for row in parked:
        ev = P.upcast(dict(row.payload), row.schema_v)
        row.result = _apply(s, office_id, states, lost, ev, row.payload, row.device,
                            row.epoch, {})
        s.add(row)
    s.flush()


def _again(s: Any, office_id: str, ev: dict[str, Any], digest: str, old: tuple[str, str, str],
           conflicts: dict[str, Any]) -> str:
    """The answer to an id already stored: (office, digest, result) as the look-up read it."""
    old_office, old_digest, old_result = old
    if old_office != office_id or old_digest != digest:
        s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"],
                       reason="id_reused", local=ev, server={"sha256": old_digest}))
        return "rejected:id_reused"
    if old_result in ("accepted", PARKED):
        return "duplicate"
    if old_result == "superseded":
        st = s.exec(select(DossierState).where(DossierState.office_id == office_id,
                                               DossierState.code == ev["e"])).first()
        conflicts[ev["i"]] = state_view(st)
    return old_result


def _contiguous(events: list[Any], results: list[str]) -> int:
    top = 0
    for ev, r in zip(events, results, strict=True):
        if r == "rejected:id_reused" or r == "rejected:malformed":
            break
        top = max(top, int(ev.get("s", 0)))
    return top

"""An office's own events, given back after it restored an old backup (sync.md scenario 15).

The desk lost what it did after the backup point, but the district accepted it. The desk asks
for the events of its device with a sequence number above the backup's (every epoch: the
restore may be onto a new machine that starts numbering again), page by page in the desk's
order; it inserts those it lacks. Only what the district took is given back (accepted,
superseded, parked); a rejected event never was the district's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, or_
from sqlmodel import col, select

from desk.district.db import read
from desk.district.tables import Event

KEPT = ("accepted", "superseded", "parked")


def encode_cursor(seq: int, epoch: int, event_id: str) -> str:
    return f"{seq}.{epoch}.{event_id}"


INT32 = 2**31 - 1  # event.seq and event.epoch are INTEGER columns


def _bounded(n: int) -> int:
    if not 0 <= n <= INT32:  # a number no column can hold is bad input, not a 500
        raise ValueError("out of range")
    return n


def decode_cursor(cursor: str, after_seq: int) -> tuple[int, int, str]:
    if not cursor:
        return _bounded(after_seq), INT32, ""  # strictly after every event numbered after_seq
    seq, epoch, event_id = cursor.split(".", 2)
    if len(event_id) > 32 or not event_id.isalnum() or not event_id.isascii():
        raise ValueError("bad event id")  # a NUL here was a PostgreSQL DataError
    return _bounded(int(seq)), _bounded(int(epoch)), event_id


def own_events(engine: Engine, office_id: str, device: str, after_seq: int, cursor: str,
               limit: int) -> dict[str, Any]:
    """{"events": [{"ev", "r", "x", "sv"}], "next_cursor", "has_more"}; ValueError on a bad
    cursor."""
    seq, epoch, event_id = decode_cursor(cursor, after_seq)
    e_seq, e_epoch, e_id = col(Event.seq), col(Event.epoch), col(Event.event_id)
    after = or_(e_seq > seq,
                (e_seq == seq) & (e_epoch > epoch),
                (e_seq == seq) & (e_epoch == epoch) & (e_id > event_id))
    with read(engine) as s:
        rows = list(s.exec(select(Event).where(
            col(Event.office_id) == office_id, col(Event.device) == device, after,
            col(Event.result).in_(KEPT))
            .order_by(e_seq, e_epoch, e_id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1].seq, rows[-1].epoch, rows[-1].event_id) if rows else cursor
    return {"events": [{"ev": r.payload, "r": "accepted" if r.result == "parked" else r.result,
                        "x": r.epoch, "sv": r.schema_v} for r in rows],
            "next_cursor": nxt, "has_more": more}

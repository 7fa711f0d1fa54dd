"""Facts pushed by a desk — queue ticket events and satisfaction ratings (desk/sync/facts.py).

Facts always append (sync.md §4.4): no dossier state, no rules, never `superseded`, nothing
published back. Each is stored once in its own table, idempotently: ``INSERT … ON CONFLICT
(event_id) DO NOTHING RETURNING``; the same id again with the same digest is `duplicate`, with
another digest (or an id some other event already has) `rejected:id_reused`, logged as a
conflict like a dossier event's. A fact whose fields do not fit the columns is
`rejected:malformed` (a 500 is never the answer to input).
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeGuard

from sqlalchemy import func
from sqlmodel import col, select

from desk.district.shapes import FactStatus
from desk.district.tables import Conflict, Event, RatingFact, TicketFact
from desk.sync import protocol as P

TICKET_PREFIX = "ticket."
RATING = "rating"
INT32 = 2**31 - 1
SHORT = 64  # kinds, labels, service codes
NAME = 200  # a clerk's name


def is_fact(ev: dict[str, Any]) -> bool:
    kind = str(ev["t"])
    return kind == RATING or kind.startswith(TICKET_PREFIX)


def _text(v: Any, limit: int) -> bool:
    return isinstance(v, str) and len(v) <= limit and "\x00" not in v  # PostgreSQL refuses NUL


def _int(v: Any, optional: bool = True) -> bool:
    if v is None:
        return optional
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= INT32


def _score(v: Any) -> TypeGuard[int]:
    return _int(v, optional=False) and 1 <= v <= 3


def _day(v: Any) -> bool:
    try:
        return _text(v, 10) and date.fromisoformat(v).isoformat() == v
    except ValueError:
        return False


def _ticket_row(ev: dict[str, Any], p: dict[str, Any]) -> dict[str, Any] | None:
    kind = ev["t"][len(TICKET_PREFIX):]
    if not (_text(kind, SHORT) and kind and _text(ev["e"], SHORT) and _day(p.get("d"))
            and _text(p.get("sv", ""), SHORT) and _text(p.get("by", ""), NAME)
            and all(_int(p.get(k)) for k in ("n", "l", "c"))):
        return None
    return dict(kind=kind, day=p["d"], label=ev["e"], service_code=p.get("sv", ""),
                number=p.get("n"), leg=p.get("l"), counter=p.get("c"), clerk=p.get("by", ""),
                priority=bool(p.get("pr")))


def _rating_row(ev: dict[str, Any], p: dict[str, Any]) -> dict[str, Any] | None:
    sc = p.get("sc")
    if not (_text(p.get("lv"), SHORT) and _score(sc)
            and _int(p.get("c")) and _text(p.get("by", ""), NAME)):
        return None
    return dict(level=p["lv"], score=sc, counter=p.get("c"), clerk=p.get("by", ""))


def store_fact(s: Any, insert: Any, office_id: str, ev: dict[str, Any], raw: Any, digest: str,
               device: str, epoch: int) -> str:
    """Store one fact (inside the batch's transaction); its per-event answer."""
    p = ev.get("p") or {}
    table: Any = RatingFact if ev["t"] == RATING else TicketFact
    cols = (_rating_row if table is RatingFact else _ticket_row)(ev, p) if isinstance(
        p, dict) else None
    if cols is None or not _int(ev["s"]) or not _int(epoch):
        return "rejected:malformed"
    other = RatingFact if table is TicketFact else TicketFact
    if s.get(Event, ev["i"]) is not None or s.get(other, ev["i"]) is not None:
        return _reused(s, office_id, ev, "")
    stmt = insert(table).values(
        event_id=ev["i"], office_id=office_id, device=device, epoch=epoch, seq=ev["s"],
        hlc=int(ev.get("h", 0)), at=P.from_epoch(ev["a"]), payload=raw, payload_sha256=digest,
        **cols).on_conflict_do_nothing(index_elements=["event_id"]).returning(table.event_id)
    if s.execute(stmt).first() is not None:
        return "accepted"
    old = s.get(table, ev["i"])
    if old is not None and old.office_id == office_id and old.payload_sha256 == digest:
        return "duplicate"
    return _reused(s, office_id, ev, old.payload_sha256 if old is not None else "")


def _reused(s: Any, office_id: str, ev: dict[str, Any], sha: str) -> str:
    s.add(Conflict(office_id=office_id, event_id=ev["i"], entity_id=ev["e"], reason="id_reused",
                   local=ev, server={"sha256": sha}))
    return "rejected:id_reused"


def fact_status(s: Any, office_id: str, days: int = 7) -> FactStatus:
    """For `desk district status`: tickets issued (in all, and on the office's last `days`
    days with tickets) and ratings (count, mean score)."""
    issued = TicketFact.kind == "issue"
    total = s.exec(select(func.count()).select_from(TicketFact).where(
        TicketFact.office_id == office_id)).one()
    n_issued = s.exec(select(func.count()).select_from(TicketFact).where(
        TicketFact.office_id == office_id, issued)).one()
    by_day = s.exec(select(TicketFact.day, func.count()).where(
        TicketFact.office_id == office_id, issued).group_by(TicketFact.day)
        .order_by(col(TicketFact.day).desc()).limit(days)).all()
    n, mean = s.exec(select(func.count(), func.avg(RatingFact.score)).where(
        RatingFact.office_id == office_id)).one()
    return {
        "tickets": {"issued": int(n_issued), "events": int(total),
                    "issued_by_day": {d: int(c) for d, c in sorted(by_day)}},
        "ratings": {"count": int(n), "mean_score": round(float(mean), 2) if n else None},
    }

"""Routing by the province (issue 16 §3): since July 2025 a commune centre takes in dossiers from
anywhere in the province. A dossier received for a resident of another commune is taken in as
usual by the receiving commune, and its `receive` event says so (`other_commune`: the folded
commune name read from the applicant's address, desk/domain/residence.py). The province server
applies the rule on its side: it matches that name against the communes of the offices it knows
and lists the dossier for the commune it belongs to —

* `desk province routes [--to OFFICE] [--json]` for the province's administrator;
* `GET /v1/offices/{id}/routed` for that commune's desk (signed by its key, like every call).

A name no registered office carries is listed with `to_office: null`: a person routes it.

Read from the stored events, not a table of its own: no migration, and a correction of an
office's name re-routes every dossier at once. Only `receive` events that carry the flag are
read (a JSON condition in SQL), newest first, at most `limit`.
"""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import col, select

from desk.district.db import read
from desk.district.shapes import RouteOut, RoutesOut
from desk.district.tables import DossierState, Event, Office
from desk.domain.residence import commune_of

__all__ = ["LIMIT", "routed"]

LIMIT = 500


def _communes(offices: list[Office]) -> dict[str, Office]:
    """Folded commune name → the (active) office of that commune."""
    out: dict[str, Office] = {}
    for o in offices:
        name = commune_of(o.name)
        if name and not o.revoked:
            out.setdefault(name, o)
    return out


def routed(engine: Engine, to_office: str | None = None, limit: int = LIMIT) -> RoutesOut:
    """The dossiers received for another commune, with the office each is routed to (all of
    them, or only those routed to `to_office`)."""
    # the stored payload is the event as it came over the wire: its own payload is "p"
    flag = Event.payload[("p", "other_commune")].as_string()  # type: ignore[index]
    with read(engine) as s:
        offices = list(s.exec(select(Office)))
        rows = s.exec(select(Event.office_id, Event.entity_id, Event.at, flag)
                      .where(Event.type == "receive", flag.is_not(None))
                      .order_by(col(Event.at).desc(), col(Event.entity_id))
                      .limit(max(1, limit) if to_office is None else None)).all()
        states = {(st.office_id, st.code): st.status for st in s.exec(
            select(DossierState).where(col(DossierState.code).in_(
                [r[1] for r in rows])))} if rows else {}
    communes = _communes(offices)
    names = {o.id: o.name for o in offices}
    out: list[RouteOut] = []
    for office_id, code, at, commune in rows:
        target = communes.get(str(commune))
        if target is not None and target.id == office_id:
            continue  # its own commune after all (the office's name was corrected)
        to = target.id if target is not None else None
        if to_office is not None and to != to_office:
            continue
        out.append({"code": code, "received_by": office_id,
                    "received_by_name": names.get(office_id, ""), "commune": commune,
                    "to_office": to, "to_name": target.name if target is not None else None,
                    "status": states.get((office_id, code)),
                    "received_at": at.isoformat(timespec="seconds")})
        if len(out) >= limit:
            break
    return {"routes": out}

"""The offices' audit-chain heads, kept by the district (issue 15 §5).

A desk's audit trail is a hash chain in its own SQLite file: whoever holds the PC can delete
its tail, or edit a row and recompute every hash after it, and the chain still verifies. So
with every sync the desk sends its head (the last entry's number and hash), and the district
keeps it out of the PC's reach; `desk audit verify` fetches the heads and checks that the local
chain still passes through every one of them.

    POST /v1/offices/{id}/audit:head    JSON {"device", "epoch", "seq", "hash"}
    GET  /v1/offices/{id}/audit:heads?device=D   → {"heads": [{epoch, seq, hash, day, …}]}

One row per (office, device, epoch, district day) holds that day's newest head, so a year is
365 small rows per office. A head that goes backwards within an epoch (the tail deleted), or
names a seen entry with another hash (an edited entry, the chain recomputed), or comes from an
epoch older than one already seen, is refused with 409, never stored, and kept in `quarantine`
for the province to see. A restore from backup raises the device's epoch: its heads start a new
series (desk/services/trust/backup_restore.py).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import BigInteger, Engine, func
from sqlmodel import Field, col, select
from starlette.concurrency import run_in_threadpool

from desk.district.db import read, write
from desk.district.http import check_auth, envelope, finish_auth, signed_body
from desk.district.offices import Signed
from desk.district.tables import DistrictModel, Quarantine, utcnow
from desk.district.wellformed import MAX_TEXT, storable_text
from storage.tables.common import UTCDateTime

MAX_BODY = 1024  # {"device", "epoch", "seq", "hash"}: ~150 bytes
MAX_HEADS = 1000  # newest first: ~3 years of days
_HASH = re.compile(r"^[0-9a-f]{64}$")
SEQ_MAX = 2**53  # a JSON number every client reads exactly
EPOCH_MAX = 2**31 - 1


class AuditAnchor(DistrictModel, table=True):
    __tablename__ = "audit_anchor"
    office_id: str = Field(primary_key=True)
    device: str = Field(primary_key=True, max_length=MAX_TEXT)
    epoch: int = Field(primary_key=True)
    day: str = Field(primary_key=True, max_length=10)  # the district's UTC date
    seq: int = Field(sa_type=BigInteger)
    hash: str = Field(max_length=64)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class BadHead(ValueError):
    pass


def parse_head(body: bytes) -> dict[str, Any]:
    """{"device", "epoch", "seq", "hash"} checked; BadHead names the field that is wrong."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadHead("json") from None
    if not isinstance(data, dict):
        raise BadHead("json")
    device = data.get("device")
    if not isinstance(device, str) or not 0 < len(device) <= MAX_TEXT \
            or not storable_text(device):
        raise BadHead("device")
    for key, top in (("epoch", EPOCH_MAX), ("seq", SEQ_MAX)):
        value = data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
            raise BadHead(key)
    if not isinstance(data.get("hash"), str) or not _HASH.match(data["hash"]):
        raise BadHead("hash")
    return {k: data[k] for k in ("device", "epoch", "seq", "hash")}


def _newest(s: Any, office_id: str, device: str, epoch: int | None = None) -> Any:
    q = select(AuditAnchor).where(AuditAnchor.office_id == office_id,
                                  AuditAnchor.device == device)
    if epoch is not None:
        q = q.where(AuditAnchor.epoch == epoch)
    return s.exec(q.order_by(col(AuditAnchor.epoch).desc(),
                             col(AuditAnchor.seq).desc())).first()


def _view(row: AuditAnchor | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"epoch": row.epoch, "seq": row.seq, "hash": row.hash, "day": row.day,
            "received_at": row.received_at.isoformat(timespec="seconds")}


def store_head(engine: Engine, office_id: str, head: dict[str, Any]) -> tuple[str, Any]:
    """("stored" | "same", newest head) — or (refusal, the head kept) for a head that
    contradicts what the district holds: "behind", "diverged", "old_epoch"."""
    now = utcnow()
    with write(engine) as s:
        newest = _newest(s, office_id, head["device"])
        if newest is not None and head["epoch"] < newest.epoch:
            return "old_epoch", _view(newest)
        same = newest if newest is not None and newest.epoch == head["epoch"] else None
        if same is not None:
            if head["seq"] < same.seq:
                return "behind", _view(same)
            if head["seq"] == same.seq:
                return ("same" if head["hash"] == same.hash else "diverged"), _view(same)
        day = now.date().isoformat()
        row = s.get(AuditAnchor, (office_id, head["device"], head["epoch"], day))
        if row is None:
            row = AuditAnchor(office_id=office_id, device=head["device"], epoch=head["epoch"],
                              day=day, seq=head["seq"], hash=head["hash"], received_at=now)
        else:
            row.seq, row.hash, row.received_at = head["seq"], head["hash"], now
        s.add(row)
        s.flush()
        return "stored", _view(row)


def heads(engine: Engine, office_id: str, device: str, limit: int = MAX_HEADS
          ) -> list[dict[str, Any]]:
    """The heads kept for one device, newest first."""
    with read(engine) as s:
        rows = s.exec(select(AuditAnchor).where(
            AuditAnchor.office_id == office_id, AuditAnchor.device == device).order_by(
            col(AuditAnchor.epoch).desc(), col(AuditAnchor.seq).desc()
        ).limit(limit)).all()
    return [v for r in rows if (v := _view(r)) is not None]


def count_heads(engine: Engine, office_id: str) -> int:
    with read(engine) as s:
        return int(s.exec(select(func.count()).select_from(AuditAnchor).where(
            AuditAnchor.office_id == office_id)).one())


def _push(engine: Engine, office_id: str, signed: Signed, body: bytes) -> JSONResponse:
    denied = finish_auth(engine, signed, body)
    if denied is not None:
        return denied
    try:
        head = parse_head(body)
    except BadHead as e:
        return envelope(400, error="malformed", problem=str(e))
    verdict, kept = store_head(engine, office_id, head)
    if verdict in ("stored", "same"):
        return envelope(200, stored=verdict == "stored", head=kept)
    with write(engine) as s:  # the province sees every refused head
        s.add(Quarantine(office_id=office_id, reason=f"audit_head:{verdict}", body=body))
    return envelope(409, error=f"audit_{verdict}", head=kept)


def _list(engine: Engine, office_id: str, request: Request, device: str) -> JSONResponse:
    denied = check_auth(engine, office_id, request, b"")
    if denied is not None:
        return denied
    if not 0 < len(device) <= MAX_TEXT or not storable_text(device):
        return envelope(400, error="bad_device")
    return envelope(200, device=device, heads=heads(engine, office_id, device))


def register(app: FastAPI, engine: Engine) -> None:
    """The two routes on the district app (desk/district/app.py)."""

    @app.post("/v1/offices/{office_id}/audit:head")
    async def audit_head(office_id: str, request: Request) -> JSONResponse:
        got = await signed_body(engine, office_id, request, MAX_BODY,
                                {"error": "too_large", "max_bytes": MAX_BODY})
        if isinstance(got, JSONResponse):
            return got
        return await run_in_threadpool(_push, engine, office_id, *got)

    @app.get("/v1/offices/{office_id}/audit:heads")
    async def audit_heads(office_id: str, request: Request, device: str = "") -> JSONResponse:
        return await run_in_threadpool(_list, engine, office_id, request, device)

"""Scans travel to the district after the events, resumably, at low priority (issue 7).

A scan becomes uploadable only once its `attachment_added` event is acknowledged, and uploads
run only while the outbox is empty: before every chunk the outbox is looked at again, and a new
event stops the upload so the event goes first. Chunks are small (32 KB: a 2G link moves one in
~10 s) with one in flight; the district owns the offset, so after a cut the desk asks for it and
goes on from there instead of from zero. A file missing here is reported, never fatal; a file
that no longer hashes to its name is not sent (the district would refuse it anyway).

Wire: see `desk/district/attachments.py`. Requests are signed exactly like the event push; the
offset, length and dossier ride in the (signed) query.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
from sqlalchemy import func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from desk.services.context import DeskContext
from desk.services.dossier.attachments import sha256_of, stored_path
from desk.sync import transport as T
from desk.sync.shapes import AttachmentCounts
from storage.engine import read_session, write_session
from storage.tables.attachment_sync import AttachmentUpload
from storage.tables.common import utcnow
from storage.tables.sync import OutboxEvent

CHUNK = 32 * 1024
BUDGET_SECONDS = 300.0  # per sync cycle; pulls must not wait behind hours of scans
MAX_ROUNDS = 5  # upload → new events pushed → upload again, within one cycle
MAX_DIGEST_FAILURES = 3
WORK_STATES = ("pending", "missing")  # a missing file is looked for again at every cycle


# -- local bookkeeping ------------------------------------------------------------------------
def _attachment_events(s: Session, states: tuple[str, ...]) -> list[tuple[str, str, int]]:
    """(dossier code, sha256, size) of this desk's attachment events in `states`."""
    out = []
    for code, wire in s.exec(select(OutboxEvent.entity_id, OutboxEvent.payload).where(
            col(OutboxEvent.type) == "attachment_added",
            col(OutboxEvent.state).in_(states))):
        p = (wire or {}).get("p") or {}
        sha = p.get("sha256")
        if isinstance(sha, str) and sha:
            out.append((code, sha, int(p.get("size") or 0)))
    return out


def undiscovered(s: Session) -> list[tuple[str, str, int]]:
    """Scans whose event the district has acknowledged and that are not tracked yet."""
    known = set(s.exec(select(AttachmentUpload.dossier_code, AttachmentUpload.sha256)).all())
    out = []
    for code, sha, size in _attachment_events(s, ("acked",)):
        if (code, sha) not in known:
            known.add((code, sha))
            out.append((code, sha, size))
    return out


def discover(ctx: DeskContext) -> int:
    """Track every scan whose event is acknowledged (never before); the write lock is taken
    only when there is something new, so the counter is not held up every cycle."""
    with read_session(ctx.engine) as s:
        if not undiscovered(s):
            return 0
    with write_session(ctx.engine) as s:
        new = undiscovered(s)
        for code, sha, size in new:
            s.add(AttachmentUpload(dossier_code=code, sha256=sha, size=size))
        return len(new)


def attachment_counts(s: Session) -> AttachmentCounts:
    """The keys `desk sync status` adds: scans still to send (and their bytes), sent, missing
    here, refused (corrupt or failed). Scans whose event is not acknowledged yet count as
    pending too."""
    rows = list(s.exec(select(AttachmentUpload)))
    tracked = {(r.dossier_code, r.sha256) for r in rows}
    pending = [max(0, r.size - r.offset) for r in rows if r.state == "pending"]
    pending += [size for code, sha, size in _attachment_events(s, ("pending", "sent", "acked"))
                if (code, sha) not in tracked]
    by_state: dict[str, int] = {}
    for r in rows:
        by_state[r.state] = by_state.get(r.state, 0) + 1
    return {"attachments_pending": len(pending),
            "attachments_bytes_pending": sum(pending),
            "attachments_done": by_state.get("done", 0),
            "attachments_missing": by_state.get("missing", 0),
            "attachments_failed": by_state.get("failed", 0) + by_state.get("corrupt", 0)}


def _outbox_busy(ctx: DeskContext) -> bool:
    with read_session(ctx.engine) as s:
        return s.exec(select(func.count()).select_from(OutboxEvent).where(
            col(OutboxEvent.state).in_(("pending", "sent")))).one() > 0


def _save(ctx: DeskContext, code: str, sha: str, **values: Any) -> None:
    with write_session(ctx.engine) as s:
        row = s.get(AttachmentUpload, (code, sha))
        if row is None:
            return
        sent = values.pop("sent", 0)
        for k, v in values.items():
            setattr(row, k, v)
        row.bytes_sent += sent
        row.updated_at = utcnow()
        if row.state == "done" and row.done_at is None:
            row.done_at = row.updated_at
        s.add(row)


# -- the wire -----------------------------------------------------------------------------------
def _request(net: T.Transport, method: str, path: str, body: bytes = b"",
             params: dict[str, Any] | None = None) -> tuple[httpx.Response, dict[str, Any]]:
    """One signed request through the transport (the event push's scheme and deadline); the
    reply is returned unjudged, a clock-skew refusal signed once more with the corrected offset."""
    for attempt in (0, 1):
        r, data = net.send(method, path, body, params,
                           content_type="application/offset+octet-stream", gzipped=False)
        if r.status_code == 401 and data.get("error") == "clock_skew" and attempt == 0:
            continue
        return r, data
    raise AssertionError("unreachable")


def _status(net: T.Transport, sha: str) -> dict[str, Any]:
    r, data = _request(net, "GET", net.office_path(f"attachments/{sha}"))
    return net._check(r, data)


# -- the upload loop ------------------------------------------------------------------------
class _Stop(Exception):
    def __init__(self, why: str) -> None:
        self.why = why


def _count(report: Any, key: str, n: int = 1) -> None:
    report.attachments[key] = report.attachments.get(key, 0) + n


def _upload_one(client: Any, row: Any, deadline: float, report: Any) -> None:
    """Send one scan from the district's offset; raises _Stop to end the whole phase."""
    ctx, net, code, sha = client.ctx, client.net, row.dossier_code, row.sha256
    path = stored_path(ctx, code, sha)
    if path is None:
        if row.state != "missing":
            _save(ctx, code, sha, state="missing", last_error="missing")
        _count(report, "missing")
        return
    st = _status(net, sha)
    if st.get("complete"):
        _save(ctx, code, sha, state="done", offset=row.size, last_error="")
        _count(report, "uploaded")
        return
    offset, mismatches, verified = int(st.get("offset") or 0), 0, False
    with path.open("rb") as f:
        while True:
            if offset == 0 and not verified:  # a fresh start: is the file still what it was?
                if sha256_of(path) != sha:
                    _save(ctx, code, sha, state="corrupt", last_error="digest_mismatch_local")
                    _count(report, "failed")
                    return
                verified = True
            if _outbox_busy(ctx):
                raise _Stop("events")
            if time.monotonic() > deadline:
                raise _Stop("budget")
            f.seek(offset)
            chunk = f.read(CHUNK)
            r, data = _request(net, "PATCH", net.office_path(f"attachments/{sha}"), chunk,
                               {"offset": offset, "length": row.size, "dossier": code})
            _count(report, "chunks")
            _count(report, "bytes", len(chunk))
            err = str(data.get("error", ""))
            if r.status_code == 200:
                offset = int(data["offset"])
                done = bool(data.get("complete"))
                _save(ctx, code, sha, offset=offset, sent=len(chunk), last_error="",
                      state="done" if done else "pending")
                if done:
                    _count(report, "uploaded")
                    return
                if not chunk:  # the district wants more, the file has no more
                    _save(ctx, code, sha, state="corrupt", last_error="short_file")
                    _count(report, "failed")
                    return
            elif r.status_code == 409 and err == "offset_mismatch":
                mismatches += 1
                if mismatches > 3:
                    raise T.Offline("no_progress")
                offset = int(data.get("offset") or 0)  # the district's offset wins
                _save(ctx, code, sha, offset=offset, sent=len(chunk))
            elif r.status_code == 422 and err == "digest_mismatch":
                attempts = row.attempts + 1  # the district discarded it; from zero next time
                _save(ctx, code, sha, offset=0, sent=len(chunk), attempts=attempts,
                      last_error=err,
                      state="failed" if attempts >= MAX_DIGEST_FAILURES else "pending")
                _count(report, "failed")
                return
            elif err == "no_event":  # the district has not stored the event yet: later
                _save(ctx, code, sha, sent=len(chunk), last_error=err)
                _count(report, "skipped")
                return
            elif err in ("length_mismatch", "too_large", "chunk_too_large"):  # never will
                _save(ctx, code, sha, sent=len(chunk), last_error=err, state="failed")
                _count(report, "failed")
                return
            else:
                net._check(r, data)  # raises the usual SyncError
                raise T.ProtocolError(f"http:{r.status_code}:{err}")


def upload_pending(client: Any, report: Any, budget: float = BUDGET_SECONDS) -> str:
    """One pass over the scans to send; why it stopped: "done", "events" (new events wait in
    the outbox: push them first), "budget" or "offline:<detail>"."""
    if _outbox_busy(client.ctx):
        return "events"
    discover(client.ctx)
    with read_session(client.ctx.engine) as s:
        rows = list(s.exec(select(AttachmentUpload).where(
            col(AttachmentUpload.state).in_(WORK_STATES)
        ).order_by(col(AttachmentUpload.created_at), col(AttachmentUpload.sha256))))
    deadline = time.monotonic() + budget
    for row in rows:
        try:
            _upload_one(client, row, deadline, report)
        except _Stop as e:
            return e.why
        except T.SyncError as e:
            return f"{e.code}:{e.detail}"
        except OSError as e:  # unreadable here (permissions, removed meanwhile): next one
            _save(client.ctx, row.dossier_code, row.sha256, state="missing",
                  last_error=f"unreadable:{e.strerror or type(e).__name__}")
            _count(report, "missing")
    return "done"


def run_uploads(client: Any, report: Any) -> str:
    """The attachment phase of a sync cycle, after push and pull. Never raises for the link:
    the events are already safe, a cut only leaves the rest of a scan for the next cycle."""
    why = "done"
    try:
        for _ in range(MAX_ROUNDS):
            why = upload_pending(client, report)
            if why != "events":
                break
            client.push(report)  # new events first, then back to the scans
    except T.SyncError as e:
        why = f"{e.code}:{e.detail}"
    except OperationalError:  # the office database is locked or full: next cycle
        why = "local_store"
    report.attachments["stopped"] = why
    return why

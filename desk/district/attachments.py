"""Scans uploaded resumably by the offices, after the events that name them (issue 7).

    GET|HEAD /v1/offices/{id}/attachments/{sha256}           → {offset, size, complete}
    PATCH    /v1/offices/{id}/attachments/{sha256}?offset=&length=&dossier=   raw chunk

In the spirit of tus 1.0 and the IETF resumable-upload draft: the server owns the offset, a
client that lost its link asks for it and goes on from there; a chunk at another offset is
refused (409 with the right one). The offset, length and dossier travel in the query so the
request signature (method, path and query, body digest) covers them; authentication is the
event push's (key id + HMAC, checked from the headers before the body is read), and an office
only ever sees its own namespace: files are never shared between offices, so another office
cannot even learn that a hash exists here.

A file is accepted only once its `attachment_added` event is stored (events first) and its
length is the event's; when the last byte arrives the whole file is hashed, and only a file
matching its name is marked complete — otherwise the upload is discarded and counted.

Bytes go to `<files_dir>/<office>/<sha256>.part`, written and fsynced before the row's offset is
committed; a write whose commit was lost is cut off by the next chunk (truncate to the offset).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from platformdirs import user_data_path
from sqlalchemy import URL, Engine, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool

from desk import environment
from desk.district.db import is_postgres, normalize_url, read, write
from desk.district.http import check_auth, envelope, finish_auth, signed_body
from desk.district.offices import Signed
from desk.district.tables import AttachmentFile, Event, utcnow

ENV_FILES = environment.DISTRICT_FILES
MAX_CHUNK = 256 * 1024  # the desk sends 32 KB; more is refused before reading the body
MAX_FILE = 64 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")
_SAFE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")
PATH = "/v1/offices/{office_id}/attachments/{sha256}"


def default_files_dir(db_url: str | URL, configured: str | Path | None = None,
                      data_dir: Path | None = None) -> Path:
    """`--files`, else [district] files_dir, else DESK_DISTRICT_FILES, else beside the SQLite
    file (`<name>-files/`), else `<data dir>/district-files`."""
    if configured:
        return Path(configured).expanduser().resolve()
    env = environment.path(ENV_FILES)
    if env is not None:
        return env.expanduser().resolve()
    url = make_url(normalize_url(db_url) if isinstance(db_url, str) else db_url)
    db = url.database if url.get_backend_name() == "sqlite" else None
    if db and db != ":memory:":
        p = Path(db).resolve()
        return p.with_name(f"{p.stem}-files")
    if data_dir is None:
        data_dir = user_data_path("desk", appauthor=False)
    return data_dir / "district-files"


def _folder(files_dir: Path, office_id: str) -> Path:
    name = office_id if _SAFE.match(office_id) and ".." not in office_id else \
        hashlib.sha256(office_id.encode()).hexdigest()[:32]
    return files_dir / name


def stored_file(files_dir: Path, office_id: str, sha256: str) -> Path:
    """Where a completed upload is kept."""
    return _folder(files_dir, office_id) / sha256


def _sha_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _view(row: AttachmentFile | None) -> dict[str, Any]:
    if row is None:
        return {"offset": 0, "size": None, "complete": False}
    return {"offset": int(row.received), "size": int(row.size),
            "complete": row.completed_at is not None, "failures": row.failures}


def _locked(s: Session, engine: Engine, office_id: str, sha256: str) -> AttachmentFile | None:
    q = select(AttachmentFile).where(AttachmentFile.office_id == office_id,
                                     AttachmentFile.sha256 == sha256)
    if is_postgres(engine):
        q = q.with_for_update()  # chunks of one file are appended one at a time
    return s.exec(q).first()


def _create(s: Session, engine: Engine, row: dict[str, Any]) -> AttachmentFile | None:
    """Insert unless a concurrent first chunk did (it then waits for that one and sees it)."""
    insert = postgresql.insert if is_postgres(engine) else sqlite.insert
    s.execute(insert(AttachmentFile).values(**row).on_conflict_do_nothing(
        index_elements=["office_id", "sha256"]))
    return _locked(s, engine, row["office_id"], row["sha256"])


def _declared_size(s: Session, office_id: str, dossier: str, sha256: str) -> int | None:
    """The size the office's `attachment_added` event gives for this hash (-1: no size given),
    or None when no such event is stored yet."""
    for (payload,) in s.execute(select(Event.payload).where(
            Event.office_id == office_id, Event.entity_id == dossier,
            Event.type == "attachment_added")):
        p = (payload or {}).get("p") or {}
        if p.get("sha256") == sha256:
            size = p.get("size")
            return int(size) if isinstance(size, int) else -1
    return None


def status(engine: Engine, office_id: str, sha256: str) -> dict[str, Any]:
    with read(engine) as s:
        return _view(s.get(AttachmentFile, (office_id, sha256)))


def append(engine: Engine, files_dir: Path, office_id: str, sha256: str, dossier: str,
           offset: int, length: int, chunk: bytes) -> tuple[int, dict[str, Any]]:
    """Write one chunk at `offset`; (HTTP status, reply)."""
    folder = _folder(files_dir, office_id)
    part, final = folder / f"{sha256}.part", folder / sha256
    with write(engine) as s:
        row = _locked(s, engine, office_id, sha256)
        if row is None:
            declared = _declared_size(s, office_id, dossier, sha256)
            if declared is None:
                return 409, {"error": "no_event"}  # events first; the desk retries later
            if declared >= 0 and declared != length:
                return 409, {"error": "length_mismatch", "size": declared}
            if offset != 0:
                return 409, {"error": "offset_mismatch", **_view(None)}
            row = _create(s, engine, {"office_id": office_id, "sha256": sha256,
                                      "dossier": dossier, "size": length, "received": 0,
                                      "failures": 0, "last_error": ""})
            assert row is not None
        if row.completed_at is not None:
            return 200, _view(row)  # a retry after a lost reply, or the same scan again
        if length != row.size:
            return 409, {"error": "length_mismatch", "size": int(row.size)}
        if not part.exists() and row.received == row.size and final.exists() \
                and _sha_of(final) == sha256:  # renamed, then the commit was lost
            row.completed_at, row.updated_at = utcnow(), utcnow()
            s.add(row)
            return 200, _view(row)
        have = part.stat().st_size if part.exists() else 0
        if have < row.received:  # the bytes on disk were lost: start again from zero
            row.received, row.last_error, row.updated_at = 0, "lost_on_disk", utcnow()
            s.add(row)
        if offset != row.received:
            return 409, {"error": "offset_mismatch", **_view(row)}
        if offset + len(chunk) > row.size:
            return 400, {"error": "too_long", **_view(row)}
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o600)
        with os.fdopen(fd, "r+b") as f:
            f.truncate(offset)  # anything past the committed offset is from a lost commit
            f.seek(offset)
            f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        row.received = offset + len(chunk)
        row.updated_at = utcnow()
        code = 200
        if row.received == row.size:
            if _sha_of(part) == sha256:
                os.replace(part, final)
                row.completed_at, row.last_error = utcnow(), ""
            else:  # never keep a file under a name it does not hash to
                part.unlink(missing_ok=True)
                row.received, row.failures, row.last_error = 0, row.failures + 1, \
                    "digest_mismatch"
                code = 422
        s.add(row)
        out = _view(row)
    return code, ({"error": "digest_mismatch", **out} if code == 422 else out)


def _int(v: str | None) -> int | None:
    return int(v) if v is not None and v.isdigit() and len(v) <= 18 else None


def register(app: FastAPI, engine: Engine, files_dir: Path) -> None:
    def reply(code: int, data: dict[str, Any]) -> JSONResponse:
        r = envelope(code, **data)
        if "offset" in data:
            r.headers["Upload-Offset"] = str(data["offset"])
        if data.get("size") is not None:
            r.headers["Upload-Length"] = str(data["size"])
        r.headers["Cache-Control"] = "no-store"
        return r

    def do_status(office_id: str, sha256: str, request: Request) -> JSONResponse:
        denied = check_auth(engine, office_id, request, b"")
        if denied is not None:
            return denied
        if not _SHA.match(sha256):
            return envelope(400, error="bad_sha256")
        return reply(200, status(engine, office_id, sha256))

    def do_patch(office_id: str, sha256: str, request: Request, signed: Signed,
                 body: bytes) -> JSONResponse:
        denied = finish_auth(engine, signed, body)
        if denied is not None:
            return denied
        q = request.query_params
        offset, length = _int(q.get("offset")), _int(q.get("length"))
        dossier = q.get("dossier", "")
        if not _SHA.match(sha256) or offset is None or length is None \
                or not 0 < len(dossier) <= 100:
            return envelope(400, error="bad_request")
        if length > MAX_FILE:
            return envelope(413, error="too_large", max_bytes=MAX_FILE)
        return reply(*append(engine, files_dir, office_id, sha256, dossier, offset, length,
                             body))

    @app.get(PATH)
    async def attachment_status(office_id: str, sha256: str, request: Request) -> JSONResponse:
        return await run_in_threadpool(do_status, office_id, sha256, request)

    # tus-style HEAD (offset in headers, no body): kept out of the schema, which promises the
    # JSON envelope for every answer; the desk itself asks with GET.
    @app.head(PATH, include_in_schema=False)
    async def attachment_head(office_id: str, sha256: str, request: Request) -> JSONResponse:
        return await run_in_threadpool(do_status, office_id, sha256, request)

    @app.patch(PATH)
    async def attachment_patch(office_id: str, sha256: str, request: Request) -> JSONResponse:
        got = await signed_body(engine, office_id, request, MAX_CHUNK,
                                {"error": "chunk_too_large", "max_bytes": MAX_CHUNK})
        if isinstance(got, JSONResponse):
            return got
        return await run_in_threadpool(do_patch, office_id, sha256, request, *got)

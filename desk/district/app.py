"""The district HTTP API (FastAPI on uvicorn).

    POST /v1/offices/{id}/events:batch   gzip JSON {batch_id, app_v, schema_v, events}
    GET  /v1/offices/{id}/changes?cursor=&limit=500[&catalog=N[&catalog_snapshot=1]]
    GET  /v1/offices/{id}/events?device=&after=&cursor=   own events, after a restore (own.py)
    GET  /v1/offices/{id}/routed   dossiers other communes received for this one (routing.py)
    GET|HEAD|PATCH /v1/offices/{id}/attachments/{sha256}   resumable scans (attachments.py)

Every reply, errors included, is a JSON envelope {"api": "desk-district/1", …, "server_time"}:
the desk treats anything else (a captive portal's 200 HTML page) as "offline".
"""

from __future__ import annotations

import logging
import os
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from desk import environment
from desk.district import anchor, attachments
from desk.district.changes import changes_since
from desk.district.db import open_district, write
from desk.district.http import check_auth, envelope, finish_auth, signed_body
from desk.district.ingest import ingest
from desk.district.offices import Signed
from desk.district.own import own_events
from desk.district.routing import routed
from desk.district.seen import flush_contacts
from desk.district.tables import Quarantine
from desk.district.wellformed import MAX_TEXT, Malformed, read_batch, storable_text
from desk.sync import protocol as P

log = logging.getLogger("desk.district")
# Admission control (issue 19): pushes in progress per worker process; beyond it a 503 with
# Retry-After (the desk honours it) instead of a queue that grows into client timeouts.
MAX_PUSHES = environment.district_max_pushes()
# Retry-After of a busy answer, in seconds, drawn at random: offices refused together do not
# all come back in the same second (500 offices retrying every 2 s were a wave of their own).
RETRY_AFTER = (1, 5)
# A push this small (compressed; a steady cycle's few events) is not counted against the cap: it
# costs a few milliseconds, and refusing it made a steady office wait seconds behind a backlog.
SMALL_PUSH = 2048
URL_ENV, FILES_ENV = environment.DISTRICT_URL, environment.DISTRICT_FILES


def push(engine: Engine, office_id: str, request: Request, signed: Signed,
         body: bytes) -> JSONResponse:
    denied = finish_auth(engine, signed, body)
    if denied is not None:
        return denied
    try:
        batch = read_batch(body, request.headers.get("content-encoding") == "gzip")
    except Malformed as e:  # a 400 that names the problem, never a 500 (issue 15)
        _quarantine(engine, Quarantine(office_id=office_id, reason=f"malformed:{e.problem}",
                                       body=body))
        return envelope(400, error="malformed", problem=e.problem)
    events, schema_v = batch["events"], batch.get("schema_v", 0)
    if len(events) > P.MAX_EVENTS:
        return envelope(413, error="too_many", max_events=P.MAX_EVENTS)
    if schema_v < P.MIN_SCHEMA_V or schema_v > P.SCHEMA_V:
        _quarantine(engine, Quarantine(office_id=office_id, reason=f"schema_v={schema_v}",
                                       body=body))
        return envelope(426, error="upgrade_required", min_schema_v=P.MIN_SCHEMA_V,
                        schema_v=P.SCHEMA_V)
    result = ingest(engine, office_id, batch)
    return envelope(200, batch_id=batch.get("batch_id"), **result)


def _quarantine(engine: Engine, row: Any) -> None:
    with write(engine) as s:
        s.add(row)


def pull(engine: Engine, office_id: str, request: Request, cursor: str,
         limit: int, catalog: int | None = None, catalog_snapshot: bool = False
         ) -> JSONResponse:
    denied = check_auth(engine, office_id, request, b"")
    if denied is not None:
        return denied
    try:
        page = changes_since(engine, office_id, cursor, max(1, min(limit, P.PULL_LIMIT)),
                             catalog, catalog_snapshot)
    except ValueError:
        return envelope(400, error="bad_cursor")
    return envelope(200, **page)


def own(engine: Engine, office_id: str, request: Request, device: str, after: int,
        cursor: str, limit: int) -> JSONResponse:
    denied = check_auth(engine, office_id, request, b"")
    if denied is not None:
        return denied
    if len(device) > MAX_TEXT or not storable_text(device):
        return envelope(400, error="bad_device")  # a NUL here was a PostgreSQL DataError
    try:
        page = own_events(engine, office_id, device, after, cursor,
                          max(1, min(limit, P.PULL_LIMIT)))
    except ValueError:
        return envelope(400, error="bad_cursor")
    return envelope(200, **page)


def routed_to(engine: Engine, office_id: str, request: Request) -> JSONResponse:
    """The dossiers received elsewhere for residents of this commune (issue 16 §3)."""
    denied = check_auth(engine, office_id, request, b"")
    if denied is not None:
        return denied
    return envelope(200, **routed(engine, office_id))


def busy() -> JSONResponse:
    reply = envelope(503, error="busy")
    reply.headers["Retry-After"] = str(random.randint(*RETRY_AFTER))
    return reply


def create_app(engine: Engine, files_dir: Path | None = None) -> FastAPI:
    pool = engine.pool
    threads = getattr(pool, "size", lambda: 0)() + max(0, getattr(pool, "_max_overflow", 0))

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if threads > 0:  # request threads = pooled connections: none waits 30 s for one
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        await run_in_threadpool(flush_contacts, engine)  # last contacts noted since the flush

    app = FastAPI(title="Một Cửa Desk — district", docs_url=None, redoc_url=None,
                  openapi_url=None, lifespan=lifespan)
    attachments.register(app, engine, files_dir or attachments.default_files_dir(engine.url))
    anchor.register(app, engine)  # the offices' audit-chain heads (issue 15)
    pushing = [0]  # pushes in progress in this process (the event loop is its only writer)

    @app.post("/v1/offices/{office_id}/events:batch")
    async def events_batch(office_id: str, request: Request) -> JSONResponse:
        declared = request.headers.get("content-length", "")
        small = declared.isdigit() and int(declared) <= SMALL_PUSH  # chunked: counted
        if pushing[0] >= MAX_PUSHES and not small:  # before authentication: refusals are free
            return busy()
        got = await signed_body(engine, office_id, request, P.MAX_BODY,
                                {"error": "too_large", "max_bytes": P.MAX_BODY})
        if isinstance(got, JSONResponse):
            return got
        if len(got[1]) <= SMALL_PUSH:
            return await run_in_threadpool(push, engine, office_id, request, *got)
        if pushing[0] >= MAX_PUSHES:  # others were admitted while this body arrived
            return busy()
        pushing[0] += 1
        try:
            return await run_in_threadpool(push, engine, office_id, request, *got)
        finally:
            pushing[0] -= 1

    @app.get("/v1/offices/{office_id}/changes")
    async def changes(office_id: str, request: Request, cursor: str = "",
                      limit: int = P.PULL_LIMIT, catalog: int | None = None,
                      catalog_snapshot: bool = False) -> JSONResponse:
        return await run_in_threadpool(pull, engine, office_id, request, cursor, limit,
                                       catalog, catalog_snapshot)

    @app.get("/v1/offices/{office_id}/events")
    async def own_events(office_id: str, request: Request, device: str, after: int = 0,
                         cursor: str = "", limit: int = P.PULL_LIMIT) -> JSONResponse:
        return await run_in_threadpool(own, engine, office_id, request, device, after, cursor,
                                       limit)

    @app.get("/v1/offices/{office_id}/routed")
    async def routed_here(office_id: str, request: Request) -> JSONResponse:
        return await run_in_threadpool(routed_to, engine, office_id, request)

    @app.get("/v1/health")
    async def health() -> JSONResponse:
        return envelope(200, ok=True)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return envelope(422, error="invalid_request")  # the API's own envelope, always

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return envelope(exc.status_code, error="not_found" if exc.status_code == 404
                        else "http_error")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("district request failed")
        return envelope(500, error="server_error")

    return app


def from_env() -> FastAPI:
    """The app of one uvicorn worker process (`workers > 1` starts it by name): the database
    URL and the scans folder come from DESK_DISTRICT_URL and DESK_DISTRICT_FILES."""
    return create_app(open_district(environment.get(URL_ENV), upgrade=False),
                      environment.path(FILES_ENV))


def serve(url: str, host: str = "127.0.0.1", port: int = 8765,
          files_dir: Path | None = None, tls_cert: str | None = None,
          tls_key: str | None = None, workers: int = 1) -> None:
    """Serve on uvicorn; with a certificate and key, over TLS itself (docs/deploy.md).
    `workers` > 1: that many processes on one port, each with its own pool."""
    import uvicorn  # noqa: PLC0415 — uvicorn is only needed to serve, not to build the app

    engine = open_district(url)  # migrations once, before any worker starts
    opts: dict[str, Any] = dict(host=host, port=port, log_level="warning",
                                timeout_keep_alive=75, ssl_certfile=tls_cert,
                                ssl_keyfile=tls_key)
    if workers <= 1:
        uvicorn.run(create_app(engine, files_dir), **opts)
        return
    engine.dispose()
    os.environ[URL_ENV] = url
    if files_dir is not None:
        os.environ[FILES_ENV] = str(files_dir)
    uvicorn.run("desk.district.app:from_env", factory=True, workers=workers, **opts)

"""The district API's answers: the JSON envelope every reply has, and the signature check a
handler runs before it reads anything (shared by desk/district/app.py and attachments.py).

A request with a body is authenticated from its headers first (key id, signature over the
declared digest), and only then is its body read — at most `limit` bytes (issue 15)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from desk.district.body import BodyCut, BodyTooLarge, read_limited
from desk.district.offices import AuthError, Signed, authenticate, check_headers, finish
from desk.district.tables import utcnow
from desk.sync import protocol as P


def envelope(status: int, **data: Any) -> JSONResponse:
    server_time = int(utcnow().timestamp() * 1000)  # the district's clock (tables.set_clock)
    return JSONResponse({"api": P.API, "server_time": server_time, **data}, status_code=status)


def _target(request: Request) -> str:
    q = request.url.query
    return request.url.path + (f"?{q}" if q else "")


def check_auth(engine: Engine, office_id: str, request: Request,
               body: bytes) -> JSONResponse | None:
    """None when the request is signed by the office's key, else the refusal to send."""
    try:
        authenticate(engine, office_id, request.method, _target(request),
                     {k.lower(): v for k, v in request.headers.items()}, body)
    except AuthError as e:
        return envelope(e.status, error=e.code)
    except IntegrityError:  # the same nonce raced in twice
        return envelope(409, error="replay")
    return None


def _headers(request: Request) -> dict[str, str]:
    return {k.lower(): v for k, v in request.headers.items()}


def _check_headers(engine: Engine, office_id: str, request: Request) -> Signed | JSONResponse:
    try:
        return check_headers(engine, office_id, request.method, _target(request),
                             _headers(request))
    except AuthError as e:
        return envelope(e.status, error=e.code)


def finish_auth(engine: Engine, signed: Signed, body: bytes) -> JSONResponse | None:
    """None when the body is the one signed for and the nonce is fresh, else the refusal."""
    try:
        finish(engine, signed, body)
    except AuthError as e:
        return envelope(e.status, error=e.code)
    except IntegrityError:  # the same nonce raced in twice
        return envelope(409, error="replay")
    return None


async def signed_body(engine: Engine, office_id: str, request: Request, limit: int,
                      too_large: dict[str, Any]) -> tuple[Signed, bytes] | JSONResponse:
    """Authenticate from the headers, then read at most `limit` bytes of body: a stranger's
    or an oversized body is never buffered (a 1 GiB body once took the server to 2.1 GB)."""
    signed = await run_in_threadpool(_check_headers, engine, office_id, request)
    if isinstance(signed, JSONResponse):
        return signed
    try:
        body = await read_limited(request, limit)
    except BodyTooLarge:
        return envelope(413, **too_large)
    except BodyCut:
        return envelope(400, error="body_cut")
    return signed, body

"""The district API's answers: the JSON envelope every reply has, and the signature check a
handler runs before it reads anything (shared by desk/district/app.py and attachments.py)."""

from __future__ import annotations

import time
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from desk.district.offices import AuthError, authenticate
from desk.sync import protocol as P


def envelope(status: int, **data: Any) -> JSONResponse:
    return JSONResponse({"api": P.API, "server_time": int(time.time() * 1000), **data},
                        status_code=status)


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

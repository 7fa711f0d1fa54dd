"""A request body read only after authentication, and never past a limit (issue 15).

`await request.body()` buffers whatever a client sends: a 1 GiB chunked body took the server to
2.1 GB before it answered 401. Here a declared `Content-Length` over the limit is refused before
a byte is read, and a chunked body is counted as it streams and abandoned at the limit; uvicorn
stops reading the socket while nobody consumes it, so memory stays flat whatever is sent.
"""

from __future__ import annotations

from starlette.requests import ClientDisconnect, Request


class BodyTooLarge(Exception):
    """More than the limit was declared or sent."""


class BodyCut(Exception):
    """The client went away before its body ended."""


def declared_too_large(request: Request, limit: int) -> bool:
    """A Content-Length over `limit` (or not a number): refused before reading."""
    value = request.headers.get("content-length")
    if value is None:
        return False
    value = value.strip()
    return not value.isdigit() or len(value) > 18 or int(value) > limit


async def read_limited(request: Request, limit: int) -> bytes:
    """The whole body, or BodyTooLarge as soon as it passes `limit` bytes."""
    if declared_too_large(request, limit):
        raise BodyTooLarge
    buf = bytearray()
    try:
        async for chunk in request.stream():
            buf += chunk
            if len(buf) > limit:
                raise BodyTooLarge
    except ClientDisconnect:
        raise BodyCut from None
    return bytes(buf)

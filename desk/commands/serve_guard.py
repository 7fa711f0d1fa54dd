"""textual-serve with the guards a LAN needs (issue 15 §3).

textual-serve has no authentication: any device on the Wi-Fi, or any web page a clerk opens
(its script can open a WebSocket to the LAN), could start and drive desk sessions, and each
WebSocket starts a desk process (~60 MB). Here:

- a WebSocket (or page) whose `Origin` is not this server's own is refused (403) — for every
  app, the waiting-room display and the kiosk included;
- the counters' app needs an access secret, printed at start as a link (`/?token=…`, as
  notebook servers do); opening it sets an HttpOnly, SameSite=Strict cookie and drops the token
  from the address bar;
- at most `max_sessions` desk processes run at once (503 past that; [security]
  serve_max_sessions, default 4).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler
from textual_serve.server import Server

COOKIE = "desk_access"


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, lower-cased, default ports dropped."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    default = {"http": 80, "https": 443, "ws": 80, "wss": 443}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


class GuardedServer(Server):
    """A textual-serve Server that checks Origin, an access token and a session cap."""

    def __init__(self, command: str, *, token: str | None, max_sessions: int,
                 **kw: Any) -> None:
        super().__init__(command, **kw)
        self.token = token
        self.max_sessions = max_sessions
        self.active = 0

    def access_url(self) -> str:
        return f"{self.public_url}/?token={self.token}" if self.token else self.public_url

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    def _origin_ok(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin")
        if origin is None:  # not a browser (a script with the token), or a same-origin GET
            return True
        own = {origin_of(self.public_url),
               origin_of(f"{'https' if request.secure else 'http'}://{request.host}")}
        return origin_of(origin) in own

    def _has_token(self, request: web.Request) -> bool:
        if not self.token:
            return True
        given = request.cookies.get(COOKIE, "")
        return bool(given) and hmac.compare_digest(given, self.token)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith("/static/"):
            return await handler(request)  # the page's scripts and fonts: nothing personal
        if not self._origin_ok(request):
            return web.Response(status=403, text="Forbidden: foreign origin\n")
        if self.token and request.path == "/" and "token" in request.query:
            if not hmac.compare_digest(request.query["token"], self.token):
                return web.Response(status=403, text="Forbidden: wrong access link\n")
            response = web.HTTPFound("/")
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict",
                                secure=self.public_url.startswith("https"), path="/")
            return response
        if not self._has_token(request):
            return web.Response(status=403, text="Forbidden: open the access link that "
                                "`desk serve` printed\n")
        return await handler(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.active >= self.max_sessions:
            return web.Response(status=503, text="Too many sessions\n")  # type: ignore[return-value]
        self.active += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.active -= 1


def new_token() -> str:
    return secrets.token_urlsafe(24)

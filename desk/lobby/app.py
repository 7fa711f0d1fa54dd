"""The waiting-room web server: the TV page, the phone page, their live streams, the assets.

Live updates are server-sent events (EventSource reconnects by itself, and tells the server
the last event it saw): the TV stream sends `call` events (id = the event's sequence number)
and `state` events; on reconnecting with `?after=N` (or Last-Event-ID) it first gets every
call it missed. A `tick` every few seconds carries the desk's clock and lets the page notice
a silent network drop.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from desk.i18n import t
from desk.lobby import booking, fonts, views
from desk.lobby.feed import LAST_SQL, Call, LobbyState
from desk.lobby.hub import Hub
from desk.services.context import DeskContext

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
HEARTBEAT = 2.0
_KEY = re.compile(r"\{\{([a-z0-9_.]+)\}\}")
NO_CACHE = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


def sse(event: str, data: Any, event_id: int | None = None) -> str:
    head = f"event: {event}\n" + (f"id: {event_id}\n" if event_id is not None else "")
    return head + "data: " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n\n"


def render(name: str, **values: str) -> str:
    """A page from templates/: {{key}} is a message key (escaped) or a given value."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    def fill(m: re.Match[str]) -> str:
        key = m.group(1)
        return html.escape(values[key] if key in values else t(key))

    return _KEY.sub(fill, text)


def create_app(ctx: DeskContext, *, poll: float = 0.1, heartbeat: float = HEARTBEAT,
               notices: list[str] | None = None) -> Starlette:
    hub = Hub(ctx, poll=poll)
    settings = ctx.settings
    ticker = notices if notices is not None else [t("lobby.notice.default")]

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await hub.start()
        yield
        await hub.stop()

    def state_json() -> dict[str, Any]:
        st = hub.state
        if st is None:
            return {"office": settings.office.name, "now": ctx.now().isoformat(),
                    "last_seq": 0, "current": None, "recent": [], "services": [],
                    "notices": ticker, "paused": [], "stale": True}
        return {**views.display_json(settings, st, ticker), "stale": hub.stale}

    def call_event(st: LobbyState, c: Call) -> str:
        return sse("call", {**views.call_json(settings, c),
                            "fresh": views.is_fresh(st, c)}, c.seq)

    async def display_page(_request: Request) -> Response:
        # the page fills {m} itself for each service (display.js)
        minutes = {"lobby.minutes_short": t("lobby.minutes_short", m="{m}")}
        return HTMLResponse(render("display.html", lang=settings.office.language,
                                   office=settings.office.name, tz=settings.office.timezone,
                                   **minutes))

    async def display_state(_request: Request) -> Response:
        return JSONResponse(state_json())

    async def display_events(request: Request) -> Response:
        after = _after(request)
        if after is None:  # a fresh page: no backlog to speak, even if the hub is behind
            after = await asyncio.to_thread(_last_seq, settings.database_path)

        async def stream() -> AsyncIterator[str]:
            yield "retry: 1000\n\n"
            sent = after if after is not None else -1
            version = hub.version
            while True:
                st = hub.state
                if st is not None:
                    if sent < 0:  # a fresh page and an unreadable database: the hub's view
                        sent = st.last_seq
                    for c in st.calls:
                        if c.seq > sent:
                            yield call_event(st, c)
                    sent = max(sent, st.last_seq)
                # last_seq: what this page was sent (the hub may have read more meanwhile)
                yield sse("state", {**state_json(), "last_seq": max(sent, 0)},
                          sent if sent >= 0 else None)
                while True:
                    new = await hub.wait(version, heartbeat)
                    if new != version:
                        version = new
                        break
                    yield sse("tick", {"now": ctx.now().isoformat(), "stale": hub.stale})

        return StreamingResponse(stream(), media_type="text/event-stream", headers=NO_CACHE)

    async def phone_page(request: Request) -> Response:
        key = request.path_params["ticket"]
        return HTMLResponse(render("phone.html", lang=settings.office.language,
                                   office=settings.office.name, ticket=key,
                                   tz=settings.office.timezone))

    async def phone_state(request: Request) -> Response:
        return JSONResponse(_status(request.path_params["ticket"]))

    def _status(key: str) -> dict[str, Any]:
        st = hub.state
        if st is None:
            return {"found": False, "message": t("lobby.offline"), "now": ctx.now().isoformat()}
        return views.status_json(settings, st, key)

    async def phone_events(request: Request) -> Response:
        key = request.path_params["ticket"]

        async def stream() -> AsyncIterator[str]:
            yield "retry: 1000\n\n"
            version = hub.version
            last = None
            while True:
                data = _status(key)
                if data != last:
                    yield sse("status", data)
                    last = data
                new = await hub.wait(version, heartbeat)
                if new == version:
                    yield sse("tick", {"now": ctx.now().isoformat()})
                version = new

        return StreamingResponse(stream(), media_type="text/event-stream", headers=NO_CACHE)

    async def font(request: Request) -> Response:
        path = fonts.font_file(request.path_params["name"])
        if path is None:
            return Response(status_code=404)
        return FileResponse(path, media_type="font/ttf",
                            headers={"Cache-Control": "public, max-age=86400"})

    routes = [
        Route("/", display_page),
        Route("/state", display_state),
        Route("/events", display_events),
        Route("/t/{ticket:str}", phone_page),
        Route("/t/{ticket:str}/state", phone_state),
        Route("/t/{ticket:str}/events", phone_events),
        Route("/fonts/{name:str}", font),
        *booking.routes(ctx),  # the citizen books an appointment from the phone
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.hub = hub
    return app


def _after(request: Request) -> int | None:
    """The last event a reconnecting page saw (?after=N, or the Last-Event-ID header);
    None for a page that has seen nothing yet."""
    best = None
    for raw in (request.query_params.get("after"), request.headers.get("last-event-id")):
        try:
            value = int(raw) if raw is not None else None
        except ValueError:
            continue
        if value is not None and (best is None or value > best):
            best = value
    return best


def _last_seq(path: Path) -> int | None:
    """The newest event in the database now, read apart from the hub (whose read may be
    late on a loaded machine); None when it cannot be read at once."""
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=0.25)) as conn:
            row = conn.execute(LAST_SQL).fetchone()
    except sqlite3.Error:
        return None
    return int(row[0] or 0)


async def serve(app: Starlette, host: str, port: int) -> None:
    import uvicorn  # noqa: PLC0415 — the server only where it runs (heavy, one path)

    config = uvicorn.Config(app, host=host, port=port, log_level="warning",
                            timeout_graceful_shutdown=1)
    await uvicorn.Server(config).serve()


def run(app: Starlette, host: str, port: int) -> None:
    asyncio.run(serve(app, host, port))

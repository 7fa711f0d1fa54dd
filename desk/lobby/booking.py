"""Booking an appointment from the citizen's phone: a plain HTML form (no script needed, so
it works on any phone's browser), posted back to the desk; the answer is the booking code or
the rule that refused it, with what was typed kept in the form."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from desk.domain import appointments as rules
from desk.domain.errors import DomainError
from desk.i18n import render_error, t
from desk.lobby.ratelimit import RateLimit, retry_after
from desk.services.context import DeskContext
from desk.services.queue import appointments as appt

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_BODY = 4096  # a booking form is a few short fields
# per client address (docs/security.md): a family books a few at once, then one every 10 min
BOOK_BURST = 5
BOOK_EVERY = 600.0
_env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def _page(ctx: DeskContext, status: int = 200, **values: Any) -> HTMLResponse:
    q = ctx.settings.queue
    html = _env.get_template("book.html").render(
        t=t, lang=ctx.settings.office.language, office=ctx.settings.office.name,
        services=appt.bookable_services(ctx), days=appt.bookable_days(ctx),
        n=q.appointment_days_ahead, per=q.appointments_per_id, **{"form": {}, **values})
    return HTMLResponse(html, status_code=status)


def _fields(body: bytes) -> dict[str, str]:
    return {k: v[0].strip() for k, v in parse_qs(body.decode("utf-8", "replace")).items()}


def _book(ctx: DeskContext, form: dict[str, str]) -> appt.AppointmentView:
    try:
        day = date.fromisoformat(form.get("date", ""))
        at = time.fromisoformat(form["time"]) if form.get("time") else None
    except ValueError:
        raise DomainError("appt.web.bad_form") from None
    if not form.get("service") or not form.get("id"):
        raise DomainError("appt.web.bad_form")
    return appt.book(ctx, form["service"], day, form["id"], at=at, channel="phone")


def routes(ctx: DeskContext, limit: RateLimit | None = None) -> list[Route]:
    limit = limit or RateLimit(BOOK_BURST, BOOK_EVERY)

    async def show(_request: Request) -> Response:
        return _page(ctx)

    async def submit(request: Request) -> Response:
        body = await request.body()
        form = _fields(body[:MAX_BODY])
        # the address the phone connects from: the desk serves the LAN itself, no proxy in
        # front, so X-Forwarded-For would only be what the client chose to say
        wait = limit.take(request.client.host if request.client else "")
        if wait > 0:
            response = _page(ctx, 429, form=form,
                             error=t("appt.web.too_many", m=max(1, round(wait / 60))))
            response.headers["Retry-After"] = retry_after(wait)
            return response
        try:
            v = await run_in_threadpool(_book, ctx, form)
        except DomainError as e:
            return _page(ctx, 422, form=form, error=render_error(e))
        q = ctx.settings.queue
        opens, closes = rules.checkin_window(v.day, time.fromisoformat(v.slot), ctx.tz,
                                             q.appointment_early_minutes,
                                             q.appointment_late_minutes)
        return _page(ctx, booked=v, opens=f"{opens:%H:%M}", closes=f"{closes:%H:%M}")

    return [Route("/book", show, methods=["GET"]), Route("/book", submit, methods=["POST"])]

"""Clerk login: name + PIN + the counter this terminal serves → the Actor every event records.

Three wrong PINs in a row lock the clerk for five minutes (clerk.failed_attempts and
clerk.locked_until); while locked the PIN is not even checked. A right PIN clears the count.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import select

from desk.domain.errors import DomainError
from desk.services.actor import Actor
from desk.services.clerks import check_pin, list_clerks
from desk.services.context import DeskContext
from storage.engine import write_session
from storage.tables import Clerk

MAX_ATTEMPTS = 3
LOCK_TIME = timedelta(minutes=5)
COUNTER_MAX = 99


def login_choices(ctx: DeskContext) -> list[dict[str, Any]]:
    """The active clerks a login screen offers: name, role, usual counter."""
    return [c for c in list_clerks(ctx) if c["active"]]


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))  # ceil, at least 1


def _locked_error(ctx: DeskContext, name: str, until: datetime, now: datetime) -> DomainError:
    return DomainError("auth.locked", name=name, minutes=_minutes_left(until, now),
                       until=until.astimezone(ctx.tz).strftime("%H:%M"), attempts=MAX_ATTEMPTS)


def parse_counter(text: str | int | None) -> int | None:
    """The counter number typed at login ('' → None); DomainError "auth.bad_counter"."""
    if text is None or isinstance(text, int):
        value = text
    else:
        raw = text.strip()
        if not raw:
            return None
        if not (raw.isascii() and raw.isdigit()):
            raise DomainError("auth.bad_counter", counter=raw, max=COUNTER_MAX)
        value = int(raw)
    if value is not None and not 1 <= value <= COUNTER_MAX:
        raise DomainError("auth.bad_counter", counter=value, max=COUNTER_MAX)
    return value


def login(ctx: DeskContext, name: str, pin: str, counter: int | str | None = None) -> Actor:
    """The Actor for clerk `name` when `pin` is right; counter defaults to the clerk's own.

    Raises DomainError "auth.unknown", "auth.locked" (also on the wrong PIN that locks),
    "auth.bad_pin" (with `left` attempts), "auth.bad_counter", "auth.no_counter"."""
    wanted = unicodedata.normalize("NFC", " ".join((name or "").split()))
    number = parse_counter(counter)
    now = ctx.now()
    with write_session(ctx.engine) as s:
        clerk = s.exec(select(Clerk).where(Clerk.name == wanted, Clerk.active)).first()
        if clerk is None:
            raise DomainError("auth.unknown", name=wanted)
        if clerk.locked_until is not None and clerk.locked_until > now:
            raise _locked_error(ctx, clerk.name, clerk.locked_until, now)
        if not check_pin(pin or "", clerk.pin_hash):
            clerk.failed_attempts = (clerk.failed_attempts or 0) + 1
            if clerk.failed_attempts >= MAX_ATTEMPTS:
                clerk.failed_attempts = 0
                clerk.locked_until = now + LOCK_TIME
                s.add(clerk)
                error = _locked_error(ctx, clerk.name, clerk.locked_until, now)
            else:
                s.add(clerk)
                error = DomainError("auth.bad_pin", left=MAX_ATTEMPTS - clerk.failed_attempts)
        else:
            error = None
            clerk.failed_attempts = 0
            clerk.locked_until = None
            s.add(clerk)
            actor = Actor(id=clerk.id, name=clerk.name, role=clerk.role,
                          counter=number if number is not None else clerk.counter_number)
    if error is not None:  # raised after the commit: the failed attempt is kept
        raise error
    if actor.counter is None and actor.role == "clerk":
        raise DomainError("auth.no_counter", name=actor.name)
    return actor

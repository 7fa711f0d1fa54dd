"""Clerk login: name + PIN + the counter this terminal serves → the Actor every event records.

Three wrong PINs in a row lock the clerk; each further round of three locks twice as long
(5, 10, 20 … minutes, a day at most: clerk.failed_attempts keeps counting across rounds and
clerk.locked_until holds the end), so guessing a PIN takes years, not a day. While locked the
PIN is not even checked. A right PIN, or an admin's `unlock`, clears the count. Every login,
wrong PIN, lockout and unlock is in the audit trail with the clerk and the counter (issue 15).
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import select

from desk.domain.errors import DomainError
from desk.domain.names import name_key
from desk.services.context import DeskContext
from desk.services.trust import audit
from desk.services.trust.actor import Actor
from desk.services.trust.clerks import check_pin, list_clerks
from desk.services.trust.roles import require
from desk.services.trust.shapes import ClerkOut
from storage.engine import write_session
from storage.tables import Clerk

MAX_ATTEMPTS = 3
LOCK_TIME = timedelta(minutes=5)
LOCK_MAX = timedelta(days=1)
COUNTER_MAX = 99


def login_choices(ctx: DeskContext) -> list[ClerkOut]:
    """The active clerks a login screen offers: name, role, usual counter."""
    return [c for c in list_clerks(ctx) if c["active"]]


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, -(-int((until - now).total_seconds()) // 60))  # ceil, at least 1


def lock_time(failed: int) -> timedelta:
    """How long the round of wrong PINs that brought the count to `failed` locks (doubling)."""
    rounds = max(1, failed // MAX_ATTEMPTS)
    return min(LOCK_TIME * (1 << min(rounds - 1, 20)), LOCK_MAX)


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


def login(ctx: DeskContext, name: str, pin: str, counter: int | str | None = None, *,
          need_counter: bool = True) -> Actor:
    """The Actor for clerk `name` when `pin` is right; counter defaults to the clerk's own.

    Raises DomainError "auth.unknown", "auth.locked" (also on the wrong PIN that locks),
    "auth.bad_pin" (with `left` attempts), "auth.bad_counter", "auth.no_counter" (unless
    `need_counter` is False: the command line signs a supervisor in, at no counter)."""
    wanted = name_key(name)
    number = parse_counter(counter)
    now = ctx.now()
    with write_session(ctx.engine) as s:
        clerk = s.exec(select(Clerk).where(Clerk.name == wanted, Clerk.active)).first()
        target: str | uuid.UUID  # the name tried, or the clerk's id
        if clerk is None:
            error: DomainError | None = DomainError("auth.unknown", name=wanted)
            who, reason, target = Actor(id=None, name=wanted[:100], role="unknown",
                                        counter=number), "unknown", wanted[:100]
        else:
            error, reason = _check(ctx, s, clerk, pin, now)
            who, target = Actor(id=clerk.id, name=clerk.name, role=clerk.role,
                                counter=number), clerk.id
            actor = Actor(id=clerk.id, name=clerk.name, role=clerk.role,
                          counter=number if number is not None else clerk.counter_number)
        detail: dict[str, Any] = {"counter": number}
        if error is not None:
            detail["reason"] = reason
            until = clerk.locked_until if clerk is not None else None
            if reason in ("lockout", "locked") and until is not None:
                detail["until"] = until.isoformat()
        audit.write(s, who, audit.LOGIN if error is None else audit.LOGIN_FAILED,
                    target_type="clerk", target_id=target, at=now, detail=detail)
    if error is not None:  # raised after the commit: the failed attempt is kept
        raise error
    if need_counter and actor.counter is None and actor.role == "clerk":
        raise DomainError("auth.no_counter", name=actor.name)
    return actor


def _check(ctx: DeskContext, s: Any, clerk: Any, pin: str,
           now: datetime) -> tuple[DomainError | None, str]:
    """(None, "") when the PIN is right (the count cleared); else the error and its reason
    ("locked": not even checked, "lockout": this wrong PIN locked, "bad_pin")."""
    if clerk.locked_until is not None and clerk.locked_until > now:
        return _locked_error(ctx, clerk.name, clerk.locked_until, now), "locked"
    if check_pin(pin or "", clerk.pin_hash):
        clerk.failed_attempts, clerk.locked_until = 0, None
        s.add(clerk)
        return None, ""
    clerk.failed_attempts = (clerk.failed_attempts or 0) + 1
    s.add(clerk)
    if clerk.failed_attempts % MAX_ATTEMPTS == 0:
        clerk.locked_until = now + lock_time(clerk.failed_attempts)
        return _locked_error(ctx, clerk.name, clerk.locked_until, now), "lockout"
    return DomainError("auth.bad_pin",
                       left=MAX_ATTEMPTS - clerk.failed_attempts % MAX_ATTEMPTS), "bad_pin"


def lock(ctx: DeskContext, actor: Actor, *, idle: bool = False) -> None:
    """The clerk left the desk (F12, or the idle timer): audited with the clerk and the counter
    (issue 15). Never stops the lock: a database too busy for the entry is logged."""
    try:
        audit.log(ctx, actor, audit.LOGOUT, target_type="clerk", target_id=actor.id or actor.name,
                  detail={"counter": actor.counter, "idle": idle})
    except Exception:  # the desk locks whatever happens; the log says why no entry was written
        logging.getLogger("desk.auth").exception("audit entry for a lock not written")


def unlock(ctx: DeskContext, name: str, actor: Actor) -> dict[str, Any]:
    """An admin lifts a clerk's lockout and clears the count (audited)."""
    require(ctx, actor, "clerk.manage")
    wanted = name_key(name)
    with write_session(ctx.engine) as s:
        clerk = s.exec(select(Clerk).where(Clerk.name == wanted)).first()
        if clerk is None:
            raise DomainError("auth.unknown", name=wanted)
        was = clerk.locked_until
        clerk.failed_attempts, clerk.locked_until = 0, None
        s.add(clerk)
        audit.write(s, actor, audit.CHANGE, target_type="clerk", target_id=clerk.id,
                    at=ctx.now(), detail={"unlock": clerk.name,
                                          "was_locked_until": was.isoformat() if was else None})
    return {"name": wanted, "was_locked": was is not None and was > ctx.now()}

"""Clerk accounts: a name, a role and a PIN kept only as a bcrypt hash."""

from __future__ import annotations

import re

import bcrypt
from sqlmodel import select

from desk.domain.errors import DomainError
from desk.domain.text import strip_bidi
from desk.services.context import DeskContext
from desk.services.trust import audit, pin_ahead
from desk.services.trust.actor import SYSTEM, Actor
from desk.services.trust.roles import require
from desk.services.trust.shapes import ClerkOut
from storage.engine import read_session, write_session
from storage.tables import Clerk

ROLES = ("clerk", "supervisor", "admin")
PIN_MIN, PIN_MAX = 4, 12  # [security] pin_min_length raises the minimum (6 recommended)
NAME_MAX = 100


def hash_pin(pin: str) -> str:
    return bcrypt.hashpw(pin.encode(), bcrypt.gensalt(rounds=10)).decode()


def check_pin(pin: str, pin_hash: str) -> bool:
    """bcrypt's verdict, or the one a command started ahead for this PIN and hash."""
    return pin_ahead.check_pin(pin, pin_hash)


def validate_pin(pin: str, ctx: DeskContext | None = None) -> str:
    """4–12 digits, or at least [security] pin_min_length of them."""
    low = max(PIN_MIN, ctx.settings.security.pin_min_length) if ctx is not None else PIN_MIN
    if not re.fullmatch(rf"\d{{{low},{PIN_MAX}}}", pin or "") or not (pin or "").isascii():
        raise DomainError("clerk.bad_pin", min=low, max=PIN_MAX)
    return pin


def add_clerk(ctx: DeskContext, name: str, role: str, pin: str,
              counter: int | None = None, actor: Actor = SYSTEM) -> ClerkOut:
    require(ctx, actor, "clerk.manage")
    name = " ".join(strip_bidi(name or "").split())
    if not name:
        raise DomainError("clerk.no_name")
    if len(name) > NAME_MAX:
        raise DomainError("clerk.name_too_long", max=NAME_MAX, got=len(name))
    if role not in ROLES:
        raise DomainError("clerk.bad_role", role=role, roles=", ".join(ROLES))
    validate_pin(pin, ctx)
    with write_session(ctx.engine) as s:
        if s.exec(select(Clerk).where(Clerk.name == name)).first() is not None:
            raise DomainError("clerk.exists", name=name)
        clerk = Clerk(name=name, role=role, pin_hash=hash_pin(pin), counter_number=counter)
        s.add(clerk)
        audit.write(s, actor, audit.CHANGE, target_type="clerk", target_id=clerk.id,
                    at=ctx.now(), detail={"added": _public(clerk)})
    return _public(clerk)


def list_clerks(ctx: DeskContext) -> list[ClerkOut]:
    with read_session(ctx.engine) as s:
        return [_public(c) for c in s.exec(select(Clerk).order_by(Clerk.name))]


def _public(c: Clerk) -> ClerkOut:
    return {"id": str(c.id), "name": c.name, "role": c.role, "counter": c.counter_number,
            "active": c.active}

"""Clerk accounts: a name, a role and a PIN kept only as a bcrypt hash."""

from __future__ import annotations

import re
from typing import Any

import bcrypt
from sqlmodel import select

from desk.domain.errors import DomainError
from desk.services import audit
from desk.services.actor import SYSTEM, Actor
from desk.services.context import DeskContext
from desk.services.roles import require
from storage.engine import read_session, write_session
from storage.tables import Clerk

ROLES = ("clerk", "supervisor", "admin")
PIN_RE = re.compile(r"\d{4,8}")


def hash_pin(pin: str) -> str:
    return bcrypt.hashpw(pin.encode(), bcrypt.gensalt(rounds=10)).decode()


def check_pin(pin: str, pin_hash: str) -> bool:
    try:
        return bcrypt.checkpw(pin.encode(), pin_hash.encode())
    except ValueError:
        return False


def validate_pin(pin: str) -> str:
    if not PIN_RE.fullmatch(pin or ""):
        raise DomainError("clerk.bad_pin")
    return pin


def add_clerk(ctx: DeskContext, name: str, role: str, pin: str,
              counter: int | None = None, actor: Actor = SYSTEM) -> dict[str, Any]:
    require(ctx, actor, "clerk.manage")
    name = " ".join((name or "").split())
    if not name:
        raise DomainError("clerk.no_name")
    if role not in ROLES:
        raise DomainError("clerk.bad_role", role=role, roles=", ".join(ROLES))
    validate_pin(pin)
    with write_session(ctx.engine) as s:
        if s.exec(select(Clerk).where(Clerk.name == name)).first() is not None:
            raise DomainError("clerk.exists", name=name)
        clerk = Clerk(name=name, role=role, pin_hash=hash_pin(pin), counter_number=counter)
        s.add(clerk)
        audit.write(s, actor, audit.CHANGE, target_type="clerk", target_id=clerk.id,
                    at=ctx.now(), detail={"added": _public(clerk)})
    return _public(clerk)


def list_clerks(ctx: DeskContext) -> list[dict[str, Any]]:
    with read_session(ctx.engine) as s:
        return [_public(c) for c in s.exec(select(Clerk).order_by(Clerk.name))]


def _public(c: Any) -> dict[str, Any]:
    return {"id": str(c.id), "name": c.name, "role": c.role, "counter": c.counter_number,
            "active": c.active}

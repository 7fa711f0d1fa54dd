"""Who is acting: recorded on every event, checked by the role rules."""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    id: uuid.UUID | None
    name: str
    role: str = "clerk"  # clerk | supervisor | admin | system
    counter: int | None = None


SYSTEM = Actor(id=None, name="hệ thống", role="system")

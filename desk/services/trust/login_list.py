"""The clerks the login screen offers, read without the database stack (storage/quick.py) so
they are on the first painted screen; None when that quick read is not possible."""

from __future__ import annotations

import uuid
from typing import Any

from desk.services.context import DeskContext
from storage.quick import read_rows


def quick_login_choices(ctx: DeskContext) -> list[dict[str, Any]] | None:
    """Same answer as desk.services.trust.auth.login_choices, or None (then ask it in a worker)."""
    rows = read_rows(ctx.settings.database_path,
                     "SELECT id, name, role, counter_number FROM clerk WHERE active "
                     "ORDER BY name")
    if not rows:  # no clerk yet: the regular path seeds or explains
        return None
    try:
        return [{"id": str(uuid.UUID(hex=str(i))), "name": n, "role": r, "counter": c,
                 "active": True} for i, n, r, c in rows]
    except ValueError:
        return None

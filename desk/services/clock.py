"""The clock services read. Tests and demos fix it; `DESK_NOW` fixes it for a whole process."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def fixed_clock(at: datetime) -> Clock:
    if at.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    return lambda: at


def clock_from_env(tz: str) -> Clock:
    """`DESK_NOW="YYYY-MM-DD HH:MM"` (office time) pins the clock; otherwise the system clock."""
    raw = os.environ.get("DESK_NOW")
    if not raw:
        return system_clock
    return fixed_clock(datetime.fromisoformat(raw).replace(tzinfo=ZoneInfo(tz)))

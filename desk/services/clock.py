"""The only place that reads the real clock. Everything else takes an injected clock
(`ctx.clock`, `ctx.now()`); tests and demos pin it, `DESK_NOW` pins it for a whole process.

ruff's banned-API rule (TID251 in pyproject.toml) refuses `datetime.now`, `date.today` and
`time.time` anywhere else. Timeouts and backoff use `time.monotonic`, which is not a clock of
the calendar and stays allowed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from desk import environment

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


def wall_seconds() -> float:
    """The machine's clock in epoch seconds, for protocol stamps (signed requests, HTTP
    dates) that another machine checks against its own clock."""
    return time.time()


def fixed_clock(at: datetime) -> Clock:
    if at.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    return lambda: at


def clock_from_env(tz: str) -> Clock:
    """`DESK_NOW="YYYY-MM-DD HH:MM"` (office time) pins the clock; otherwise the system clock."""
    raw = environment.get(environment.NOW)
    if not raw:
        return system_clock
    return fixed_clock(datetime.fromisoformat(raw).replace(tzinfo=ZoneInfo(tz)))

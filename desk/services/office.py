"""Mirror the office's counters and queue services from desk.toml into the store."""

from __future__ import annotations

from desk.services.context import DeskContext
from storage.engine import write_session
from storage.tables import Counter, Service


def apply_office_setup(ctx: DeskContext) -> None:
    """Upsert counters and services from the configuration (the configuration wins)."""
    q = ctx.settings.queue
    with write_session(ctx.engine) as s:
        for svc in q.services:
            s.merge(Service(code=svc.code, name=svc.name, prefix=svc.prefix,
                            field_code=svc.field, wait_target_minutes=svc.wait_target_minutes))
        for c in q.counters:
            served = [svc.code for svc in q.services if c.number in svc.counters]
            s.merge(Counter(number=c.number, name=c.name or f"Quầy {c.number}", services=served))

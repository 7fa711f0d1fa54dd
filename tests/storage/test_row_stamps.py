"""Issue 14 §1: the rows' own stamps (created_at, recorded_at…) come from the desk's injected
clock, as its events do, never from the machine's calendar (storage/tables/common.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from desk.config import Settings
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext

IN_2010 = datetime(2010, 1, 1, 8, 0, tzinfo=UTC)
STAMPS = ("created_at", "updated_at", "recorded_at", "applied_at", "checked_at", "imported_at")


def test_a_desk_set_to_2010_stamps_its_rows_in_2010(settings: Settings) -> None:
    import storage.tables as tables
    from desk.services.demo import seed_demo
    from storage.engine import read_session
    from tests.screens.conftest import intake

    ctx = DeskContext(settings, clock=fixed_clock(IN_2010))
    try:
        seed_demo(ctx, dossiers=False)
        intake(ctx)
        years: dict[str, set[int]] = {}
        with read_session(ctx.engine) as s:
            for name in dir(tables):
                model = getattr(tables, name)
                if not hasattr(model, "__table__"):
                    continue
                for column in model.__table__.columns:
                    if column.name in STAMPS:
                        found = s.exec(select(getattr(model, column.name))).all()
                        if found:
                            years[f"{name}.{column.name}"] = {v.year for v in found if v}
    finally:
        ctx.close()
    assert "DossierEvent.recorded_at" in years and "Clerk.created_at" in years
    wrong = {k: v for k, v in years.items() if v != {2010}}
    assert wrong == {}  # the machine's year (2026) nowhere

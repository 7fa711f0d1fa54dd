"""The demo office: catalog, calendar exceptions, counters, services and one clerk per role.

Seeding is idempotent: running it again adds nothing that is already there.
"""

from __future__ import annotations

from importlib import resources

from sqlmodel import select

from desk.services import catalog, office
from desk.services.context import DeskContext
from desk.services.deadlines import calendar
from desk.services.demo_accounts import DEMO_CLERKS, demo_accounts
from desk.services.demo_dossiers import seed_demo_dossiers
from desk.services.shapes import DemoOut
from desk.services.trust import clerks
from storage.engine import read_session
from storage.tables import Clerk


def seed_demo(ctx: DeskContext, *, dossiers: bool = True) -> DemoOut:
    data = resources.files("desk") / "demo_data"
    parsed = catalog.parse_catalog((data / "catalog.json").read_bytes(), "catalog.json")
    imported = catalog.apply_catalog(ctx, parsed, source="demo")
    calendar.set_exceptions(ctx, calendar._parse((data / "calendar_exceptions.csv").read_text(
        encoding="utf-8")))
    office.apply_office_setup(ctx)
    with read_session(ctx.engine) as s:
        existing = set(s.exec(select(Clerk.name)).all())
    for name, role, pin, counter in DEMO_CLERKS:
        if name not in existing:
            clerks.add_clerk(ctx, name, role, pin, counter=counter)
    # one dossier in every deadline state, relative to today
    seeded = seed_demo_dossiers(ctx) if dossiers else {}
    return {
        "office": ctx.settings.office.name,
        "demo_dossiers": len(seeded),
        "database": str(ctx.settings.database_path),
        "catalog_version": imported["version"],
        "procedures": imported["procedures"],
        "clerks": demo_accounts(),
    }

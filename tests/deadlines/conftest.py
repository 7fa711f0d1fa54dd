"""Helpers of the deadline tests: one office database seen at several fixed instants."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desk.config import Settings
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.trust.actor import Actor
from tests.conftest import local
from tests.office_template import seeded

SUPERVISOR = Actor(id=None, name="Trần Văn Minh", role="supervisor")
CLERK = Actor(id=None, name="Nguyễn Thị Lan", role="clerk", counter=1)
PROC_3WD = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân: 3 working days


@pytest.fixture
def office_settings(tmp_path: Path) -> Settings:
    """Database AND data folder (SMS outbox, print folders, marks) inside tmp_path."""
    return Settings.from_dict({"storage": {"data_dir": str(tmp_path / "data"),
                                                "database": str(tmp_path / "desk.sqlite3")}})


@pytest.fixture
def office(office_settings: Settings) -> Iterator[Callable[..., DeskContext]]:
    """`office(2026, 2, 12, 9, 0)` → a context on the same seeded database, clock fixed there.
    The first call seeds the demo office (catalog, calendar, clerks)."""
    settings = office_settings
    made: list[DeskContext] = []

    def at(*when: int) -> DeskContext:
        c = DeskContext(settings, clock=fixed_clock(local(*when)))
        if not made:
            seeded(c)  # built once per session, copied (tests/office_template.py)
        made.append(c)
        return c

    yield at
    for c in made:
        c.close()


def intake(ctx: DeskContext, received: datetime | None = None, proc: str = PROC_3WD,
           name: str = "Nguyễn Văn Hiệp", phone: str | None = "0912345678") -> dict[str, Any]:
    return receive(ctx, IntakeIn(procedure_code=proc, received_at=received,
                                 applicant=ApplicantIn(name=name, phone=phone)),
                   print_receipt=False)

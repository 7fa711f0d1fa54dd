"""Queue fixtures: a four-counter office on a temporary SQLite file and a clock to move."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desk.config import Settings
from desk.services.context import DeskContext
from tests.conftest import local

SERVICES = [
    {"code": "HT", "name": "Hộ tịch", "prefix": "A", "counters": [1, 2], "wait_target_minutes": 15},
    {"code": "CT", "name": "Chứng thực", "prefix": "B", "counters": [2, 3],
     "wait_target_minutes": 10},
    {"code": "CU", "name": "Cư trú", "prefix": "C", "counters": [3, 4], "wait_target_minutes": 20},
    {"code": "KT", "name": "Kinh tế", "prefix": "D", "counters": [1, 4], "wait_target_minutes": 15},
]
COUNTERS = [{"number": n, "name": f"Quầy {n}"} for n in (1, 2, 3, 4)]


class MovingClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> datetime:
        self.at += timedelta(**kw)
        return self.at


def queue_settings(db: Path, **queue: Any) -> Settings:
    return Settings.from_dict({
        "storage": {"database": str(db), "data_dir": str(db.parent)},
        "queue": {"services": SERVICES, "counters": COUNTERS, **queue},
    })


@pytest.fixture
def clock() -> MovingClock:
    return MovingClock(local(2026, 11, 23, 8, 0))


@pytest.fixture
def qctx(tmp_path: Path, clock: MovingClock) -> Iterator[DeskContext]:
    c = DeskContext(queue_settings(tmp_path / "q.sqlite3"), clock=clock)
    yield c
    c.close()

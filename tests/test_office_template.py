"""The offices the tests share (tests/office_template.py): a copied office is the office seeding
builds, each test owns its copy, and a database that already holds something is never
overwritten."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from desk.config import Settings
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.demo import seed_demo
from desk.services.trust.clerks import add_clerk
from tests import office_template
from tests.conftest import local

TABLES = ("procedure", "calendar_exception", "counter", "service", "clerk", "field")


def _ctx(folder: Path) -> DeskContext:
    folder.mkdir()
    return DeskContext(Settings.from_dict({"storage": {"database": str(folder / "o.sqlite3")}}),
                       clock=fixed_clock(local(2026, 11, 23, 9, 0)))


def _rows(ctx: DeskContext) -> dict[str, int]:
    with closing(sqlite3.connect(ctx.settings.database_path)) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


def test_a_copied_office_is_the_seeded_one_and_each_test_owns_its_copy(tmp_path: Path) -> None:
    by_hand = _ctx(tmp_path / "by-hand")
    seed_demo(by_hand, dossiers=False)
    first, second, third = (_ctx(tmp_path / n) for n in ("first", "second", "third"))
    office_template.seeded(first)
    office_template.seeded(second)
    assert _rows(second) == _rows(first) == _rows(by_hand)
    assert all(_rows(by_hand).values())
    assert second._engine is not None  # open, as seeding leaves it
    add_clerk(second, "Đỗ Văn Nam", "clerk", "4321", counter=2)
    office_template.seeded(third)
    assert _rows(second)["clerk"] == _rows(third)["clerk"] + 1  # the write stayed in its copy
    for c in (by_hand, first, second, third):
        c.close()


def test_an_office_already_holding_data_is_seeded_in_place(tmp_path: Path) -> None:
    office_template.seeded(_ctx(tmp_path / "template"))  # a template exists from here on
    ctx = _ctx(tmp_path / "own")
    add_clerk(ctx, "Đỗ Văn Nam", "clerk", "4321", counter=2)
    ctx.close()
    office_template.seeded(ctx)
    with closing(sqlite3.connect(ctx.settings.database_path)) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM clerk")]
    assert "Đỗ Văn Nam" in names and "Nguyễn Thị Lan" in names
    ctx.close()

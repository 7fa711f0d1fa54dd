"""`desk demo` on a new office (issue 19 §1): the login is painted before anything is seeded,
with the demo accounts on it; the office is seeded behind it, the clerks are listed as soon as
they exist, a clerk logs in, and the demo dossiers follow."""

from __future__ import annotations

import sqlite3

from textual.widgets import OptionList

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.demo_accounts import demo_accounts
from screens.home import HomeScreen
from screens.login import LoginScreen
from tests.screens.conftest import settle, wait_until


def _count(ctx: DeskContext, table: str) -> int:
    path = ctx.settings.database_path
    if not path.is_file():
        return 0
    with sqlite3.connect(path) as conn:
        try:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:  # not migrated yet
            return 0


async def test_demo_paints_the_login_then_seeds_the_office(ctx: DeskContext) -> None:
    assert not ctx.settings.database_path.exists()  # a fresh HOME: no office yet
    app = DeskApp(ctx, background=False)
    app.demo_accounts = demo_accounts()
    app.demo_seed = "dossiers"
    painted: list[int] = []
    async with app.run_test(size=(100, 40)) as pilot:
        painted.append(_count(ctx, "clerk"))  # the login is up before the clerks exist
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        assert "1234" in str(screen.query_one("#login-demo").render())
        clerks = screen.query_one("#clerks", OptionList)
        await wait_until(pilot, lambda: clerks.option_count == 3, timeout=120)
        await wait_until(pilot, lambda: _count(ctx, "dossier") >= 5, timeout=120)
        await pilot.press(*"lan", "enter", *"1234", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert painted == [0]

"""What the clerk sees when the desk starts: the login with its clerks on the first screen,
the home built after the login, the status line's counts (no worker failing at start)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from textual.widgets import OptionList, Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.home import HomeScreen
from screens.login import LoginScreen
from tests.conftest import REPO
from tests.screens.conftest import settle, wait_until


async def test_clerks_are_on_the_first_screen(demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen  # no waiting for workers: a clerk may type at once
        assert isinstance(screen, LoginScreen)
        assert screen.query_one("#clerks", OptionList).option_count == 3
        await pilot.press(*"huy", "enter")
        assert screen.chosen is not None and screen.chosen["name"] == "Lê Quốc Huy"
        assert app.focused is screen.query_one("#pin")


async def test_home_is_built_after_the_login(demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"lan", "enter", *"1234", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "login" not in app._screen_stacks  # the login's screen is gone, not kept under
        await wait_until(pilot, lambda: app.screen.query_one("#status-line").counts)
        office = str(app.screen.query_one("#office", Static).render())
        assert demo_ctx.settings.office.name in office
        assert "F2" in str(app.screen.query_one("#modes", Static).render())


FRESH = r"""
import json, sys
from desk.config import load_settings
from desk.services.context import DeskContext
from desk.app import DeskApp

class Probe(DeskApp):
    def on_ready(self):
        self.set_interval(0.05, self.check)

    def check(self):
        line = self.screen.query("#status-line")
        if line and line.first().counts is not None or self.tries > 100:
            self.exit(line.first().counts if line else None)
        self.tries += 1

    tries = 0

ctx = DeskContext(load_settings(sys.argv[1]))
app = Probe(ctx, background=True)
from desk.services.trust.auth import login
app.actor = login(ctx, "Nguyễn Thị Lan", "1234")  # straight to the home screen and its line
print(json.dumps(app.run(headless=True)))
"""


def test_status_line_counts_at_start_in_a_fresh_process(demo_ctx: DeskContext,
                                                         tmp_path: Path) -> None:
    """A real start (background services on): the home's deadline counts appear at once."""
    cfg = tmp_path / "desk.toml"
    cfg.write_text(f'[storage]\ndatabase = "{demo_ctx.settings.database_path.as_posix()}"\n'
                   f'data_dir = "{demo_ctx.settings.data_dir.as_posix()}"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", FRESH, str(cfg)], capture_output=True,
                         text=True, timeout=120, cwd=REPO)
    counts = json.loads(out.stdout.strip().splitlines()[-1])
    assert counts is not None, out.stderr[-2000:]
    assert set(counts) == {"due_today", "due_soon", "overdue", "overdue_no_letter"}


RACE = r"""
import importlib, threading
from desk.services.context import load_stack

mods = ["desk.services.deadlines.watch", "desk.services.deadlines.calendar",
        "desk.services.trust.auth", "desk.services.trust.backup"]
barrier, errors = threading.Barrier(len(mods)), []

def first_use(name):
    barrier.wait()
    try:
        load_stack()
        importlib.import_module(name)
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=first_use, args=(m,)) for m in mods]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(errors)
"""


def test_workers_first_using_the_database_at_once() -> None:
    """Without desk.services.context.load_stack, threads importing SQLAlchemy for the first
    time together fail with "partially initialized module 'sqlalchemy.engine'" (4 runs in 5
    here): the start's workers then lost their counts until the next refresh."""
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True,
                             timeout=120, cwd=REPO)
        assert out.stdout.strip() == "[]", out.stdout + out.stderr[-2000:]

"""The real `desk --config FILE` start paints the login before it loads the database stack or
any screen that screens/lazy.py loads later (issue 20 §1, issue 19 §1: the doors stay lean
while every other screen imports at its top)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desk.services.context import DeskContext
from screens.lazy import LATER
from tests.conftest import REPO

PAINT = r"""
import json, sys
import desk.cli
import desk.commands.tui as tui

def ready(self):  # the app's own on_ready runs too (Textual calls both)
    from screens.login import LoginScreen

    if isinstance(self.screen, LoginScreen):
        self.screen.call_after_refresh(painted, self)
    else:
        self.call_later(ready, self)

def painted(self):
    print(json.dumps(sorted(sys.modules)), flush=True)
    self.exit()

def headless(app):
    app.__class__ = type("Timed", (type(app),), {"on_ready": ready})
    app.run(headless=True)
    return 0

tui.run_textual = headless
desk.cli.main(["--config", sys.argv[1]])
"""


def test_the_login_paints_before_the_database_stack_and_the_later_screens(
        demo_ctx: DeskContext, tmp_path: Path) -> None:
    cfg = tmp_path / "desk.toml"
    cfg.write_text(f'[storage]\ndatabase = "{demo_ctx.settings.database_path.as_posix()}"\n'
                   f'data_dir = "{demo_ctx.settings.data_dir.as_posix()}"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", PAINT, str(cfg)], capture_output=True,
                         text=True, timeout=120, cwd=REPO)
    lines = [x for x in out.stdout.splitlines() if x.startswith("[")]
    assert lines, out.stderr[-2000:]
    loaded = set(json.loads(lines[-1]))
    assert "screens.login" in loaded  # the probe saw the login painted
    heavy = sorted(m for m in loaded
                   if m.split(".")[0] in ("sqlalchemy", "sqlmodel", "pydantic", "alembic"))
    assert heavy == []
    later = sorted(m for m in {v.partition(":")[0] for v in LATER.values()} if m in loaded)
    assert later == []

"""`desk queue counter N`, `desk queue board` and `desk kiosk` paint before they load the
database stack (as the desk's own app paints its login first:
tests/screens/test_first_paint_lean.py), then open the counter's screen, the supervisor's day
and the kiosk's services."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desk.services.context import DeskContext
from tests.conftest import REPO

PAINT = r"""
import json, sys
import desk.cli
import desk.commands.tui as tui

HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic")

def stack():
    return sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)

def ready(self):  # the app's own on_ready runs too (Textual calls both)
    self.screen.call_after_refresh(painted, self)

def painted(self):
    shown = " ".join(str(w.render()) for w in self.screen.query("Static"))
    print(json.dumps({"first": type(self.screen).__name__, "stack": stack(), "shown": shown}),
          flush=True)
    self.set_interval(0.05, lambda: opened(self))

def opened(self):
    if type(self.screen).__name__ == sys.argv[2]:
        print(json.dumps({"opened": sys.argv[2], "stack": len(stack())}), flush=True)
        self.exit()

def headless(app):
    app.__class__ = type("Timed", (type(app),), {"on_ready": ready})
    app.run(headless=True)
    return 0

tui.run_textual = headless
desk.cli.main(["--config", sys.argv[1], *sys.argv[3:]])
"""


@pytest.mark.parametrize(("args", "screen", "says"), [
    (["queue", "counter", "1"], "CounterQueueScreen", "Quầy 1: đang mở màn hình gọi số…"),
    (["queue", "board"], "QueueSupervisorScreen", "Đang mở thống kê xếp hàng…"),
    (["kiosk"], "KioskScreen", "Đang mở máy lấy số…"),
])
def test_a_queue_terminal_paints_before_the_database_stack(
        demo_ctx: DeskContext, tmp_path: Path, args: list[str], screen: str, says: str) -> None:
    cfg = tmp_path / "desk.toml"
    cfg.write_text(f'[storage]\ndatabase = "{demo_ctx.settings.database_path.as_posix()}"\n'
                   f'data_dir = "{demo_ctx.settings.data_dir.as_posix()}"\n', encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", PAINT, str(cfg), screen, *args],
                         capture_output=True, text=True, timeout=120, cwd=REPO)
    lines = [json.loads(x) for x in out.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 2, out.stderr[-2000:]
    first, then = lines
    assert first["stack"] == [], f"{first['first']} painted after the stack was loaded"
    assert says in first["shown"]  # what the clerk reads meanwhile
    assert then["opened"] == screen and then["stack"] > 0  # and then the screen opens

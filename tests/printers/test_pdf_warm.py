"""The TUI warms the PDF engine after its first paint (issue 19 §1): the clerk's first A4
letter then loads nothing — no fpdf2, fontTools, Pillow, qrcode or python-barcode import in
the letter's worker — and comes as fast as the second one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PINNED_NOW, REPO

HEAVY = ("fpdf", "fontTools", "PIL", "qrcode", "barcode", "printers.pdf")

# The office: the demo catalog and clerks and one dossier, made in a process of its own.
SETUP = r"""
import sys
from desk.config import Settings
from desk.services.clock import clock_from_env
from desk.services.context import DeskContext
from desk.services.demo import seed_demo
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.trust.actor import Actor

folder = sys.argv[1]
settings = Settings.from_dict({"storage": {"database": folder + "/d.sqlite3",
                                                "data_dir": folder + "/data"}})
ctx = DeskContext(settings, clock=clock_from_env(settings.office.timezone))
seed_demo(ctx, dossiers=False)
print(receive(ctx, IntakeIn(procedure_code="1.004873", applicant=ApplicantIn(
    name="Nguyễn Văn Hiệp", phone="0912345678")), Actor(None, "Nguyễn Thị Lan"),
    print_receipt=False)["code"])
"""
# The app started as a clerk starts it (background work on) until its start workers are
# done, then the letter as screens/deadlines.py issues it in its worker.
SCRIPT = r"""
import asyncio, json, sys
from datetime import date
from desk.config import Settings
from desk.services.clock import clock_from_env
from desk.services.context import DeskContext
from desk.services.trust.actor import Actor

folder, warm, code = sys.argv[1], sys.argv[2] == "warm", sys.argv[3]
settings = Settings.from_dict({"storage": {"database": folder + "/d.sqlite3",
                                                "data_dir": folder + "/data"}})
ctx = DeskContext(settings, clock=clock_from_env(settings.office.timezone))

async def start_app():
    from desk.app import DeskApp

    app = DeskApp(ctx, background=True)
    async with app.run_test(size=(100, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.1)
            if not [w for w in app.workers if w.group == "start" and not w.is_finished]:
                break
        await pilot.press("f10")

if warm:
    asyncio.run(start_app())
before = set(sys.modules)
from desk.services.deadlines.apology import issue
out = issue(ctx, code, Actor(None, "Trần Văn Minh", "supervisor"), "Chờ xác minh",
            date(2026, 12, 2))
loaded = sorted(m for m in set(sys.modules) - before)
print(json.dumps({"letter": out["letter_no"], "loaded": loaded}))
"""


def _python(tmp_path: Path, code: str, *args: str) -> str:
    env = {**os.environ, "DESK_NOW": PINNED_NOW, "HOME": str(tmp_path),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8"}
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                       encoding="utf-8", env=env, cwd=REPO, timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout.strip().splitlines()[-1]


def _letter(tmp_path: Path, mode: str) -> dict[str, object]:
    folder = tmp_path / mode
    folder.mkdir()
    code = _python(tmp_path, SETUP, str(folder))
    return json.loads(_python(tmp_path, SCRIPT, str(folder), mode, code))


def test_the_first_letter_finds_the_pdf_engine_warm(tmp_path: Path) -> None:
    cold = _letter(tmp_path, "cold")  # a letter in a process that never warmed the engine
    assert [m for m in cold["loaded"] if m.startswith(HEAVY)]  # type: ignore[union-attr]
    warm = _letter(tmp_path, "warm")  # after the app's start: the engine is ready
    assert warm["letter"]
    assert [m for m in warm["loaded"] if m.startswith(HEAVY)] == []  # type: ignore[union-attr]

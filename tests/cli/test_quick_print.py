"""`desk print form N CODE --pdf` through `sqlite3` (desk/services/quick/papers.py, issue 19
§1): the same values, the same text and the same page as the regular path, and no database
stack loaded."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desk.config import load_settings
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.printing import rule_forms
from desk.services.quick import papers
from desk.services.quick.context import open_quick
from tests.conftest import PINNED_NOW

BANK = '\n[bank]\nbin = "970436"\naccount = "0011001234567"\nname = "UBND XA MINH CHAU"\n'


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "xdg-data"), "XDG_CONFIG_HOME": str(home / "xdg-config"),
           "XDG_STATE_HOME": str(home / "xdg-state"), "XDG_CACHE_HOME": str(home / "cache"),
           "DESK_NOW": PINNED_NOW, "DESK_CONFIG": str(home / "desk.toml")}
    for key in ("DESK_LANG", "DESK_QUICK"):
        env.pop(key, None)
    return env


def _desk(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desk.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env={**_env(home), **extra}, cwd=home,
                          timeout=180, check=False)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with its dossiers (a letter, a refusal, hand-overs…), and a bank
    account, so a receipt with a fee due carries its VietQR."""
    home = tmp_path_factory.mktemp("quick-print")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n' + BANK,
                                    encoding="utf-8")
    r = _desk(home, "demo", "--no-tui")
    assert r.returncode == 0, r.stderr
    r = _desk(home, "dossier", "receive", "--procedure", "1.004873", "--name", "Lê Thị Hoa",
              "--phone", "0912345678", "--received", "2026-11-20 09:00", "--no-print", "--json")
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["code"]
    for now, args in (("2026-11-23 10:00", ("step", code, "--to", "Phòng Tư pháp")),
                      ("2026-11-23 11:00", ("step-result", code, "--agency", "Phòng Tư pháp")),
                      ("2026-11-23 14:00", ("step", code, "--to", "UBND huyện Mẫu"))):
        r = _desk(home, "dossier", *args, DESK_NOW=now)  # two hand-overs, in their order
        assert r.returncode == 0, r.stderr
    return home


@pytest.fixture
def ctx(office: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[DeskContext]:
    for key, value in _env(office).items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(office)
    yield DeskContext(load_settings(None))


def _codes(office: Path) -> list[str]:
    with sqlite3.connect(office / "office.sqlite3") as conn:
        return [r[0] for r in conn.execute("SELECT code FROM dossier ORDER BY code")]


def _either(make: Any) -> Any:
    try:
        return make()
    except DomainError as e:
        return ("error", e.key, e.params)


def test_the_quick_forms_are_the_regular_ones(office: Path, ctx: DeskContext) -> None:
    """Every form of every demo dossier: the same rule set, form and values (the fee's QR,
    the steps, the letter's dates…), or the same refusal."""
    q = open_quick(ctx)
    assert q is not None
    compared = 0
    try:
        for code in [*_codes(office), "NOPE-1"]:
            for number in range(1, 8):
                regular = _either(lambda: rule_forms.prepare(ctx, number, code))  # noqa: B023
                quick = _either(lambda: papers.prepare(q, number, code))  # noqa: B023
                assert quick == regular, (code, number)
                compared += isinstance(quick, rule_forms.PreparedForm)
    finally:
        q.close()
    assert compared >= 50

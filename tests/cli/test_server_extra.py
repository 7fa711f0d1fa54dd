"""Issue 20 step 6: the province server is an extra (`pip install mot-cua-desk[server]`). On a
commune's desk, installed without it, `desk district serve` says in the user's language which
command installs it (no traceback, no crash log), and the commune's own commands never needed
it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

INSTALL = "pip install 'mot-cua-desk[server]'"
# the modules that import FastAPI: forgotten, so that `import` looks for FastAPI again
FASTAPI_USERS = ("desk.district.app", "desk.district.attachments", "desk.district.http",
                 "desk.district.anchor")


@pytest.fixture
def without_server_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as if `[server]` were not installed: importing its packages fails."""
    for name in ("fastapi", "psycopg", "uvloop", "httptools"):
        monkeypatch.setitem(sys.modules, name, None)
    for name in FASTAPI_USERS:
        monkeypatch.delitem(sys.modules, name, raising=False)


@pytest.mark.usefixtures("without_server_extra")
def test_district_serve_names_the_command_that_installs_the_server(run_desk: Any,
                                                                   tmp_path: Path) -> None:
    r = run_desk("district", "serve", "--db", str(tmp_path / "district.sqlite3"))
    assert r.returncode == 69, r.stderr
    assert "máy chủ tỉnh" in r.stderr and "fastapi" in r.stderr and INSTALL in r.stderr
    assert "Traceback" not in r.stderr
    english = run_desk("district", "serve", "--db", str(tmp_path / "district.sqlite3"),
                       env={"DESK_LANG": "en"})
    assert english.returncode == 69 and "province server is not installed" in english.stderr
    assert not [p for p in tmp_path.rglob("crash-*")]


@pytest.mark.usefixtures("without_server_extra")
def test_a_postgresql_district_without_psycopg_says_the_same(run_desk: Any) -> None:
    r = run_desk("district", "status", "--db", "postgresql://desk@127.0.0.1:1/district")
    assert r.returncode == 69, r.stderr
    assert "psycopg" in r.stderr and INSTALL in r.stderr and "Traceback" not in r.stderr


def test_the_commune_desk_never_imports_the_province_server(tmp_path: Path) -> None:
    """The commune's start, its waiting-room server and its sync client load without FastAPI
    or psycopg (a real interpreter where importing them fails)."""
    code = (
        "import sys\n"
        "for m in ('fastapi', 'psycopg', 'uvloop', 'httptools'):\n"
        "    sys.modules[m] = None\n"
        "import desk.app, desk.lobby.app, desk.sync.client, desk.commands.district\n"
        "from desk.cli import build_parser\n"
        "build_parser()\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert r.stdout.strip() == "ok", r.stderr

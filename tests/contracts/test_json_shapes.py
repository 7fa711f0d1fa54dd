"""The JSON that commands print is a contract administrators script (issue 20 step 5): each
`--json` output is checked against its declared shape, on the quick read path and the regular
one, and the checker itself is shown to fail on a drifted key."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desk.cli import main
from desk.services.deadlines.shapes import CalendarDayOut, DeadlinesOut
from desk.services.dossier.shapes import DossierSummary, DossierView, IntakeOutput
from desk.services.queue.shapes import CalledOut, IssuedOut
from tests.cli_in_process import run_cli
from tests.conftest import PINNED_NOW
from tests.contracts.shape_check import problems


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "xdg-data"), "XDG_CONFIG_HOME": str(home / "xdg-config"),
           "XDG_STATE_HOME": str(home / "xdg-state"), "XDG_CACHE_HOME": str(home / "cache"),
           "DESK_NOW": PINNED_NOW, "DESK_CONFIG": str(home / "desk.toml")}
    env.pop("DESK_LANG", None)
    return env


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with its dossiers, and one with a fee paid, a scan and a step."""
    home = tmp_path_factory.mktemp("shapes")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n', encoding="utf-8")
    r = _desk(home, "demo", "--no-tui")
    assert r.returncode == 0, r.stderr
    r = _desk(home, "dossier", "receive", "--procedure", "1.004873", "--name", "Lê Thị Hoa",
              "--sets", "2", "--no-print", "--json")
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["code"]
    scan = home / "scan.pdf"
    scan.write_bytes(b"scan")
    for args in (("dossier", "fee", code, "--receipt", "BL-7"),
                 ("dossier", "attach", code, str(scan)),
                 ("dossier", "step", code, "--to", "Công an xã", "--days", "5")):
        r = _desk(home, *args)
        assert r.returncode == 0, r.stderr
    return home


def _desk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`desk ARGS` in this process (tests/cli_in_process.py): the office is built in
    milliseconds per command, not a Python start each (the fast tier, issue 20 step 6)."""
    return run_cli(args, env=_env(home), cwd=home)


def _json(office: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          quick: bool, *args: str) -> Any:
    for key, value in _env(office).items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(office)
    monkeypatch.setenv("DESK_QUICK", "1" if quick else "0")
    assert main([*args, "--json"]) in (0, None)
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("quick", [False, True], ids=["regular", "quick"])
def test_dossier_json_has_its_declared_shape(office: Path, quick: bool,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(office, monkeypatch, capsys, quick, "dossier", "list", "--limit", "100")
    assert len(rows) >= 10
    assert problems(rows, list[DossierSummary]) == []
    found = _json(office, monkeypatch, capsys, quick, "dossier", "search", "nguyen")
    assert found and problems(found, list[DossierSummary]) == []
    views = [_json(office, monkeypatch, capsys, quick, "dossier", "show", r["code"])
             for r in rows]
    for view in views:
        assert problems(view, DossierView) == [], view["code"]
    # the demo's dossiers exercise the nested parts, so their shapes were really checked
    assert any(v["steps"] for v in views) and any(v["timeline"] for v in views)
    assert {v["fee"]["status"] for v in views} >= {"paid", "unpaid"}


def test_the_checker_fails_on_a_drifted_key() -> None:
    row = {"code": "X", "status": "RECEIVED", "applicant": "A", "procedure": "P",
           "field": None, "received_at": None, "due_at": None, "extended_due_at": None}
    assert problems(row, DossierSummary) == []
    renamed = {**{k: v for k, v in row.items() if k != "due_at"}, "due": None}
    assert problems(renamed, DossierSummary) == ["$.due_at: missing",
                                                 "$.due: not declared in DossierSummary"]
    assert problems({**row, "status": 3}, DossierSummary) == [
        "$.status: expected str, got int"]
    assert problems([row, {**row, "field": 1}], list[DossierSummary]) == [
        "$[1].field: expected str, got int"]


def test_intake_and_actions_print_the_dossier_view(office: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    view = _json(office, monkeypatch, capsys, False, "dossier", "receive", "--procedure",
                 "1.004873", "--name", "Trần Văn An", "--no-print")
    assert problems(view, IntakeOutput) == []
    code = view["code"]
    stepped = _json(office, monkeypatch, capsys, False, "dossier", "step", code, "--to", "UBND")
    assert problems(stepped, DossierView) == [] and stepped["steps"]


@pytest.mark.parametrize("quick", [False, True], ids=["regular", "quick"])
def test_deadlines_and_calendar_json_have_their_declared_shapes(
        office: Path, quick: bool, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    watch = _json(office, monkeypatch, capsys, quick, "deadlines", "--limit", "50")
    assert watch["dossiers"] and problems(watch, DeadlinesOut) == []
    for day in ("2026-02-17", "2026-11-24"):  # Tết, a working Tuesday
        out = _json(office, monkeypatch, capsys, quick, "calendar", "day", day)
        assert problems(out, CalendarDayOut) == []


def test_queue_json_has_its_declared_shape(office: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    issued = _json(office, monkeypatch, capsys, False, "queue", "issue", "A",
                   "--no-print")
    assert problems(issued, IssuedOut) == []
    called = _json(office, monkeypatch, capsys, False, "queue", "call", "1")
    assert called["ticket"] is not None and problems(called, CalledOut) == []

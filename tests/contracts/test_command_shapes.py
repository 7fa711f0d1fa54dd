"""More `--json` contracts (issue 20 step 5): notices, the audit trail, clerks, backups and the
calendar's lists print exactly the keys their declared shapes name (the services return those
shapes; mypy checks the services, this checks what reaches stdout on the regular path)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from desk.services.deadlines.shapes import ExceptionDay, YearDay
from desk.services.notify.shapes import NoticeOut, NoticeSummary
from desk.services.trust.shapes import AuditEntryOut, BackupCheckOut, BackupOut, ClerkOut
from tests.cli_in_process import run_cli
from tests.conftest import PINNED_NOW
from tests.contracts.shape_check import problems


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "HOME": str(home),
           "XDG_DATA_HOME": str(home / "xdg-data"), "XDG_CONFIG_HOME": str(home / "xdg-config"),
           "XDG_STATE_HOME": str(home / "xdg-state"), "XDG_CACHE_HOME": str(home / "cache"),
           "DESK_NOW": PINNED_NOW, "DESK_CONFIG": str(home / "desk.toml"), "DESK_QUICK": "0"}
    env.pop("DESK_LANG", None)
    return env


def _desk(home: Path, *args: str) -> Any:
    """`desk ARGS --json` on the regular path; its printed JSON."""
    r = run_cli([*args, "--json"], env=_env(home), cwd=home)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office, an office day off and a notice typed by hand."""
    home = tmp_path_factory.mktemp("commands")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n', encoding="utf-8")
    days = home / "days.csv"
    days.write_text("date,kind,note\n2026-12-31,OFF,Kiểm kê cuối năm\n", encoding="utf-8")
    for args in (("demo", "--no-tui"), ("calendar", "import", str(days))):
        r = run_cli(args, env=_env(home), cwd=home)
        assert r.returncode == 0, r.stderr
    return home


def test_notices_have_their_declared_shapes(office: Path) -> None:
    sent = _desk(office, "notify", "send", "--phone", "0912345678",
                 "--text", "Hồ sơ của ông/bà đã có kết quả.")
    assert problems(sent, NoticeOut) == []
    rows = _desk(office, "notify", "list")
    assert any(n["id"] == sent["id"] for n in rows)
    assert problems(rows, list[NoticeOut]) == []
    status = _desk(office, "notify", "status")
    assert sum(status["counts"].values()) >= 1, status
    assert problems(status, NoticeSummary) == []


def test_clerks_and_the_audit_trail_have_their_declared_shapes(office: Path) -> None:
    clerks = _desk(office, "clerk", "list")
    assert clerks and problems(clerks, list[ClerkOut]) == []
    _desk(office, "backup")  # an audited act, at least
    entries = _desk(office, "audit", "list", "--limit", "50")
    assert entries and problems(entries, list[AuditEntryOut]) == []


def test_backups_have_their_declared_shapes(office: Path) -> None:
    made = _desk(office, "backup")
    assert problems(made, BackupOut) == [] and made["audit_head"]
    listed = _desk(office, "backup", "list")
    assert any(b["path"] == made["path"] for b in listed)
    assert problems(listed, list[BackupOut]) == []
    checked = _desk(office, "backup", "check")
    assert checked["ok"] and problems(checked, BackupCheckOut) == []


def test_the_calendar_lists_have_their_declared_shapes(office: Path) -> None:
    own = _desk(office, "calendar", "list")
    assert own and problems(own, list[ExceptionDay]) == []
    year = _desk(office, "calendar", "list", "--year", "2026")
    assert {d["origin"] for d in year} >= {"statutory", "office"}
    assert problems(year, list[YearDay]) == []


def test_a_renamed_key_fails_against_these_shapes_too() -> None:
    clerk = {"id": "ab", "name": "Lan", "role": "clerk", "counter": 1, "active": True}
    assert problems(clerk, ClerkOut) == []
    renamed = {**{k: v for k, v in clerk.items() if k != "counter"}, "counter_number": 1}
    assert problems(renamed, ClerkOut) == ["$.counter: missing",
                                           "$.counter_number: not declared in ClerkOut"]

"""Issue 15 §4: the command line is no longer an admin without a PIN. Bulk personal data and
changes to clerks, roles, audit, retention or restore need a supervisor's or admin's name and
PIN (same login and lockout as the counter); other commands are audited as `cli:<OS user>`."""

from __future__ import annotations

import getpass
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.trust import audit
from desk.services.trust.actor import Actor
from desk.services.trust.auth import LOCK_TIME, login, unlock

SUPERVISOR, SUP_PIN = "Trần Văn Minh", "2345"
ADMIN, ADMIN_PIN = "Lê Quốc Huy", "3456"
CLERK, CLERK_PIN = "Nguyễn Thị Lan", "1234"


def _office(run_desk: Any) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Hiệp",
                 "--id", "040095000123", "--no-print")
    assert r.returncode == 0, r.stderr


def _actions(run_desk: Any, **filters: str) -> list[dict[str, Any]]:
    args = [a for k, v in filters.items() for a in (f"--{k}", v)]
    r = run_desk("audit", "list", *args, "--json", env={"DESK_CLERK": ADMIN,
                                                       "DESK_PIN": ADMIN_PIN})
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)  # type: ignore[no-any-return]


def test_citizen_export_needs_a_supervisor_and_pin(run_desk: Any) -> None:
    _office(run_desk)
    bare = run_desk("citizen", "export", "040095000123")
    assert bare.returncode == 2 and "--clerk" in bare.stderr and "040095000123" not in bare.stdout
    wrong = run_desk("citizen", "export", "040095000123", "--clerk", SUPERVISOR, "--pin-stdin",
                     stdin="9999\n")
    assert wrong.returncode == 1 and "PIN" in wrong.stderr and not wrong.stdout.strip()
    clerk = run_desk("citizen", "export", "040095000123", "--clerk", CLERK,
                     env={"DESK_PIN": CLERK_PIN})
    assert clerk.returncode == 1 and not clerk.stdout.strip()
    ok = run_desk("citizen", "export", "040095000123", "--clerk", SUPERVISOR, "--pin-stdin",
                  stdin=SUP_PIN + "\n")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["citizen"]["id_number"] == "040095000123"
    logins = [(e["action"], e["actor_name"]) for e in _actions(run_desk, clerk=SUPERVISOR)]
    assert ("login_failed", SUPERVISOR) in logins and ("login", SUPERVISOR) in logins
    assert ("export", SUPERVISOR) in logins


@pytest.mark.parametrize("args", [
    ("citizen", "purge", "--before", "2020-01-01", "--dry-run"),
    ("clerk", "add", "Đỗ Văn Mới", "--role", "admin"),
    ("clerk", "unlock", CLERK),
    ("report", "book", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "xlsx",
     "--out", "book.xlsx"),
], ids=["purge", "clerk_add", "unlock", "book"])
def test_sensitive_commands_refuse_without_a_pin(run_desk: Any, args: tuple[str, ...]) -> None:
    _office(run_desk)
    r = run_desk(*args, stdin="")
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "--clerk" in r.stderr


def test_restore_needs_an_admin(run_desk: Any, tmp_path: Path) -> None:
    _office(run_desk)
    made = run_desk("backup", "--json")
    assert made.returncode == 0, made.stderr
    path = json.loads(made.stdout)["path"]
    assert run_desk("restore", path).returncode == 2
    sup = run_desk("restore", path, "--clerk", SUPERVISOR, env={"DESK_PIN": SUP_PIN})
    assert sup.returncode == 1 and "Traceback" not in sup.stderr
    ok = run_desk("restore", path, "--clerk", ADMIN, env={"DESK_PIN": ADMIN_PIN})
    assert ok.returncode == 0, ok.stderr


def test_first_admin_without_pin_then_only_with_one(run_desk: Any) -> None:
    first = run_desk("clerk", "add", "Quản Trị Đầu", "--role", "admin", "--pin-stdin",
                     stdin="135790\n")
    assert first.returncode == 0, first.stderr
    second = run_desk("clerk", "add", "Kẻ Lạ", "--role", "admin", "--pin-stdin",
                      stdin="111111\n")
    assert second.returncode == 2
    ok = run_desk("clerk", "add", "Cán Bộ Hai", "--role", "clerk", "--counter", "2",
                  "--clerk", "Quản Trị Đầu", "--pin-stdin", stdin="135790\n246802\n")
    assert ok.returncode == 0, ok.stderr
    names = [c["name"] for c in json.loads(run_desk("clerk", "list", "--json").stdout)]
    assert names == ["Cán Bộ Hai", "Quản Trị Đầu"]


def test_scripts_keep_working_and_are_audited_as_the_os_user(run_desk: Any) -> None:
    _office(run_desk)
    assert run_desk("backup").returncode == 0
    by = {e["actor_name"] for e in _actions(run_desk, action="backup")}
    assert by == {f"cli:{getpass.getuser()}"}


def test_clerk_option_needs_that_clerks_pin(run_desk: Any) -> None:
    _office(run_desk)
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Mạo Danh",
                 "--no-print", "--clerk", CLERK)
    assert r.returncode == 2 and "PIN" in r.stderr
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Đúng Người",
                 "--no-print", "--clerk", CLERK, env={"DESK_PIN": CLERK_PIN})
    assert r.returncode == 0, r.stderr


# -- lockout, audited -----------------------------------------------------------------------
def _wrong(ctx: DeskContext, n: int) -> str:
    key = ""
    for _ in range(n):
        with pytest.raises(DomainError) as e:
            login(ctx, CLERK, "0000", counter=1)
        key = e.value.key
    return key


def test_lockout_grows_each_round_and_an_admin_unlocks(demo_ctx: DeskContext,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    start = demo_ctx.now()
    assert _wrong(demo_ctx, 3) == "auth.locked"
    with pytest.raises(DomainError, match="locked"):
        login(demo_ctx, CLERK, CLERK_PIN, counter=1)  # even the right PIN waits
    waits = []
    for _round in range(3):
        row = _clerk_row(demo_ctx)
        waits.append(row.locked_until - demo_ctx.now())
        monkeypatch.setattr(demo_ctx, "now", lambda until=row.locked_until: until)
        assert _wrong(demo_ctx, 3) == "auth.locked"
    assert waits[0] == LOCK_TIME and waits[1] == 2 * LOCK_TIME and waits[2] == 4 * LOCK_TIME
    with pytest.raises(DomainError):
        unlock(demo_ctx, CLERK, Actor(id=None, name=SUPERVISOR, role="supervisor"))
    unlock(demo_ctx, CLERK, Actor(id=None, name=ADMIN, role="admin"))
    assert login(demo_ctx, CLERK, CLERK_PIN, counter=1).name == CLERK
    reasons = [e["detail"].get("reason") for e in audit.entries(demo_ctx, clerk=CLERK)
               if e["action"] in ("login", "login_failed")]
    assert {"bad_pin", "lockout", "locked"} <= set(reasons)
    assert any(e["detail"].get("unlock") == CLERK for e in audit.entries(demo_ctx))
    ok = [e for e in audit.entries(demo_ctx, clerk=CLERK) if e["action"] == "login"]
    assert ok and ok[0]["counter"] == 1
    assert start <= demo_ctx.now()


def _clerk_row(ctx: DeskContext) -> Any:
    from sqlmodel import select

    from storage.engine import read_session
    from storage.tables import Clerk

    with read_session(ctx.engine) as s:
        return s.exec(select(Clerk).where(Clerk.name == CLERK)).one()


def test_pin_length_is_configurable(tmp_path: Path) -> None:
    from desk.config import Settings
    from desk.services.context import DeskContext as Ctx
    from desk.services.trust.clerks import add_clerk

    settings = Settings.from_dict({"storage": {"database": str(tmp_path / "d.sqlite3")},
                                        "security": {"pin_min_length": 6}})
    ctx = Ctx(settings)
    try:
        with pytest.raises(DomainError):
            add_clerk(ctx, "Ngắn Quá", "clerk", "12345")
        add_clerk(ctx, "Đủ Dài", "clerk", "123456")
        add_clerk(ctx, "Rất Dài", "clerk", "123456789012")
    finally:
        ctx.close()
    assert timedelta(0) < LOCK_TIME

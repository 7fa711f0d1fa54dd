"""The `desk` command as an administrator uses it: real files; `desk.cli.main` in this process
(`run_desk`), a real subprocess for the smoke tests (`run_desk_process`)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def test_help_lists_every_command_without_importing_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from desk.cli import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('textual', 'sqlalchemy', 'sqlmodel', 'pydantic', 'alembic')"
        " if m in sys.modules]\n"
        "print(repr(heavy))\n"
        "print(buf.getvalue())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True).stdout
    assert out.splitlines()[0] == "[]"
    for command in ("demo", "db", "catalog", "calendar", "validate", "clerk", "dossier"):
        assert f"    {command}" in out


def test_calendar_due_examples(run_desk) -> None:  # type: ignore[no-untyped-def]
    run_desk("demo", "--no-tui")  # loads the make-up Saturdays and swapped days
    cases = {
        # domain.md §2: Monday 10:00 + 3 working days → Thursday 10:00
        ("2026-11-02 10:00", "3 working_days"): "2026-11-05 10:00",
        # Tết 2026: off Mon 16 – Fri 20 Feb (weekends around it)
        ("2026-02-12 10:00", "3 working_days"): "2026-02-24 10:00",
        # 2/9/2026 break: Mon 31 Aug swapped off, Sat 22 Aug worked, 1–2 Sep holidays
        ("2026-08-21 10:00", "2 working_days"): "2026-08-24 10:00",
        ("2026-08-28 10:00", "2 working_days"): "2026-09-04 10:00",
        # same day: before and after the 15:00 cut-off, and a Friday after it
        ("2026-11-02 14:00", "same_day"): "2026-11-02 17:00",
        ("2026-11-02 15:30", "same_day"): "2026-11-03 17:00",
        ("2026-11-06 16:00", "same_day"): "2026-11-09 17:00",
    }
    for (received, limit), expected in cases.items():
        r = run_desk("calendar", "due", "--received", received, "--limit", limit)
        assert r.returncode == 0, r.stderr
        assert r.stdout.strip() == expected, (received, limit, r.stdout)


def test_calendar_due_by_procedure_and_bad_input(run_desk) -> None:  # type: ignore[no-untyped-def]
    run_desk("demo", "--no-tui")
    r = run_desk("calendar", "due", "--received", "2026-11-02 10:00", "--procedure", "1.004873")
    assert r.stdout.strip() == "2026-11-05 10:00"
    for args in (("--received", "02/11/2026", "--limit", "3 working_days"),
                 ("--received", "2026-11-02 10:00", "--limit", "3 fortnights"),
                 ("--received", "2026-11-02 10:00", "--procedure", "9.999999")):
        r = run_desk("calendar", "due", *args)
        assert r.returncode != 0 and "Traceback" not in r.stderr and r.stderr.strip()


def test_calendar_day_says_why(run_desk) -> None:  # type: ignore[no-untyped-def]
    run_desk("demo", "--no-tui")
    assert "Làm bù cho ngày 31/08/2026" in run_desk("calendar", "day", "2026-08-22").stdout
    off = run_desk("calendar", "day", "2026-08-31", "--json")
    assert json.loads(off.stdout)["working"] is False
    tet = json.loads(run_desk("calendar", "day", "2026-02-17", "--json").stdout)
    assert tet["working"] is False and tet["reason_key"] == "calendar.holiday"
    sat = json.loads(run_desk("calendar", "day", "2026-11-21", "--json").stdout)
    assert sat["working"] is False and sat["reason_key"] == "calendar.weekend"


def test_validate_exit_codes(run_desk) -> None:  # type: ignore[no-untyped-def]
    ok = run_desk("validate", "id", "040 095 000 123", "--birth", "1995-05-01", "--sex", "M")
    assert ok.returncode == 0 and ok.stdout.splitlines()[0] == "040095000123"
    bad = run_desk("validate", "id", "040095000123", "--birth", "1996-05-01")
    assert bad.returncode == 1 and "1995" in bad.stderr
    assert run_desk("validate", "id", "123456789").returncode == 0  # old 9-digit CMND
    phone = run_desk("validate", "phone", "+84 912 345 678")
    assert phone.returncode == 0 and phone.stdout.strip() == "0912345678"
    assert run_desk("validate", "phone", "0212345678").returncode == 1


def test_english_office(run_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / "en.toml"
    cfg.write_text('[office]\nlanguage = "en"\n[storage]\ndatabase = "en.sqlite3"\n',
                   encoding="utf-8")
    r = run_desk("validate", "phone", "12", config=cfg)
    assert r.returncode == 1 and "digits" in r.stderr
    assert "administrative-procedure dossiers" in run_desk("--help", config=cfg).stdout


def test_db_upgrade_check_and_demo_idempotent(run_desk_process) -> None:  # type: ignore[no-untyped-def]
    """A smoke test of the real command: a fresh `python -m desk.cli` per step."""
    run_desk = run_desk_process
    first = run_desk("db", "upgrade", "--json")
    assert json.loads(first.stdout)["changed"] is True
    assert json.loads(run_desk("db", "upgrade", "--json").stdout)["changed"] is False
    for _ in range(2):
        assert run_desk("demo", "--no-tui").returncode == 0
    clerks = json.loads(run_desk("clerk", "list", "--json").stdout)
    assert sorted(c["role"] for c in clerks) == ["admin", "clerk", "supervisor"]
    check = run_desk("db", "check", "--json")
    assert check.returncode == 0 and json.loads(check.stdout)["integrity"] == "ok"


def test_catalog_commands(run_desk, tmp_path) -> None:  # type: ignore[no-untyped-def]
    src = REPO / "desk" / "demo_data" / "catalog.json"
    r = run_desk("catalog", "import", str(src))
    assert r.returncode == 0
    again = run_desk("catalog", "import", str(src), "--json")
    assert json.loads(again.stdout)["changed"] is False
    rows = json.loads(run_desk("catalog", "list", "--json").stdout)
    assert any(p["code"] == "1.001193" for p in rows)
    bad = tmp_path / "bad.json"
    bad.write_text('{"catalog_version": 2, "procedures": [{"code": "X"}]}', encoding="utf-8")
    r = run_desk("catalog", "import", str(bad))
    assert r.returncode == 1 and "procedures[1]" in r.stderr and "Traceback" not in r.stderr


def test_clerk_add_with_pin_from_stdin(run_desk) -> None:  # type: ignore[no-untyped-def]
    first = run_desk("clerk", "add", "Quản Trị", "--role", "admin", "--pin-stdin",
                     stdin="975310\n")  # the office's first admin needs no PIN (issue 15)
    assert first.returncode == 0, first.stderr
    admin = {"DESK_CLERK": "Quản Trị", "DESK_PIN": "975310"}
    r = run_desk("clerk", "add", "Phạm Thu Trang", "--role", "clerk", "--pin-stdin",
                 stdin="4321\n", env=admin)
    assert r.returncode == 0, r.stderr
    short = run_desk("clerk", "add", "Võ Văn Tư", "--role", "clerk", "--pin-stdin", stdin="12\n",
                     env=admin)
    assert short.returncode == 1 and "4 đến 12" in short.stderr
    names = [c["name"] for c in json.loads(run_desk("clerk", "list", "--json").stdout)]
    assert "Phạm Thu Trang" in names and "Võ Văn Tư" not in names


def test_usage_errors_are_not_tracebacks(run_desk) -> None:  # type: ignore[no-untyped-def]
    r = run_desk("calendar", "due", "--received")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_dossier_commands(run_desk) -> None:  # type: ignore[no-untyped-def]
    run_desk("demo", "--no-tui", "--no-dossiers")
    env = {"DESK_NOW": "2026-11-23 09:00"}
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Hiệp",
                 "--id", "040095000123", "--phone", "0912345678", "--json", env=env)
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)["code"]
    found = json.loads(run_desk("dossier", "search", "nguyen van hiep", "--json",
                                env=env).stdout)
    assert [d["code"] for d in found] == [code]
    bad = run_desk("dossier", "act", code, "refuse", env=env)
    assert bad.returncode == 1 and "lý do" in bad.stderr
    illegal = run_desk("dossier", "act", code, "return_result", "--method", "post",
                       "--tracking", "EMS1", env=env)
    assert illegal.returncode == 1 and "Đã tiếp nhận" in illegal.stderr
    done = run_desk("dossier", "act", code, "refuse", "--reason", "Sai thẩm quyền", "--json",
                    env=env)
    assert json.loads(done.stdout)["status"] == "REFUSED"
    listed = json.loads(run_desk("dossier", "list", "--status", "REFUSED", "--json",
                                 env=env).stdout)
    assert [d["code"] for d in listed] == [code]

"""The commands as an administrator runs them: backup, restore, audit, citizen export."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

ADMIN = {"DESK_CLERK": "Lê Quốc Huy", "DESK_PIN": "3456"}  # the demo admin (issue 15)


def _office(run_desk) -> None:  # type: ignore[no-untyped-def]
    assert run_desk("demo", "--no-tui").returncode == 0
    r = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Hiệp",
                 "--id", "040095000123", "--phone", "0912345678", "--no-print")
    assert r.returncode == 0, r.stderr


def test_backup_restore_and_audit_from_the_command_line(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _office(run_desk)
    usb = tmp_path / "usb"
    usb.mkdir()
    r = run_desk("backup", "--to", str(usb), "--plain", "--json")  # unencrypted: asked for
    assert r.returncode == 0, r.stderr
    info = json.loads(r.stdout)
    assert Path(info["path"]).is_file() and Path(info["copied_to"]).is_file()
    assert info["counts"]["dossier"] >= 1  # the demo office may hold sample dossiers too

    r = run_desk("backup", "list")
    assert r.returncode == 0 and "thủ công" in r.stdout

    r = run_desk("restore", info["path"], env=ADMIN)  # an admin's PIN (issue 15)
    assert r.returncode == 0, r.stderr
    assert "Đã khôi phục" in r.stdout and "giữ lại" in r.stdout

    r = run_desk("audit", "verify")
    assert r.returncode == 0, r.stderr
    assert "nguyên vẹn" in r.stdout

    db = tmp_path / "office.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor_name = 'Ai đó' WHERE seq = 1")
    conn.commit()
    conn.close()
    r = run_desk("audit", "verify")
    assert r.returncode == 1
    assert "mục số 1" in r.stderr and "bị sửa" in r.stderr

    r = run_desk("audit", "list", "--json")
    actions = [e["action"] for e in json.loads(r.stdout)]
    # the restored file continues its own trail (its "backup" entry came after the copy and
    # stays in the set-aside file); the restore itself is recorded
    assert {"restore", "verify"} <= set(actions)


def test_citizen_export_is_for_supervisors_and_audited(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _office(run_desk)
    clerk = run_desk("clerk", "add", "Cán Bộ Thử", "--role", "clerk", "--counter", "1",
                     "--pin-stdin", stdin="1234\n", env=ADMIN)
    assert clerk.returncode == 0, clerk.stderr
    r = run_desk("citizen", "export", "040095000123", "--clerk", "Cán Bộ Thử",
                 env={"DESK_PIN": "1234"})
    assert r.returncode == 1
    assert "không có quyền xuất dữ liệu cá nhân" in r.stderr

    out = tmp_path / "xuat.json"
    r = run_desk("citizen", "export", "040095000123", "--out", str(out), env=ADMIN)
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["citizen"]["id_number"] == "040095000123"
    assert len(data["dossiers"]) == 1 and data["events"][0]["kind"] == "receive"
    if os.name != "nt":
        assert out.stat().st_mode & 0o777 == 0o600

    r = run_desk("audit", "list", "--citizen", "040095000123", "--json")
    assert [e["action"] for e in json.loads(r.stdout)] == ["export"]
    denied = run_desk("audit", "list", "--clerk", "Cán Bộ Thử", "--json")
    assert [e["action"] for e in json.loads(denied.stdout)] == ["denied", "login"]

    r = run_desk("citizen", "export", "999999999999", env=ADMIN)
    assert r.returncode == 1 and "Không tìm thấy công dân" in r.stderr


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_backup_check_reports_a_damaged_database(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _office(run_desk)
    assert run_desk("backup").returncode == 0
    db = tmp_path / "office.sqlite3"
    for side in ("-wal", "-shm"):
        (tmp_path / f"office.sqlite3{side}").unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    data[4096 * 2: 4096 * 6] = os.urandom(4096 * 4)
    db.write_bytes(bytes(data))
    r = run_desk("backup", "check")
    assert r.returncode == 1
    assert "bị hỏng" in r.stderr and "desk restore" in r.stderr

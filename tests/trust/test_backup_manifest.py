"""Issue 15 §5: restore checks the manifest's digest before anything else; backups that leave
the data folder are encrypted with the office's backup passphrase by default, and `--plain`
is explicit and audited."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.trust import audit, backup
from tests.trust.conftest import ADMIN, SUPERVISOR, take_in

ADMIN_ENV = {"DESK_CLERK": "Lê Quốc Huy", "DESK_PIN": "3456"}  # the demo office's admin
SUP_ENV = {"DESK_CLERK": "Trần Văn Minh", "DESK_PIN": "2345"}


def _dossiers(ctx: DeskContext) -> int:
    with ctx.engine.connect() as c:
        return int(c.exec_driver_sql("SELECT count(*) FROM dossier").scalar() or 0)


def _altered(path: Path) -> None:
    """A well-formed SQLite edit (integrity_check still says ok): every clerk made an admin.
    Only the digest can tell."""
    conn = sqlite3.connect(path)
    assert conn.execute("UPDATE clerk SET role = 'admin'").rowcount > 0
    conn.commit()
    conn.close()


def test_an_altered_backup_is_refused_and_nothing_is_touched(demo_ctx: DeskContext) -> None:
    take_in(demo_ctx)
    info = backup.create_backup(demo_ctx, actor=ADMIN)
    take_in(demo_ctx, name="Trần Thị Sau")
    _altered(info.path)
    db = demo_ctx.settings.database_path
    with pytest.raises(DomainError) as e:
        backup.restore(demo_ctx, info.path, actor=ADMIN)
    assert e.value.key == "restore.digest_mismatch"
    with pytest.raises(DomainError) as e:
        backup.check_backup(demo_ctx, info.path)
    assert e.value.key == "restore.digest_mismatch"
    assert _dossiers(demo_ctx) == 2  # the current database is the one in use, untouched
    assert not list(db.parent.glob(f"{db.name}.before-restore-*"))


def test_a_backup_without_its_manifest_needs_an_explicit_yes(demo_ctx: DeskContext) -> None:
    take_in(demo_ctx)
    info = backup.create_backup(demo_ctx, actor=ADMIN)
    info.path.with_name(info.path.name + ".json").unlink()
    with pytest.raises(DomainError) as e:
        backup.restore(demo_ctx, info.path, actor=ADMIN)
    assert e.value.key == "restore.no_manifest"
    backup.restore(demo_ctx, info.path, actor=ADMIN, without_manifest=True)
    entry = audit.entries(demo_ctx, action="restore")[0]
    assert entry["detail"]["without_manifest"] is True


def test_restore_cli_says_why_in_vietnamese(run_desk: Any) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    made = run_desk("backup", "--json")
    path = Path(json.loads(made.stdout)["path"])
    _altered(path)
    r = run_desk("restore", str(path), env=ADMIN_ENV)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "không khớp mã băm" in r.stderr and "Không khôi phục gì" in r.stderr


def test_a_copy_out_is_encrypted_by_default(run_desk: Any, tmp_path: Path) -> None:
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    refused = run_desk("backup", "--to", str(usb))
    assert refused.returncode == 1 and "desk backup passphrase" in refused.stderr
    assert not list(usb.iterdir())  # nothing readable left on the stick

    weak = run_desk("backup", "passphrase", "--passphrase-stdin", stdin="ngắn\n", env=ADMIN_ENV)
    assert weak.returncode == 2 and "ít nhất 10" in weak.stderr
    sup = run_desk("backup", "passphrase", "--passphrase-stdin", stdin="mật khẩu văn phòng\n",
                   env=SUP_ENV)
    assert sup.returncode == 1 and "Traceback" not in sup.stderr  # settings.change: admin only
    ok = run_desk("backup", "passphrase", "--passphrase-stdin", stdin="mật khẩu văn phòng\n",
                  env=ADMIN_ENV)
    assert ok.returncode == 0, ok.stderr

    made = run_desk("backup", "--to", str(usb), "--json")
    assert made.returncode == 0, made.stderr
    copied = Path(json.loads(made.stdout)["copied_to"])
    assert copied.name.endswith(".sqlite3.enc") and backup.is_encrypted(copied)
    assert b"SQLite format 3" not in copied.read_bytes()
    check = run_desk("backup", "verify", str(copied), "--passphrase-stdin",
                     stdin="mật khẩu văn phòng\n")
    assert check.returncode == 0, check.stderr

    plain = run_desk("backup", "--to", str(usb), "--plain", "--json")
    assert plain.returncode == 0, plain.stderr
    assert "KHÔNG được mã hóa" in plain.stderr
    assert not backup.is_encrypted(Path(json.loads(plain.stdout)["copied_to"]))
    listed = run_desk("audit", "list", "--action", "backup", "--json", env=ADMIN_ENV)
    details = [e["detail"] for e in json.loads(listed.stdout)]
    assert [d["plain_copy"] for d in details[:2]] == [True, False]
    changes = run_desk("audit", "list", "--action", "change", "--json", env=ADMIN_ENV)
    assert any(e["target_id"] == "backup.passphrase" and e["actor_name"] == "Lê Quốc Huy"
               for e in json.loads(changes.stdout))
    assert "mật khẩu văn phòng" not in changes.stdout


def test_setting_the_passphrase_needs_settings_change(demo_ctx: DeskContext) -> None:
    with pytest.raises(DomainError) as e:
        backup.set_passphrase(demo_ctx, "mật khẩu văn phòng", SUPERVISOR)
    assert e.value.key == "role.denied"
    backup.set_passphrase(demo_ctx, "mật khẩu văn phòng", ADMIN)
    assert backup.office_passphrase(demo_ctx) == "mật khẩu văn phòng"
    mode = backup.passphrase_path(demo_ctx).stat().st_mode & 0o777
    assert mode == 0o600

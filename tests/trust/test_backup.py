"""Backups: online copy checked, rotation, USB copy, encryption, restore, epoch, file modes,
the start-up check of a damaged database."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.trust import audit, backup, backup_files
from tests.trust.conftest import ADMIN, CLERK1, take_in

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


def _mode(p: Path) -> int:
    return p.stat().st_mode & 0o777


def _dossiers(ctx: DeskContext) -> list[str]:
    with ctx.engine.connect() as c:
        return [r[0] for r in c.execute(text("SELECT code FROM dossier ORDER BY code"))]


def test_backup_is_checked_and_private(demo_ctx: DeskContext) -> None:
    take_in(demo_ctx)
    info = backup.create_backup(demo_ctx, actor=ADMIN)
    assert info.path.is_file() and info.path.parent == backup.backup_dir(demo_ctx)
    assert info.counts["dossier"] == 1 and info.sha256
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # standalone file
    conn.close()
    assert [b.path for b in backup.list_backups(demo_ctx)] == [info.path]
    assert audit.entries(demo_ctx, action="backup")[0]["target_id"] == info.path.name
    if os.name != "nt":
        assert _mode(info.path) == 0o600
        assert _mode(info.path.parent) == 0o700


def test_a_clerk_may_not_back_up(demo_ctx: DeskContext) -> None:
    with pytest.raises(DomainError) as e:
        backup.create_backup(demo_ctx, actor=CLERK1)
    assert e.value.key == "role.denied"


def test_the_copy_is_not_blocked_by_a_counter_writing(demo_ctx: DeskContext,
                                                      tmp_path: Path) -> None:
    take_in(demo_ctx)
    other = sqlite3.connect(demo_ctx.settings.database_path, isolation_level=None, timeout=10)
    other.execute("BEGIN IMMEDIATE")  # a counter in the middle of an intake
    other.execute("DELETE FROM dossier_event")  # uncommitted: must not be in the copy
    snap = backup_files.online_copy(demo_ctx.settings.database_path, tmp_path / "copy.sqlite3")
    other.execute("ROLLBACK")
    other.close()
    assert snap["counts"]["dossier_event"] == 1
    assert backup_files.check_plain(tmp_path / "copy.sqlite3", counts=snap["counts"]) == []


def test_copy_to_usb_and_missing_stick(demo_ctx: DeskContext, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backup.create_backup(demo_ctx, actor=ADMIN, dest=usb, plain=True)  # asked for
    assert info.copied_to == usb / info.path.name
    assert info.copied_to.read_bytes() == info.path.read_bytes()
    assert (usb / (info.path.name + ".json")).is_file()
    with pytest.raises(DomainError) as e:
        backup.create_backup(demo_ctx, actor=ADMIN, dest=tmp_path / "no-stick", plain=True)
    assert e.value.key == "backup.dest_missing"


def test_encrypted_backup_round_trip(demo_ctx: DeskContext) -> None:
    pytest.importorskip("cryptography")
    code = take_in(demo_ctx)["code"]
    info = backup.create_backup(demo_ctx, actor=ADMIN, passphrase="mật khẩu dài 2026")
    raw = info.path.read_bytes()
    assert info.path.name.endswith(".sqlite3.enc") and backup.is_encrypted(info.path)
    assert b"SQLite format 3" not in raw and "Nguyễn".encode() not in raw
    with pytest.raises(DomainError) as e:
        backup.check_backup(demo_ctx, info.path, "sai mật khẩu")
    assert e.value.key == "restore.bad_passphrase"
    with pytest.raises(DomainError) as e:
        backup.check_backup(demo_ctx, info.path, None)
    assert e.value.key == "restore.needs_passphrase"
    cut = info.path.with_name("cut.sqlite3.enc")
    cut.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(DomainError) as e:
        backup.check_backup(demo_ctx, cut, "mật khẩu dài 2026")
    assert e.value.key in ("restore.truncated", "restore.bad_passphrase")
    assert backup.check_backup(demo_ctx, info.path, "mật khẩu dài 2026")["counts"]["dossier"] == 1
    take_in(demo_ctx)
    backup.restore(demo_ctx, info.path, passphrase="mật khẩu dài 2026", actor=ADMIN)
    assert _dossiers(demo_ctx) == [code]


def test_restore_keeps_the_current_file_and_never_reuses_numbers(demo_ctx: DeskContext) -> None:
    first = take_in(demo_ctx)["code"]
    info = backup.create_backup(demo_ctx, actor=ADMIN)
    second = take_in(demo_ctx)["code"]  # handed out after the backup: printed on a receipt
    result = backup.restore(demo_ctx, info.path, actor=ADMIN)
    assert result.set_aside is not None and result.set_aside.is_file()
    assert sqlite3.connect(result.set_aside).execute(
        "SELECT count(*) FROM dossier").fetchone()[0] == 2  # nothing thrown away
    assert _dossiers(demo_ctx) == [first]
    third = take_in(demo_ctx)["code"]
    assert third not in (first, second) and third > second
    assert result.device_epoch == 2
    with demo_ctx.engine.connect() as c:
        assert c.execute(text("SELECT value FROM device_state WHERE key='device_epoch'")
                         ).scalar() == "2"
    assert audit.entries(demo_ctx, action="restore")[0]["detail"]["device_epoch"] == 2
    assert audit.verify(demo_ctx.engine).ok
    if os.name != "nt":
        assert _mode(demo_ctx.settings.database_path) == 0o600


def test_restore_keeps_the_sync_identity_and_raises_the_epoch(demo_ctx: DeskContext) -> None:
    with demo_ctx.engine.begin() as c:
        c.execute(text("INSERT INTO sync_state (id, device_id, device_epoch, last_seq,"
                       " pull_cursor, hlc_last, last_error) VALUES (1, 'dev-a', 3, 10, 'p10',"
                       " '0000000000010.00000.deva', '')"))
    info = backup.create_backup(demo_ctx, actor=ADMIN)
    with demo_ctx.engine.begin() as c:
        c.execute(text("UPDATE sync_state SET last_seq=25, hlc_last='0000000000099.00000.deva',"
                       " pull_cursor='p25'"))
    backup.restore(demo_ctx, info.path, actor=ADMIN)
    with demo_ctx.engine.connect() as c:
        row = c.execute(text("SELECT device_id, device_epoch, last_seq, hlc_last, pull_cursor"
                             " FROM sync_state")).one()
    assert tuple(row) == ("dev-a", 4, 25, "0000000000099.00000.deva", "p10")


def test_restore_refuses_bad_files(demo_ctx: DeskContext, tmp_path: Path) -> None:
    take_in(demo_ctx)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    newer = backup.create_backup(demo_ctx, actor=ADMIN).path
    c = sqlite3.connect(newer)
    c.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    c.commit()
    c.close()
    manifest = newer.with_name(newer.name + ".json")  # as a newer release would have written it
    data = json.loads(manifest.read_text(encoding="utf-8"))
    manifest.write_text(json.dumps({**data, "sha256": backup_files.sha256_of(newer)}),
                        encoding="utf-8")
    for path, key in ((tmp_path / "missing.sqlite3", "restore.missing"),
                      (junk, "restore.not_backup"), (other, "restore.not_backup"),
                      (newer, "restore.newer_schema")):
        with pytest.raises(DomainError) as e:
            backup.restore(demo_ctx, path, actor=ADMIN)
        assert e.value.key == key
    assert len(_dossiers(demo_ctx)) == 1  # the current database was never touched


def _fake(folder: Path, when: datetime, kind: str = "auto") -> Path:
    p = folder / f"desk-{when:%Y%m%d-%H%M%S}-{kind}.sqlite3"
    p.write_bytes(b"x")
    return p


def test_rotation_keeps_7_daily_4_weekly_12_monthly(ctx: DeskContext) -> None:
    folder = backup.backup_dir(ctx)
    folder.mkdir(parents=True)
    start = datetime(2026, 11, 23, 7, 0)
    for i in range(400):  # one automatic backup a day for 400 days
        _fake(folder, start - timedelta(days=i))
    manual = [_fake(folder, start - timedelta(days=i, hours=1), "manual") for i in range(15)]
    backup.rotate(ctx)
    left = backup.list_backups(ctx)
    auto = sorted(b.created.date() for b in left if b.kind == "auto")
    assert len([b for b in left if b.kind == "manual"]) == backup.KEEP_MANUAL
    assert all(m.exists() for m in manual[: backup.KEEP_MANUAL])
    recent = [start.date() - timedelta(days=i) for i in range(7)]
    assert set(recent) <= set(auto)
    assert len({(d.year, d.month) for d in auto}) == 12
    assert len(auto) <= 7 + 4 + 12


def test_auto_backup_once_a_day(demo_ctx: DeskContext) -> None:
    first = backup.auto_backup_if_due(demo_ctx)
    assert first is not None and first.kind == "auto"
    assert backup.auto_backup_if_due(demo_ctx) is None
    assert backup.auto_backup_if_due(demo_ctx, today=date(2026, 11, 24)) is not None


@posix_only
def test_database_files_are_made_private_at_start(demo_ctx: DeskContext) -> None:
    db = demo_ctx.settings.database_path
    os.chmod(db, 0o644)
    assert backup.quick_check(demo_ctx).ok
    assert _mode(db) == 0o600
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        assert _mode(wal) == 0o600


def test_quick_check_offers_the_newest_good_backup(demo_ctx: DeskContext) -> None:
    take_in(demo_ctx)
    good = backup.create_backup(demo_ctx, actor=ADMIN)
    db = demo_ctx.settings.database_path
    demo_ctx.close()
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    page = 4096
    for p in range(1, len(data) // page):  # scribble over every page but the header
        data[p * page + 100: p * page + 400] = os.urandom(300)
    db.write_bytes(bytes(data))
    report = backup.quick_check(demo_ctx)
    assert not report.ok
    assert report.backup is not None and report.backup.path == good.path
    msg = report.message()
    assert "bị hỏng" in msg and "desk restore" in msg and str(good.path) in msg
    backup.restore(demo_ctx, good.path, actor=ADMIN)
    assert backup.quick_check(demo_ctx).ok
    assert len(_dossiers(demo_ctx)) == 1

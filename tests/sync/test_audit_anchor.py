"""Issue 15 §5: the audit chain's head is anchored at the province. Every sync pushes it, the
district keeps it, and `desk audit verify` compares the local chain with it — over real HTTP,
against the real district server (SQLite and PostgreSQL).

Before the anchor, a deleted tail, or a row edited with the chain recomputed after it, passed
`desk audit verify` whenever no backup had recorded the head."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desk.commands.audit_verify import province_check
from desk.district.anchor import count_heads, heads
from desk.district.tables import Quarantine
from desk.services.trust import audit
from desk.services.trust.actor import SYSTEM
from desk.sync.anchor import AnchorRefused, fetch_heads, push_head
from desk.sync.transport import ClientConfig, Transport
from storage.engine import write_session
from tests.sync.harness import OFFICE, District, client, intake, write_config


def _entries(ctx: Any, n: int) -> None:
    for i in range(n):
        audit.log(ctx, SYSTEM, audit.VIEW, target_type="dossier", target_id=f"D{i}")


def _sync(ctx: Any, district: District) -> None:
    c = client(ctx, district.url, district.token)
    try:
        c.sync_once()
    finally:
        c.close()


def _device(ctx: Any) -> str:
    with ctx.engine.connect() as c:
        return str(c.execute(text("SELECT device_id FROM sync_state WHERE id=1")).scalar())


def _tamper(ctx: Any, *sql: str) -> None:
    """Someone with the file: drop the append-only triggers, change rows, put them back (so the
    schema check sees nothing)."""
    with ctx.engine.begin() as c:
        triggers = [r[0] for r in c.execute(text(
            "SELECT sql FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"))]
        c.execute(text("DROP TRIGGER IF EXISTS audit_log_no_update"))
        c.execute(text("DROP TRIGGER IF EXISTS audit_log_no_delete"))
        for q in sql:
            c.execute(text(q))
        for q in triggers:
            c.execute(text(q))


def _recompute_chain(ctx: Any) -> None:
    """…and make the chain consistent again after an edit (what the anchor must catch)."""
    rows = list(audit._iter_rows(ctx.engine))
    prev, updates = audit.GENESIS, []
    for row in rows:
        h = audit.chain_hash(prev, row)
        updates.append({"s": row["seq"], "p": prev, "h": h})
        prev = h
    _tamper(ctx, *(f"UPDATE audit_log SET prev_hash='{u['p']}', hash='{u['h']}' "
                   f"WHERE seq={u['s']}" for u in updates))


def _desk(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESK_CONFIG": str(tmp / "desk.toml"), "DESK_LANG": "vi",
           "DESK_NOW": "2026-11-23 09:00", "PYTHONIOENCODING": "utf-8", "HOME": str(tmp)}
    return subprocess.run([sys.executable, "-m", "desk.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=tmp, timeout=120)


def test_every_sync_pushes_the_head_and_the_district_keeps_it(office: Any,
                                                              district: District) -> None:
    intake(office, 2)
    _entries(office, 3)
    _sync(office, district)
    kept = heads(district.engine, OFFICE, _device(office))
    assert len(kept) == 1 and (kept[0]["seq"], kept[0]["hash"]) == audit.head(office.engine)
    _entries(office, 2)
    _sync(office, district)  # the same day: that day's head moves on, one row per day
    kept = heads(district.engine, OFFICE, _device(office))
    assert len(kept) == 1 and (kept[0]["seq"], kept[0]["hash"]) == audit.head(office.engine)
    assert count_heads(district.engine, OFFICE) == 1


def test_verify_finds_a_deleted_tail_and_a_recomputed_chain(tmp_path: Path, office: Any,
                                                            district: District) -> None:
    write_config(tmp_path, district.url, district.token)
    _entries(office, 6)
    _sync(office, district)
    r = _desk(tmp_path, "audit", "verify")
    assert r.returncode == 0, r.stderr
    assert "Khớp với 1 mốc máy chủ tỉnh lưu" in r.stdout

    # the tail removed: the chain alone still verifies, the province's head does not
    seq = heads(district.engine, OFFICE, _device(office))[0]["seq"]
    _tamper(office, f"DELETE FROM audit_log WHERE seq > {seq - 3}")
    assert audit.verify(office.engine).ok
    r = _desk(tmp_path, "audit", "verify")
    assert r.returncode == 1
    assert f"tỉnh lưu mục số {seq}" in r.stderr and "các mục cuối đã bị xóa" in r.stderr
    assert "Traceback" not in r.stderr
    data = json.loads(_desk(tmp_path, "audit", "verify", "--json").stdout)
    assert data["ok"] is False and data["province"]["status"] == "behind"


def test_verify_finds_an_edit_with_the_chain_recomputed(tmp_path: Path, office: Any,
                                                        district: District) -> None:
    write_config(tmp_path, district.url, district.token)
    _entries(office, 6)
    _sync(office, district)
    _tamper(office, "UPDATE audit_log SET actor_name='Người khác' WHERE seq=2")
    _recompute_chain(office)
    assert audit.verify(office.engine).ok  # consistent again: only the anchor can tell
    r = _desk(tmp_path, "audit", "verify")
    assert r.returncode == 1
    assert "khác với mốc tỉnh lưu" in r.stderr and "tính lại chuỗi băm" in r.stderr


def test_the_district_refuses_a_head_that_goes_back(office: Any, district: District) -> None:
    _entries(office, 5)
    _sync(office, district)
    seq, digest = audit.head(office.engine)
    _tamper(office, f"DELETE FROM audit_log WHERE seq = {seq}")
    net = Transport(ClientConfig(district.url, district.token, OFFICE))
    try:
        with pytest.raises(AnchorRefused, match="audit_behind"):
            push_head(net, office.engine)
        kept = fetch_heads(net, _device(office))
    finally:
        net.close()
    assert kept is not None and (kept[0]["seq"], kept[0]["hash"]) == (seq, digest)
    with district.engine.connect() as c:  # the province sees the refusal
        reasons = [r[0] for r in c.execute(text(
            f"SELECT reason FROM {Quarantine.__tablename__}"))]
    assert "audit_head:behind" in reasons


def test_an_unreachable_province_is_said_plainly(tmp_path: Path, office: Any,
                                                 district: District) -> None:
    write_config(tmp_path, district.url, district.token)
    _entries(office, 2)
    _sync(office, district)
    district.stop()
    r = _desk(tmp_path, "audit", "verify")
    assert r.returncode == 3, r.stdout + r.stderr
    assert "Nhật ký truy cập nguyên vẹn" in r.stdout
    assert "CHƯA so được với mốc máy chủ tỉnh lưu: không kết nối được" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_restore_starts_a_new_series_without_a_false_alarm(
        office: Any, district: District, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.services.trust.backup import create_backup, restore

    monkeypatch.setenv("DESK_SYNC_URL", district.url)
    monkeypatch.setenv("DESK_SYNC_TOKEN", district.token)
    _entries(office, 3)
    _sync(office, district)
    info = create_backup(office, kind="manual")
    _entries(office, 4)
    _sync(office, district)  # the province holds entries the backup lacks
    restore(office, info.path, actor=SYSTEM)
    assert province_check(office)["status"] == "ok"  # the restore recorded what was lost
    _entries(office, 1)
    _sync(office, district)  # the new epoch's series
    assert province_check(office)["status"] == "ok"
    epochs = {h["epoch"] for h in heads(district.engine, OFFICE, _device(office))}
    assert len(epochs) == 2

    # a restored file whose trail was cut before the restore: the restore cannot explain it
    with write_session(office.engine) as s:
        s.execute(text("UPDATE sync_state SET device_epoch = device_epoch + 1"))
        s.execute(text("UPDATE device_state SET value = CAST(value AS INTEGER) + 1 "
                       "WHERE key = 'device_epoch'"))
    assert province_check(office)["status"] == "epoch"


def test_a_restore_onto_a_new_pc_is_said_not_alarmed(tmp_path: Path, office: Any,
                                                    district: District) -> None:
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from desk.services.trust.backup import create_backup, restore
    from tests.sync.harness import DESK_NOW

    _entries(office, 3)
    _sync(office, district)
    info = create_backup(office, kind="manual")
    _entries(office, 4)
    _sync(office, district)  # then the old PC dies
    settings = Settings.from_dict({
        "storage": {"database": str(tmp_path / "new-pc" / "desk.sqlite3")},
        "sync": {"server_url": district.url, "token": district.token}})
    (tmp_path / "new-pc").mkdir()
    ctx = DeskContext(settings, clock=fixed_clock(DESK_NOW))
    try:
        restore(ctx, info.path, actor=SYSTEM)
        verdict = province_check(ctx)
        assert verdict["status"] == "new_pc" and verdict["have"] == 0
        _sync(ctx, district)
        assert province_check(ctx)["status"] == "new_pc"  # said each time, never a failure
    finally:
        ctx.close()

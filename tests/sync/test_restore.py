"""Scenario 15: a stale backup restored at the office. The district gives back what the desk
had pushed after the backup point; nothing is lost, nothing doubled, no code merged."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlmodel import select

from desk.district.changes import decide, state_of
from desk.services.dossier.lifecycle import act
from desk.services.trust import backup
from desk.services.trust.actor import Actor
from storage.engine import read_session
from tests.sync.harness import OFFICE, TZ, check, client, intake, local_states

ADMIN = Actor(id=None, name="Phạm Quản Trị", role="admin")


def _history_after_a_backup(office: Any, district: Any) -> tuple[Any, dict[str, list[str]]]:
    """Two dossiers synced, a backup, then more work pushed and district decisions pulled, and
    one dossier never sent. Returns (backup info, codes by group)."""
    c = client(office, district.url, district.token)
    before = intake(office, 2)
    act(office, before[0], "transfer")
    c.sync_once()
    info = backup.create_backup(office, actor=ADMIN)
    after = intake(office, 2, name="Lê Thị")
    act(office, after[0], "transfer")
    act(office, before[1], "transfer")
    c.sync_once()
    decide(district.engine, OFFICE, after[0], "start_processing", actor="Phòng Tư pháp")
    decide(district.engine, OFFICE, before[0], "start_processing")
    decide(district.engine, OFFICE, before[0], "result_ready")
    c.sync_once()
    act(office, before[0], "return_result", receiver="Nguyễn Văn 0")  # after a decision
    act(office, after[1], "transfer")
    c.sync_once()
    unsent = intake(office, 1, name="Trần Văn")  # never left the office: lost with the restore
    c.close()
    return info, {"before": before, "after": after, "unsent": unsent}


def _sequence(ctx: Any) -> int:
    with ctx.engine.connect() as conn:
        return int(conn.execute(text("SELECT max(last) FROM dossier_sequence")).scalar() or 0)


def test_restore_on_the_same_machine_recovers_own_events(district: Any, office: Any) -> None:
    info, codes = _history_after_a_backup(office, district)
    expected = state_of(district.engine, OFFICE)
    backup.restore(office, info.path, actor=ADMIN)
    assert set(local_states(office)) == set(codes["before"])  # the backup's view
    c = client(office, district.url, district.token)
    rep = c.sync_once()
    assert rep.recovered == 6  # 2 receives, 3 transfers, 1 return_result
    assert rep.pushed == {}  # nothing recovered is sent again
    assert local_states(office) == expected
    assert local_states(office)[codes["before"][0]] == "RETURNED"
    check(office, district.engine)
    # the numbers handed out after the backup (even the unsent one) are never reused
    new = intake(office, 1, name="Đỗ Thị")[0]
    assert new > codes["unsent"][0]
    assert c.sync_once().recovered == 0  # done once
    check(office, district.engine)
    c.close()


def _new_machine(tmp: Path, district: Any) -> Any:
    """A desk on a machine with no database yet (the old PC died)."""
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext

    settings = Settings.from_dict({"storage": {"database": str(tmp / "desk.sqlite3")},
                                        "sync": {"server_url": district.url,
                                                 "token": district.token}})
    return DeskContext(settings, clock=fixed_clock(datetime(2026, 11, 23, 9, 0, tzinfo=TZ)))


def test_restore_on_a_new_machine_recovers_before_numbering(district: Any, office: Any,
                                                            tmp_path: Path) -> None:
    info, codes = _history_after_a_backup(office, district)
    expected = state_of(district.engine, OFFICE)
    ctx = _new_machine(tmp_path / "new-pc", district)
    try:
        backup.restore(ctx, info.path, actor=ADMIN)
        c = client(ctx, district.url, district.token)
        assert c.sync_once().recovered == 6
        assert _sequence(ctx) >= int(codes["after"][1].rsplit("-", 1)[1])
        new = intake(ctx, 1, name="Đỗ Thị")[0]
        assert new not in codes["before"] + codes["after"]
        c.sync_once()
        assert {k: v for k, v in local_states(ctx).items() if k != new} == expected
        check(ctx, district.engine)
        c.close()
    finally:
        ctx.close()


def test_a_code_reissued_before_the_recovery_is_a_conflict_never_merged(
        district: Any, office: Any, tmp_path: Path) -> None:
    from storage.tables.sync import OutboxEvent, SyncConflict

    info, codes = _history_after_a_backup(office, district)
    reused = codes["after"][0]  # handed out after the backup, pushed, then the PC died
    district_before = state_of(district.engine, OFFICE)
    ctx = _new_machine(tmp_path / "new-pc", district)
    try:
        backup.restore(ctx, info.path, actor=ADMIN)
        # offline at first: the counter takes in a citizen, and gets the number again
        again = intake(ctx, 1, name="Vũ Văn Khác")[0]
        assert again == reused
        act(ctx, again, "transfer")
        c = client(ctx, district.url, district.token)
        c.sync_once()
        with read_session(ctx.engine) as s:
            conflicts = {(x.entity_id, x.reason) for x in s.exec(select(SyncConflict))}
            results = {r.server_result for r in s.exec(select(OutboxEvent).where(
                OutboxEvent.entity_id == reused, OutboxEvent.state == "rejected"))}
        assert (reused, "code_reused") in conflicts  # the desk shows it to a person
        assert results == {"rejected:code_exists"}  # neither the receive nor the transfer
        with district.engine.connect() as conn:
            reasons = conn.execute(text("SELECT reason FROM conflict WHERE entity_id = :c"),
                                   {"c": reused}).scalars().all()
            applicant = conn.execute(text("SELECT applicant FROM dossier_state WHERE code = :c"),
                                     {"c": reused}).scalar()
        assert reasons == ["code_exists"]  # logged once, for the receive
        assert applicant == "Lê Thị 0"  # the district's dossier is untouched
        assert state_of(district.engine, OFFICE) == district_before
        # the desk keeps its own dossier under that code; the district's decision on the
        # other one is not applied to it
        with read_session(ctx.engine) as s:
            from storage.tables import Dossier

            mine = s.exec(select(Dossier).where(Dossier.code == reused)).one()
        assert mine.applicant_name == "Vũ Văn Khác 0" and mine.status == "TRANSFERRED"
        # everything else came back
        others = {k: v for k, v in district_before.items() if k != reused}
        assert {k: v for k, v in local_states(ctx).items() if k in others} == others
        c.close()
    finally:
        ctx.close()


def test_recovery_is_idempotent_across_a_crash(district: Any, office: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The process dies after applying a recovered page, before its commit: the next sync
    gets the same page again and applies it once."""
    import desk.sync.client as client_mod

    info, _ = _history_after_a_backup(office, district)
    backup.restore(office, info.path, actor=ADMIN)

    class Died(BaseException):
        pass

    def crash(name: str) -> None:
        if name == "recover_mid_apply":
            raise Died(name)

    monkeypatch.setattr(client_mod, "crash_point", crash)
    c = client(office, district.url, district.token)
    with pytest.raises(Died):
        c.sync_once()
    monkeypatch.undo()
    assert c.sync_once().recovered == 6
    check(office, district.engine)
    c.close()

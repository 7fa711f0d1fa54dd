"""Two-tier government (issue 16 §3): `desk province …` is `desk district …`, the UI says
"máy chủ tỉnh", and a dossier for a resident of another commune is flagged for routing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from desk.domain.residence import commune_of, other_commune
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.views import show
from tests.conftest import local
from tests.deadlines.conftest import PROC_3WD


def test_province_is_an_alias_of_every_district_command(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "province.sqlite3")
    res = run_desk("province", "--help")
    assert res.returncode == 0 and "máy chủ tỉnh" in res.stdout
    added = run_desk("province", "office", "add", "000.00.00.H41", "--name", "UBND xã Minh Châu",
                     "--db", db, "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["office"] == "000.00.00.H41"
    old = run_desk("district", "status", "--db", db, "--json")  # the old name still works
    assert old.returncode == 0 and "000.00.00.H41" in json.loads(old.stdout)["offices"]
    new = run_desk("province", "status", "--db", db, "--json")
    assert json.loads(new.stdout) == json.loads(old.stdout)
    sync_help = run_desk("sync", "--help")
    assert "máy chủ tỉnh" in sync_help.stdout and "máy chủ huyện" not in sync_help.stdout


def test_commune_of_an_address() -> None:
    assert commune_of("Xóm 3, xã Minh Châu, Nghệ An") == "minh chau"
    assert commune_of("Số 5 Lê Lợi, Phường Vinh Phú, tỉnh Nghệ An") == "vinh phu"
    assert commune_of("Nghệ An") is None
    assert other_commune("Thôn 2, xã Diễn Châu, Nghệ An", "UBND xã Minh Châu (văn phòng mẫu)")
    assert not other_commune("Xóm 3, XÃ MINH CHÂU", "UBND xã Minh Châu (văn phòng mẫu)")
    assert not other_commune("", "UBND xã Minh Châu")


def test_a_resident_of_another_commune_is_received_and_flagged(
        office: Callable[..., DeskContext]) -> None:
    ctx = office(2026, 11, 23, 9, 0)

    def take(address: str) -> dict:  # type: ignore[type-arg]
        return receive(ctx, IntakeIn(procedure_code=PROC_3WD, applicant=ApplicantIn(
            name="Nguyễn Văn Hiệp", phone="0912345678", address=address),
            received_at=local(2026, 11, 23, 8, 0)), print_receipt=False)

    here = take("Xóm 3, xã Minh Châu, Nghệ An")
    there = take("Thôn 2, xã Diễn Châu, Nghệ An")
    assert here["other_commune"] is False and there["other_commune"] is True
    [receive_event] = [e for e in show(ctx, there["code"])["timeline"] if e["kind"] == "receive"]
    assert receive_event["payload"]["other_commune"] == "dien chau"  # synced to the province
    assert there["status"] == "RECEIVED"

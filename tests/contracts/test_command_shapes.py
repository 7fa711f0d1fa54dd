"""More `--json` contracts (issue 20 step 5): notices, the audit trail, clerks, backups and the
calendar's lists print exactly the keys their declared shapes name (the services return those
shapes; mypy checks the services, this checks what reaches stdout on the regular path)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import desk
from desk.district.shapes import (
    CalendarPublished,
    CatalogPublished,
    DistrictStatusOut,
    OfficeAdded,
    RoutesOut,
)
from desk.rules.shapes import FormListOut
from desk.services.deadlines.shapes import DueOut, ExceptionDay, YearDay
from desk.services.dossier.shapes import (
    ActionOutput,
    CardOut,
    DossierView,
    FeeQrOut,
    ReconcileOut,
    VietQrOut,
)
from desk.services.notify.shapes import NoticeOut, NoticeSummary
from desk.services.shapes import (
    CatalogImportOut,
    DbCheckOut,
    DbUpgradeOut,
    DemoOut,
    ProcedureOut,
    ValidIdOut,
    ValidPhoneOut,
)
from desk.services.trust.shapes import (
    AuditEntryOut,
    AuditVerifyOut,
    BackupCheckOut,
    BackupOut,
    BackupVerifyOut,
    CitizenExport,
    ClerkOut,
    PurgeOut,
    RestoreOut,
)
from desk.sync.shapes import SyncStatusOut
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
    """The demo office with a bank account for fees, and an office day off."""
    home = tmp_path_factory.mktemp("commands")
    (home / "desk.toml").write_text('[storage]\ndatabase = "office.sqlite3"\n\n[bank]\n'
                                    'bin = "970436"\naccount = "0011001234567"\n'
                                    'name = "UBND XA MINH CHAU"\n', encoding="utf-8")
    days = home / "days.csv"
    days.write_text("date,kind,note\n2026-12-31,OFF,Kiểm kê cuối năm\n", encoding="utf-8")
    demo = _desk(home, "demo", "--no-tui")
    (home / "demo.json").write_text(json.dumps(demo), encoding="utf-8")
    r = run_cli(("calendar", "import", str(days)), env=_env(home), cwd=home)
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
    admin = {**_env(office), "DESK_CLERK": "Lê Quốc Huy", "DESK_PIN": "3456"}
    r = run_cli(["clerk", "add", "Phạm Thu Hà", "--role", "clerk", "--counter", "3",
                 "--pin-stdin", "--json"], env=admin, cwd=office, stdin="4826\n")
    assert r.returncode == 0, r.stderr
    assert problems(json.loads(r.stdout), ClerkOut) == []
    clerks = _desk(office, "clerk", "list")
    assert len(clerks) >= 4 and problems(clerks, list[ClerkOut]) == []
    _desk(office, "backup")  # an audited act, at least
    entries = _desk(office, "audit", "list", "--limit", "50")
    assert entries and problems(entries, list[AuditEntryOut]) == []
    verdict = _desk(office, "audit", "verify")
    assert verdict["ok"] and verdict["checked"] and problems(verdict, AuditVerifyOut) == []


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
    for how in (("--limit", "3 working_days"), ("--procedure", "1.004873")):
        due = _desk(office, "calendar", "due", "--received", "2026-11-23 09:00", *how)
        assert due["due"] > due["received"] and problems(due, DueOut) == []


def test_sync_status_has_its_declared_shape(office: Path) -> None:
    assert problems(_desk(office, "sync", "status"), SyncStatusOut) == []


def test_fee_qr_and_reconcile_have_their_declared_shapes(office: Path) -> None:
    codes = [_desk(office, "dossier", "receive", "--procedure", "1.004873", "--name", name,
                   "--no-print")["code"] for name in ("Lê Thị Mai", "Phạm Văn Bình")]
    qr = _desk(office, "fee", "qr", codes[0])
    assert qr["amount"] == 15000 and problems(qr, FeeQrOut) == []
    bare = _desk(office, "fee", "vietqr", "--bin", "970422", "--account", "0023457923442")
    assert bare["amount"] is None and problems(bare, VietQrOut) == []
    statement = office / "statement.csv"
    statement.write_text(
        "Ngày GD;Mã giao dịch;Diễn giải;Nợ/Debit;Có/Credit;Số dư/Balance\n"
        f"23/11/2026;FT1;HS {codes[0]};;15000.00;1000000.00\n"
        f"23/11/2026;FT2;HS {codes[1]} chuyen thieu;;10000.00;1000000.00\n"
        "23/11/2026;FT3;TIEN DIEN;;50000.00;1000000.00\n", encoding="utf-8")
    first = _desk(office, "fee", "reconcile", str(statement))
    assert len(first["matched"]) == 1 and len(first["unmatched"]) == 2
    assert problems(first, ReconcileOut) == []
    again = _desk(office, "fee", "reconcile", str(statement))
    assert len(again["already"]) == 1 and problems(again, ReconcileOut) == []


def test_district_status_and_routes_have_their_declared_shapes(office: Path) -> None:
    db = str(office / "province.sqlite3")
    added = [_desk(office, "district", "office", "add", oid, "--name", "UBND xã Minh Châu",
                   "--db", db) for oid in ("40.16681", "000.00.00.H42")]
    assert added[0]["unit"] and added[1]["legacy_id"]
    assert problems(added, list[OfficeAdded]) == []
    status = _desk(office, "district", "status", "--db", db)
    assert len(status["offices"]) == 2 and problems(status, DistrictStatusOut) == []
    assert problems(_desk(office, "district", "routes", "--db", db), RoutesOut) == []
    catalog = Path(desk.__file__).parent / "demo_data" / "catalog.json"
    published = _desk(office, "district", "catalog", "publish", str(catalog), "--db", db)
    assert published["changed"] and problems(published, CatalogPublished) == []
    days = _desk(office, "district", "calendar", "publish", str(office / "days.csv"), "--db", db)
    assert days["days"] == 1 and problems(days, CalendarPublished) == []


def test_demo_catalog_and_db_check_have_their_declared_shapes(office: Path) -> None:
    demo = json.loads((office / "demo.json").read_text(encoding="utf-8"))
    assert demo["clerks"] and problems(demo, DemoOut) == []
    procedures = _desk(office, "catalog", "list")
    assert procedures and problems(procedures, list[ProcedureOut]) == []
    again = _desk(office, "catalog", "import", str(Path(desk.__file__).parent / "demo_data"
                                                  / "catalog.json"))
    assert again["changed"] is False and problems(again, CatalogImportOut) == []
    checked = _desk(office, "db", "check")
    assert checked["ok"] and problems(checked, DbCheckOut) == []
    upgraded = _desk(office, "db", "upgrade")
    assert upgraded["changed"] is False and problems(upgraded, DbUpgradeOut) == []


def test_actions_and_facts_print_the_dossier_view(office: Path) -> None:
    code = _desk(office, "dossier", "receive", "--procedure", "1.004873", "--name", "Đỗ Văn Nam",
                 "--no-print")["code"]
    paid = _desk(office, "dossier", "fee", code, "--receipt", "BL-9")
    assert paid["fee"]["status"] == "paid" and problems(paid, DossierView) == []
    stopped = _desk(office, "dossier", "act", code, "stop", "--reason", "Công dân xin dừng")
    assert stopped["status"] == "STOPPED" and problems(stopped, ActionOutput) == []
    assert set(stopped["stop_notice_jobs"]) == {"letter", "slip"}  # Form 05 queued


def test_a_citizen_export_and_purge_have_their_declared_shapes(office: Path) -> None:
    _desk(office, "dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Hiệp",
          "--id", "040095000123", "--no-print")
    supervisor = {**_env(office), "DESK_CLERK": "Trần Văn Minh", "DESK_PIN": "2345"}
    r = run_cli(["citizen", "export", "040095000123"], env=supervisor, cwd=office)
    assert r.returncode == 0, r.stderr
    export = json.loads(r.stdout)
    assert export["dossiers"] and export["events"] and problems(export, CitizenExport) == []
    admin = {**_env(office), "DESK_CLERK": "Lê Quốc Huy", "DESK_PIN": "3456"}
    r = run_cli(["citizen", "purge", "--before", "2031-01-01", "--dry-run", "--json"],
                env=admin, cwd=office)
    assert r.returncode == 0, r.stderr
    purge = json.loads(r.stdout)
    assert purge["citizens"] and problems(purge, PurgeOut) == []


def test_validate_has_its_declared_shapes(office: Path) -> None:
    pid = _desk(office, "validate", "id", "040095000123")
    assert pid["province_name"] and problems(pid, ValidIdOut) == []
    assert problems(_desk(office, "validate", "phone", "+84 912 345 678"), ValidPhoneOut) == []
    card = _desk(office, "citizen", "read-qr", "001089012345|123456789|Trần Thị Bé|15031990|Nữ|"
                 "Hà Nội|01012022")
    assert card["old_id"] and problems(card, CardOut) == []
    born_later = _desk(office, "citizen", "read-qr", "001200012345||Lê Văn Tí|15032027|Nam|Huế|"
                       "01012022")  # a birth date after today: a warning
    assert born_later["warnings"] and problems(born_later, CardOut) == []


def test_a_backup_verified_and_restored_have_their_declared_shapes(office: Path) -> None:
    """Last but one: the office is put back from its own backup."""
    made = _desk(office, "backup")
    verified = _desk(office, "backup", "verify", made["path"])
    assert verified["counts"]["dossier"] and problems(verified, BackupVerifyOut) == []
    admin = {**_env(office), "DESK_CLERK": "Lê Quốc Huy", "DESK_PIN": "3456"}
    r = run_cli(["restore", made["path"], "--json"], env=admin, cwd=office)
    assert r.returncode == 0, r.stderr
    restored = json.loads(r.stdout)
    assert restored["set_aside"] and problems(restored, RestoreOut) == []


def test_form_list_has_its_declared_shape(office: Path) -> None:
    for which in ((), ("--set", "2025")):
        out = _desk(office, "form", "list", *which)
        assert out["forms"] and out["papers"] and problems(out, FormListOut) == []


def test_a_renamed_key_fails_against_these_shapes_too() -> None:
    clerk = {"id": "ab", "name": "Lan", "role": "clerk", "counter": 1, "active": True}
    assert problems(clerk, ClerkOut) == []
    renamed = {**{k: v for k, v in clerk.items() if k != "counter"}, "counter_number": 1}
    assert problems(renamed, ClerkOut) == ["$.counter: missing",
                                           "$.counter_number: not declared in ClerkOut"]
    # the values of a dict[str, X] are checked too: an office's row inside `offices`
    office = {"name": "X", "revoked": False, "events": 0, "dossiers": {"RECEIVED": "2"},
              "conflicts": 0, "attachments_complete": 0, "attachments_incomplete": 0,
              "attachments_bytes": 0, "last_contact": None,
              "tickets": {"issued": 0, "events": 0, "issued_by_day": {}},
              "ratings": {"count": 0, "mean_score": None}}
    assert problems({"offices": {"H41": office}}, DistrictStatusOut) == [
        "$.offices.H41.dossiers.RECEIVED: expected an integer, got '2'"]

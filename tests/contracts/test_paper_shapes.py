"""Papers and printers: `desk printer status|test --json`, `desk print receipt|form --json`,
`desk apology CODE --json` and `desk backup auto --json` print exactly the keys their declared
shapes name (desk/services/printing/shapes.py, deadlines/shapes.py; issue 20 step 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.services.deadlines.shapes import ApologyOut
from desk.services.dossier.shapes import AttachOutput, DossierView
from desk.services.printing.shapes import PrintedOut, PrinterStatusOut
from desk.services.trust.shapes import BackupOut
from tests.contracts.office_cli import desk_json
from tests.contracts.shape_check import problems

CONFIG = """[storage]
database = "office.sqlite3"

[printers.receipt]
profile = "epson80"
transport = "dir:"
kind = "thermal"

[printers.a4]
kind = "a4"
transport = "dir:"

[printers.loop]
profile = "epson80"
transport = "loop://"
kind = "thermal"
"""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office, its receipt and A4 printers writing to files, and a thermal printer
    on pyserial's loop:// (it echoes the status queries: a printer that says nothing)."""
    home = tmp_path_factory.mktemp("papers")
    (home / "desk.toml").write_text(CONFIG, encoding="utf-8")
    desk_json(home, "demo", "--no-tui", "--no-dossiers")
    return home


def _received(office: Path, name: str) -> str:
    out = desk_json(office, "dossier", "receive", "--procedure", "1.004873", "--name", name,
                    "--phone", "0912345678", "--no-print")
    return str(out["code"])


def test_printer_status_has_its_declared_shape(office: Path) -> None:
    asked = desk_json(office, "printer", "status", "loop", exit_code=3)  # not ready
    assert (asked["source"], asked["state"], asked["responding"]) == ("probe", "silent", False)
    assert problems(asked, PrinterStatusOut) == []
    for name in ("receipt", "a4"):  # no status to ask: unknown, without the bits
        plain = desk_json(office, "printer", "status", name)
        assert plain["ok"] is None and "responding" not in plain
        assert problems(plain, PrinterStatusOut) == []


def test_printed_papers_have_their_declared_shape(office: Path) -> None:
    code = _received(office, "Lê Văn Tâm")
    sheet = desk_json(office, "printer", "test", "receipt")
    assert sheet["state"] == "done" and problems(sheet, PrintedOut) == []
    receipt = desk_json(office, "print", "receipt", code)
    assert receipt["submitted"] == "new" and receipt["done_at"]
    assert problems(receipt, PrintedOut) == []
    again = desk_json(office, "print", "receipt", code)  # printed before: a marked reprint
    assert again["reprint_of"] == receipt["id"] and problems(again, PrintedOut) == []
    form = desk_json(office, "print", "form", "1", code)
    assert form["kind"] == "form" and problems(form, PrintedOut) == []


def test_an_apology_has_its_declared_shape(office: Path) -> None:
    code = _received(office, "Trần Thị Thu")
    letter = desk_json(office, "apology", code, "--reason", "Chờ xác minh của Công an xã",
                       "--pdf", str(office / "apology.pdf"))
    assert letter["pdf"] and letter["print_jobs"] and letter["sms"] == "0912345678"
    assert problems(letter, ApologyOut) == []
    assert letter["dossier"]["apologised"] and problems(letter["dossier"], DossierView) == []


def test_facts_and_an_automatic_backup_have_their_declared_shapes(office: Path) -> None:
    code = _received(office, "Phạm Minh Khoa")
    scan = office / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    attached = desk_json(office, "dossier", "attach", code, str(scan))
    assert attached["attached"]["added"] and problems(attached, AttachOutput) == []
    desk_json(office, "dossier", "step", code, "--to", "Công an xã", "--days", "3")
    answered = desk_json(office, "dossier", "step-result", code, "--agency", "Công an xã")
    assert answered["steps"][0]["result_at"] and problems(answered, DossierView) == []
    auto = desk_json(office, "backup", "auto")  # none made yet today: one is due
    assert auto is not None and problems(auto, BackupOut) == []
    assert desk_json(office, "backup", "auto") is None  # made: not due again today


def test_a_printed_datetime_is_checked_as_emit_prints_it() -> None:
    job = {"id": "1", "printer": "a4", "kind": "form", "ref": "X", "state": "done",
           "attempts": 1, "bytes": 10, "bytes_sent": 10, "last_error": "",
           "created_at": "2026-11-23 02:00:00.123456+00:00", "next_attempt_at": None,
           "expires_at": None, "done_at": "2026-11-23 02:00:01+00:00", "reprint_of": None,
           "submitted": "new"}
    assert problems(job, PrintedOut) == []
    assert problems({**job, "created_at": "hôm qua"}, PrintedOut) == [
        "$.created_at: expected a date-time, got 'hôm qua'"]

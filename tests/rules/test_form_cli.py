"""`desk form list [--set 2025] --json` and `desk print form N CODE` with each set's own
numbers (issue 16 §2)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from desk.config import load_file
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from tests.conftest import local
from tests.deadlines.conftest import intake
from tests.office_template import seeded


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, str, str]:
    """An office with a dossier received on 30/06/2025 and one on 01/07/2025."""
    config = tmp_path / "desk.toml"
    config.write_text('[storage]\ndatabase = "office.sqlite3"\ndata_dir = "data"\n\n'
                      '[printers.receipt]\nprofile = "epson80"\ntransport = "dir:"\n\n'
                      '[printers.a4]\nkind = "a4"\ntransport = "dir:"\n', encoding="utf-8")
    ctx = DeskContext(load_file(config), clock=fixed_clock(local(2025, 7, 1, 9, 0)))
    try:
        seeded(ctx)  # seed_demo(ctx, dossiers=False), built once and copied
        old = intake(ctx, local(2025, 6, 30, 10, 0))["code"]
        new = intake(ctx, local(2025, 7, 1, 8, 0))["code"]
    finally:
        ctx.close()
    return config, old, new


def test_form_list_json_shows_the_forms_of_a_set(run_desk, office) -> None:  # type: ignore[no-untyped-def]
    config, _, _ = office
    res = run_desk("form", "list", "--set", "2025", "--json", config=config)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["set"] == "2025" and data["effective_from"] == "2025-07-01"
    assert [(f["number"], f["key"]) for f in data["forms"]] == [
        ("01", "receipt"), ("02", "supplement"), ("03", "refusal"), ("04", "apology"),
        ("05", "stop"), ("06", "control"), ("07", "book")]
    stop = data["forms"][4]
    assert stop["title"] == "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
    assert {"key": "reason", "label": "Lý do dừng giải quyết"} in stop["fields"]
    assert stop["signature"]["blocks"] and stop["recipients"]
    old = json.loads(run_desk("form", "list", "--set", "2018", "--json", config=config).stdout)
    assert [f["number"] for f in old["forms"]] == ["01", "02", "03", "04", "05", "06"]
    today = json.loads(run_desk("form", "list", "--json", config=config,
                                env={"DESK_NOW": "2025-06-30 10:00"}).stdout)
    assert today["set"] == "2018"
    bad = run_desk("form", "list", "--set", "1999", config=config)
    assert bad.returncode != 0 and "1999" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_print_form_takes_the_dossier_sets_numbers(run_desk, office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config, old, new = office

    def text(n: int, code: str) -> str:
        pdf = tmp_path / f"{n}-{code}.pdf"
        res = run_desk("print", "form", str(n), code, "--pdf", str(pdf), config=config)
        assert res.returncode == 0, res.stderr
        return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                       text=True, check=True).stdout.split())

    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text(5, old)  # 2018 numbers
    assert "SỔ THEO DÕI HỒ SƠ" in text(6, old)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text(4, old)
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text(5, new)
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text(6, new)
    assert "SỔ THEO DÕI HỒ SƠ" in text(7, new)
    res = run_desk("print", "form", "7", old, "--pdf", str(tmp_path / "x.pdf"), config=config)
    assert res.returncode != 0 and "2018" in res.stderr and "Traceback" not in res.stderr


def test_print_form_on_a_thermal_printer_prints_the_slip(run_desk, office, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config, _, new = office
    res = run_desk("print", "form", "5", new, "--printer", "receipt", "--json", config=config)
    assert res.returncode == 0, res.stderr
    job = json.loads(res.stdout)
    txt = tmp_path / "data" / "print" / "receipt" / f"{job['id']}.txt"
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in txt.read_text(encoding="utf-8")

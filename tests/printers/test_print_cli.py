"""`desk printer …` and `desk print …` as an administrator runs them."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from desk.config import load_file
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from printers.escpos import PRESETS, decode_text
from tests.conftest import local
from tests.office_template import seeded

CODE = "000.00.00.H41-261123-0001"


def _config(tmp_path: Path, receipt_transport: str = "dir:") -> Path:
    path = tmp_path / "desk.toml"
    path.write_text(
        '[storage]\ndatabase = "office.sqlite3"\ndata_dir = "data"\n\n'
        f'[printers.receipt]\nprofile = "epson80"\ntransport = "{receipt_transport}"\n\n'
        '[printers.a4]\nkind = "a4"\ntransport = "dir:"\n', encoding="utf-8")
    return path


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A demo office with one received dossier."""
    from sqlmodel import select

    from storage.engine import write_session
    from storage.tables import Citizen, Clerk, Dossier

    config = _config(tmp_path)
    received = local(2026, 11, 23, 9, 0)  # run_desk's pinned instant
    ctx = DeskContext(load_file(config), clock=fixed_clock(received))
    try:
        seeded(ctx)  # seed_demo(ctx, dossiers=False), built once and copied
        with write_session(ctx.engine) as s:
            clerk = s.exec(select(Clerk).where(Clerk.role == "clerk")).first()
            citizen = Citizen(full_name="Nguyễn Thị Hồng Nhung",
                              name_folded="nguyen thi hong nhung", phone="0912345678",
                              address="Xóm 3, xã Minh Châu, Nghệ An")
            s.add(citizen)
            s.flush()
            s.add(Dossier(code=CODE, office_id="000.00.00.H41", procedure_code="1.001193",
                          field_code="HT", citizen_id=citizen.id,
                          applicant_name=citizen.full_name, name_folded=citizen.name_folded,
                          time_limit_value=3, time_limit_unit="working_days",
                          received_at=received, due_at=received + timedelta(days=3),
                          receiving_clerk_id=clerk.id if clerk else None))
    finally:
        ctx.close()
    return config


def test_print_receipt_to_a_file(run_desk, office: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.bin"
    res = run_desk("print", "receipt", CODE, "--out", str(out), config=office)
    assert res.returncode == 0, res.stderr
    text = decode_text(out.read_bytes(), PRESETS["epson80"])
    assert f"Mã hồ sơ: {CODE}" in text and "Nguyễn Thị Hồng Nhung" in text
    assert "Đăng ký khai sinh" in text and f"[CODE128 {CODE}]" in text
    assert "03 ngày làm việc" in text


def test_print_receipt_queues_and_prints(run_desk, office: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = run_desk("print", "receipt", CODE, "--json", config=office)
    assert res.returncode == 0, res.stderr
    job = json.loads(res.stdout)
    assert job["state"] == "done" and job["ref"] == CODE
    txt = tmp_path / "data" / "print" / "receipt" / f"{job['id']}.txt"
    assert CODE in txt.read_text(encoding="utf-8")


def test_print_unknown_dossier(run_desk, office: Path) -> None:  # type: ignore[no-untyped-def]
    res = run_desk("print", "receipt", "NOPE-1", config=office)
    assert res.returncode == 1
    assert "Không tìm thấy hồ sơ có mã NOPE-1" in res.stderr


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("form", [1, 4, 5])
def test_print_form_pdf(run_desk, office: Path, tmp_path: Path, form: int) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / f"f{form}.pdf"
    res = run_desk("print", "form", str(form), CODE, "--pdf", str(pdf), config=office,
                   env={"DESK_FONT_CACHE": str(_font_cache())})
    assert res.returncode == 0, res.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True,
                          timeout=60).stdout.decode("utf-8")
    assert CODE in text and "Minh Châu, ngày" in text  # Decree 30: the commune, then the date


def _font_cache() -> Path:
    from printers.pdf.fonts import font_files

    return next(iter(font_files().values())).parent  # already made by this process


def test_printer_test_sheet(run_desk, office: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = run_desk("printer", "test", "receipt", "--json", config=office)
    assert res.returncode == 0, res.stderr
    job = json.loads(res.stdout)
    text = (tmp_path / "data" / "print" / "receipt" / f"{job['id']}.txt").read_text("utf-8")
    assert "MODE tcvn3" in text and "MODE cp1258" in text  # the raster section is an image
    assert "[RASTER" in text
    assert "ẳ" in text and "Ự" in text


def test_printer_status(run_desk, office: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    res = run_desk("printer", "status", "receipt", "--json", config=office)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["state"] == "unknown"  # a folder has no status
    s = socket.create_server(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    off = _config(tmp_path, f"socket://127.0.0.1:{port}")
    res = run_desk("printer", "status", "receipt", config=off)
    assert res.returncode == 3
    assert "Không kết nối được máy in biên nhận:" in res.stdout  # its label, not the toml key


def test_printer_status_of_a_fake_printer(run_desk, office: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.printers.test_transport import TcpPrinter

    fake = TcpPrinter("paper_out")
    try:
        cfg = _config(tmp_path, fake.url)
        res = run_desk("printer", "status", "receipt", config=cfg)
        assert res.returncode == 3 and "hết giấy" in res.stdout
        res = run_desk("print", "receipt", CODE, "--timeout", "1", config=cfg)
        assert res.returncode == 3 and "sẽ tự in lại" in res.stdout
        fake.come_back("ok")
        res = run_desk("printer", "status", "receipt", "--json", config=cfg)
        st = json.loads(res.stdout)
        assert st["state"] == "ok" and st["queued"] == 1
    finally:
        fake.close()

"""Fees by bank transfer (issue 17 §2): the dossier's VietQR, printed on the thermal receipt
and the A4 Form 01, read back by zxing to the very payload `desk fee qr` gives."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from desk.config import BankConfig
from desk.domain.errors import DomainError
from desk.domain.vietqr import check_crc, parse_tlv
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.fee_qr import fee_purpose, fee_qr
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.receipts import form_data, letterhead, receipt_document
from printers.escpos import PRESETS, decode_image, render
from printers.pdf import form_pdf

zxingcpp = pytest.importorskip("zxingcpp")
BANK = BankConfig(bin="970436", account="0011001234567", name="UBND XA MINH CHAU")


@pytest.fixture
def fctx(demo_ctx: DeskContext) -> DeskContext:
    demo_ctx.settings = dataclasses.replace(demo_ctx.settings, bank=BANK)
    return demo_ctx


def _dossier(ctx: DeskContext, procedure: str = "1.004873", sets: int = 1) -> str:
    view = receive(ctx, IntakeIn(procedure_code=procedure, sets=sets, applicant=ApplicantIn(
        name="Lê Thị Mai", phone="0912345678", address="Xóm 3")), print_receipt=False)
    return str(view["code"])


def test_the_qr_asks_the_fee_due_with_the_code_as_purpose(fctx: DeskContext) -> None:
    code = _dossier(fctx, sets=2)
    data = fee_qr(fctx, code)
    assert data["amount"] == 30000 and data["purpose"] == fee_purpose(code)
    fields = parse_tlv(data["payload"])
    assert fields["01"] == "12" and fields["54"] == "30000"
    assert parse_tlv(parse_tlv(fields["38"])["01"]) == {"00": "970436", "01": "0011001234567"}
    assert parse_tlv(fields["62"])["08"] == data["purpose"]
    assert check_crc(data["payload"])
    assert data["purpose"].isascii() and len(data["purpose"]) <= 25
    assert "".join(ch for ch in code if ch.isalnum()) in \
        "".join(ch for ch in data["purpose"] if ch.isalnum())


def test_purpose_of_a_long_office_code_keeps_its_tail() -> None:
    code = "000.17.22.H56-261204-0007"
    assert fee_purpose(code) == code  # 25 characters: no "HS " prefix
    long_code = "000.00.17.22.H56-261204-0007"
    assert fee_purpose(long_code) == "000001722H562612040007"  # letters and digits


def test_free_procedure_and_no_bank_give_clear_errors(fctx: DeskContext,
                                                      demo_ctx: DeskContext) -> None:
    free = _dossier(fctx, "1.001193")
    with pytest.raises(DomainError) as e:
        fee_qr(fctx, free)
    assert e.value.key == "feeqr.nothing_due"
    fctx.settings = dataclasses.replace(fctx.settings, bank=BankConfig())
    with pytest.raises(DomainError) as e:
        fee_qr(fctx, free)
    assert e.value.key == "feeqr.no_bank"


@pytest.mark.parametrize("profile", ["epson80", "raster", "xprinter58"])
def test_thermal_receipt_png_decodes_to_the_payload(fctx: DeskContext, profile: str) -> None:
    code = _dossier(fctx)
    image = decode_image(render(receipt_document(fctx, code), PRESETS[profile]),
                         PRESETS[profile])
    texts = {r.text for r in zxingcpp.read_barcodes(image)}
    assert fee_qr(fctx, code)["payload"] in texts
    assert code in texts  # the dossier's own QR and barcode are still there


def test_a4_form_01_pdf_decodes_to_the_payload(fctx: DeskContext, tmp_path: Path) -> None:
    code = _dossier(fctx)
    pdf = tmp_path / "form01.pdf"
    pdf.write_bytes(form_pdf(form_data(fctx, 1, code), letterhead(fctx)))
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf),
                    str(tmp_path / "form01")], check=True)
    texts = {r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "form01.png"))}
    assert fee_qr(fctx, code)["payload"] in texts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Lệ phí: 15.000 đồng" in text


def test_no_qr_when_nothing_is_due(fctx: DeskContext) -> None:
    code = _dossier(fctx, "1.001193")
    image = decode_image(render(receipt_document(fctx, code), PRESETS["epson80"]),
                         PRESETS["epson80"])
    assert {r.text for r in zxingcpp.read_barcodes(image)} == {code}


def test_cli_fee_qr_json(run_desk, config_file: Path) -> None:  # type: ignore[no-untyped-def]
    config_file.write_text(config_file.read_text() + '\n[bank]\nbin = "970436"\n'
                           'account = "0011001234567"\nname = "UBND XA MINH CHAU"\n')
    assert run_desk("demo", "--no-tui", "--no-dossiers").returncode == 0
    env = {"DESK_NOW": "2026-11-23 09:00"}
    out = run_desk("dossier", "receive", "--procedure", "1.004873", "--name", "Lê Thị Mai",
                   "--phone", "0912345678", "--json", env=env)
    assert out.returncode == 0, out.stderr
    code = json.loads(out.stdout)["code"]
    got = run_desk("fee", "qr", code, "--json", env=env)
    assert got.returncode == 0, got.stderr
    data = json.loads(got.stdout)
    assert set(data) == {"payload", "amount", "purpose"} and data["amount"] == 15000


def test_cli_bare_vietqr_reproduces_the_vector(run_desk) -> None:  # type: ignore[no-untyped-def]
    got = run_desk("fee", "vietqr", "--bin", "970422", "--account", "0023457923442",
                   "--amount", "40123", "--purpose", "test text string", "--json", config=None)
    assert json.loads(got.stdout)["payload"] == (
        "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405"
        "401235802VN62200816test text string6304D9C6")
    bad = run_desk("fee", "vietqr", "--bin", "12", "--account", "1", config=None)
    assert bad.returncode == 2 and "BIN" in bad.stderr and "Traceback" not in bad.stderr


def test_the_fee_slip_carries_the_qr_account_and_message(fctx: DeskContext) -> None:
    from desk.services.dossier.fee_qr import fee_slip

    code = _dossier(fctx)
    doc = fee_slip(fctx, code)
    image = decode_image(render(doc, PRESETS["epson80"]), PRESETS["epson80"])
    data = fee_qr(fctx, code)
    assert {r.text for r in zxingcpp.read_barcodes(image)} == {data["payload"]}
    text = " ".join(str(getattr(b, "value", "") or getattr(b, "text", "")) for b in doc.blocks)
    assert "0011001234567" in text and data["purpose"] in text

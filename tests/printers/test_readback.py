"""The decoder's PNG is read back by a real barcode reader (zxing-cpp)."""

from __future__ import annotations

import dataclasses

import pytest

from printers.escpos import PRESETS, decode_image, render
from printers.layouts.receipt import build_receipt
from printers.layouts.samples import RECEIPT

zxingcpp = pytest.importorskip("zxingcpp", reason="pip install zxing-cpp to read barcodes")


def _read(profile_name: str, status_url: str | None) -> dict[str, str]:
    data = dataclasses.replace(RECEIPT, status_url=status_url)
    profile = PRESETS[profile_name]
    image = decode_image(render(build_receipt(data), profile), profile)
    found = zxingcpp.read_barcodes(image)
    names = {zxingcpp.BarcodeFormat.Code128: "code128", zxingcpp.BarcodeFormat.QRCode: "qr"}
    return {names.get(r.format, str(r.format)): r.text for r in found}


@pytest.mark.parametrize("profile_name", ["epson80", "raster", "xprinter80", "xprinter58"])
def test_receipt_codes_read_back(profile_name: str) -> None:
    codes = _read(profile_name, None)
    code = RECEIPT.dossier_code
    assert codes.get("code128") == code, codes
    assert codes.get("qr") == code, codes


def test_receipt_qr_carries_status_url() -> None:
    codes = _read("epson80", RECEIPT.status_url)
    assert codes.get("qr") == RECEIPT.status_url
    assert codes.get("code128") == RECEIPT.dossier_code

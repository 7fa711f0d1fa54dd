"""Paper output checked against independent tools (issue 14 §4): the status address in the
QR, the quiet gap between the receipt's two codes and a preview drawn only from the bytes,
a line with a character no code page holds (an emoji) printed as a picture of itself."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from printers.escpos import PRESETS, decode, decode_image, render
from printers.escpos.raster import render_text_line
from printers.layouts.receipt import build_receipt
from printers.layouts.samples import RECEIPT
from tests.printers.test_print_cli import CODE, office  # noqa: F401  (fixture)

zxingcpp = pytest.importorskip("zxingcpp", reason="pip install zxing-cpp to read barcodes")
EPSON = PRESETS["epson80"]


def _codes(image: Image.Image) -> dict[str, str]:
    names = {zxingcpp.BarcodeFormat.Code128: "code128", zxingcpp.BarcodeFormat.QRCode: "qr"}
    return {names.get(r.format, str(r.format)): r.text for r in zxingcpp.read_barcodes(image)}


def test_status_url_placeholder_is_filled(run_desk, office: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """`status_url = "https://…/tra-cuu?ma={code}"`, as desk.toml documents it."""
    text = office.read_text(encoding="utf-8")
    office.write_text('[office]\nstatus_url = "https://dichvucong.example.gov.vn/tra-cuu?ma='
                      '{code}"\n\n' + text, encoding="utf-8")
    out = tmp_path / "r.bin"
    res = run_desk("print", "receipt", CODE, "--out", str(out), config=office)
    assert res.returncode == 0, res.stderr
    want = f"https://dichvucong.example.gov.vn/tra-cuu?ma={CODE}"
    qrs = [e.text for e in decode(out.read_bytes(), EPSON).events if e.kind == "qr"]
    assert qrs == [want]
    assert _codes(decode_image(out.read_bytes(), EPSON)) == {"code128": CODE, "qr": want}


def test_lookup_url_without_placeholder_appends_the_code() -> None:
    from desk.services.dossier.receipts import lookup_url

    assert lookup_url("https://x.vn/tra-cuu?ma={code}", "A-1") == "https://x.vn/tra-cuu?ma=A-1"
    assert lookup_url("https://x.vn/hs/", "A-1") == "https://x.vn/hs/A-1"
    assert lookup_url("  ", "A-1") is None


@pytest.mark.parametrize("profile_name", ["epson80", "xprinter58", "raster"])
def test_receipt_bytes_leave_a_quiet_gap_above_the_qr(profile_name: str) -> None:
    """CODE128 then QR: an ESC J feed of at least the QR's 4-module quiet zone between them
    (native codes and rasterised ones alike), and a reader finds both in the preview."""
    profile = PRESETS[profile_name]
    data = render(build_receipt(RECEIPT), profile)
    events = decode(data, profile).events
    at = next(i for i, e in enumerate(events) if e.kind == "feed" and e.dots)
    before, gap, after = events[at - 1], events[at], events[at + 1]
    if profile.native_qr:
        assert before.kind in ("barcode", "raster") and after.kind == "qr"  # 58 mm: drawn
        assert gap.dots >= 4 * after.module
    else:
        assert (before.kind, after.kind) == ("raster", "raster")
        assert gap.dots >= 8
    assert _codes(decode_image(data, profile)) == {"code128": RECEIPT.dossier_code,
                                                   "qr": RECEIPT.status_url}


def test_preview_shows_only_the_space_the_bytes_ask_for() -> None:
    """The preview draws the paper from the bytes: without the ESC J the codes touch."""
    data = render(build_receipt(RECEIPT), EPSON)
    events = decode(data, EPSON).events
    gap = next(e for i, e in enumerate(events) if e.kind == "feed" and e.dots
               and events[i - 1].kind == "barcode")
    esc_j = bytes((0x1B, 0x4A, gap.dots))
    assert data.count(esc_j) == 1
    with_gap = decode_image(data, EPSON)
    without = decode_image(data.replace(esc_j, b""), EPSON)
    assert with_gap.height - without.height == gap.dots
    assert "qr" not in _codes(without)  # touching codes: the QR cannot be read
    assert _codes(with_gap)["qr"] == RECEIPT.status_url


def _mono(img: Image.Image) -> Image.Image:
    return img.convert("L").point(lambda v: 255 if v >= 128 else 0, mode="L")


def _ink(img: Image.Image) -> int:
    return sum(img.convert("L").histogram()[:128])  # dark dots


def test_emoji_in_a_name_prints_as_its_picture(tmp_path: Path) -> None:
    """No code page holds 😀: its line goes out as a raster image that shows the emoji (drawn
    with a fallback font), not an empty box, and the rest of the name stays readable."""
    name = "Nguyễn Thị Hoa 😀"
    data = render(build_receipt(dataclasses.replace(RECEIPT, applicant_name=name)), EPSON)
    events = decode(data, EPSON).events
    text = "\n".join(e.text for e in events if e.kind == "text")
    assert "Nguyễn Thị Hoa" not in text and "?" not in text  # the line is not text at all
    rasters = [e.image for e in events if e.kind == "raster" and e.image is not None]
    line = render_text_line(f"Ông/Bà: {name}", EPSON.char_dots)
    assert any(r.size[1] == line.size[1] and not ImageChops.difference(
        _mono(r).crop((0, 0, *line.size)), _mono(line)).getbbox() for r in rasters)
    cell = EPSON.char_dots
    at = len("Ông/Bà: Nguyễn Thị Hoa ") * cell
    assert line.width == at + 2 * cell  # a wide character takes two cells, as in the layout
    emoji = line.crop((at, 0, at + 2 * cell, line.height))
    box = render_text_line("\U0010fffd", cell)  # a character no font has: the empty box
    assert _ink(emoji) > 2 * _ink(box)  # a face, not an outline

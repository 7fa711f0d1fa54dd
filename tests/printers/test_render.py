"""ESC/POS rendering: byte budget, no '?', raster fallback, commands, decoder round trip."""

from __future__ import annotations

import pytest

from printers.document import QR, Barcode, Cut, Document, Feed, Line, layout_lines
from printers.escpos import PRESETS, decode, decode_text, render
from printers.escpos.code128 import escpos_payload, modules, parse_payload, plan
from printers.escpos.testsheet import NON_ASCII_LETTERS
from printers.escpos.testsheet import testsheet_bytes as sheet_bytes
from printers.layouts.samples import sample_documents

from .conftest import MODES, WIDTHS, profile_for


def test_receipt_epson80_under_2000_bytes() -> None:
    data = render(sample_documents()["receipt"], PRESETS["epson80"])
    print(f"\nForm 01 receipt, epson80: {len(data)} bytes = {len(data) * 10 / 9600:.2f} s "
          "at 9600 baud")
    assert len(data) < 2000
    assert b"\x1dk\x49" in data and b"\x1d(k" in data  # native CODE128 and QR


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("width", WIDTHS)
def test_text_lines_survive_or_are_rastered(width: int, mode: str) -> None:
    """Every text line decodes to exactly the layout's text, or was sent as a raster."""
    profile = profile_for(width, mode)
    for name, doc in sample_documents().items():
        expected = [i for i in layout_lines(doc, width) if not isinstance(i, Feed | Cut)]
        events = [e for e in decode(render(doc, profile), profile).events
                  if e.kind not in ("feed", "cut")]
        assert len(events) == len(expected), name
        for ev, item in zip(events, expected, strict=True):
            if isinstance(item, Barcode | QR):
                assert ev.kind == "raster" or ev.text == item.data
            elif ev.kind == "text":
                assert ev.text == item.text, name
                assert (ev.bold, ev.width, ev.height) == (item.bold, item.width, item.height)
            else:
                assert mode == "raster" or item.text.upper() == item.text, (name, item)


def test_unencodable_line_is_rastered_never_question_mark() -> None:
    doc = Document().text("Tên: 中文 Ω").text("Đường số 5")
    for profile in PRESETS.values():
        events = decode(render(doc, profile), profile).events
        assert events[0].kind == "raster"
        assert all("?" not in e.text for e in events)


def test_no_question_marks_anywhere() -> None:
    """'?' bytes appear only where the source text has '?' (the status URL)."""
    for doc in sample_documents().values():
        want = sum(i.text.count("?") for i in layout_lines(doc, 48) if isinstance(i, Line))
        for mode in ("tcvn3", "cp1258"):
            profile = profile_for(48, mode)
            events = decode(render(doc, profile), profile).events
            assert sum(e.text.count("?") for e in events if e.kind == "text") == want


def test_style_commands_only_on_change() -> None:
    doc = Document().center("A", bold=True).center("B", bold=True).text("C")
    data = render(doc, PRESETS["epson80"])
    assert data.count(b"\x1bE\x01") == 1 and data.count(b"\x1ba\x01") == 1
    assert data.startswith(b"\x1b@")
    assert render(doc, PRESETS["xprinter80"]).startswith(b"\x1b@\x1c.")


@pytest.mark.parametrize("data, symbols", [
    ("000.17.22.H56-210531-0001", 24), ("123456789012", 7), ("A015", 5),
    ("1234567", 6), ("AB12345678CD", 11), ("12345", 5)])
def test_code128_optimal(data: str, symbols: int) -> None:
    p = plan(data)
    assert p.symbols == symbols
    assert parse_payload(escpos_payload(data)) == data
    assert len(modules(data)) == 11 * (symbols + 1) + 13


def test_testsheet_has_all_letters_in_text_modes() -> None:
    text = decode_text(sheet_bytes(PRESETS["epson80"]))
    sections = text.split("MODE ")
    assert len(sections) == 3  # preamble + tcvn3 + cp1258 (the raster label is an image)
    tcvn, cp = sections[1], sections[2].split("[RASTER")[0]
    for section in (tcvn, cp):
        for letter in NON_ASCII_LETTERS:
            assert letter in section
    assert sections[2].count("[RASTER") > 30

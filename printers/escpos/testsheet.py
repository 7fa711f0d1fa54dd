"""Commissioning test sheet: every Vietnamese letter in every text mode.

The letters: 12 vowels (a ă â e ê i o ô ơ u ư y) × 6 tones (none, grave, hook, tilde,
acute, dot below) = 72, plus đ = 73 per case, 146 in all. The "134 letters" of the notes
are the non-ASCII ones: 146 minus the 12 ASCII vowels a e i o u y (6 per case), i.e.
67 lowercase + 67 uppercase — the letters a code page must supply.

`testsheet_bytes(profile)` prints the sheet once per mode: TCVN-3 with the profile's
pages, CP1258 with the profile's page, and raster, each section labelled in ASCII so the
office can read which mode printed correctly even when a code page is wrong.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from printers.document import Document
from printers.escpos.profiles import PrinterProfile
from printers.escpos.render import render

__all__ = ["ALL_LETTERS", "NON_ASCII_LETTERS", "letters", "testsheet_bytes",
           "testsheet_document"]

VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")


def letters(upper: bool = False) -> list[str]:
    """The 73 Vietnamese letters of one case in table order (vowel-major), then đ/Đ."""
    out = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]
    out.append("đ")
    return [c.upper() for c in out] if upper else out


ALL_LETTERS: tuple[str, ...] = tuple(letters() + letters(upper=True))
NON_ASCII_LETTERS: tuple[str, ...] = tuple(c for c in ALL_LETTERS if ord(c) > 127)
assert len(ALL_LETTERS) == 146 and len(NON_ASCII_LETTERS) == 134


def testsheet_document(label: str = "") -> Document:
    """The letters grouped by vowel (one row per vowel and case) plus a sample sentence."""
    doc = Document()
    doc.center("VIETNAMESE TEST SHEET", bold=True)
    if label:
        doc.center(label)
    doc.rule()
    for upper in (False, True):
        row = letters(upper)
        for i in range(len(VOWELS)):
            doc.text(" ".join(row[i * 6:(i + 1) * 6]))
        doc.text(row[-1])
    doc.text("Tiếng Việt: Đường Hồ Chí Minh, Quảng Ngãi, Nghệ An.")
    doc.text("TIẾNG VIỆT: ĐƯỜNG HỒ CHÍ MINH, QUẢNG NGÃI, NGHỆ AN.")
    doc.rule()
    return doc


def testsheet_bytes(profile: PrinterProfile) -> bytes:
    """The sheet printed in each mode the profile allows (raster always), then a cut."""
    out = bytearray()
    modes: list[PrinterProfile] = []
    if profile.tcvn3_pages is not None:
        modes.append(replace(profile, codepage_mode="tcvn3"))
    if profile.cp1258_page is not None:
        modes.append(replace(profile, codepage_mode="cp1258"))
    modes.append(replace(profile, codepage_mode="raster"))
    for mode in modes:
        label = {"tcvn3": f"MODE tcvn3 pages {mode.tcvn3_pages}",
                 "cp1258": f"MODE cp1258 page {mode.cp1258_page}",
                 "raster": "MODE raster (reference)"}[mode.codepage_mode]
        out += render(testsheet_document(label), mode)
    final = Document().cut()
    out += render(final, profile)[len(profile.init):]
    return bytes(out)

"""TCVN-3 (TCVN 5712:1993, VN3 "ABC" font encoding) for ESC/POS printers.

Epson-class printers split TCVN-3 over two code pages: lowercase letters (with tones) on
one ESC t page (30) and uppercase on another (31); ASCII is the same on both. Our tables
follow Epson's / escpos-printer-db's TCVN-3-1 and TCVN-3-2, **with Đ fixed**: the database
maps byte 0xA7 of the upper page to U+00D0 (Ð, Icelandic Eth) where U+0110 (Đ) belongs.

Some printers (Xprinter "Vietnam" page 27) have a single TCVN-3 page: the standard base
font, i.e. the lowercase table plus Ă Â Ê Ô Ơ Ư Đ at 0xA1..0xA7; uppercase letters with
tones do not exist there. Pass `upper_page=None` for that mode.

`encode_line` picks ESC t switches greedily: it stays on the current page while it can
and switches only when a character exists on the other page only, which is minimal.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "LOWER", "SINGLE", "UPPER", "TcvnError", "decode", "encode_line", "page_of",
]

_TONED_LOWER = (
    "àảãáạ", "ằẳẵắặ", "ầẩẫấậ", "èẻẽéẹ", "ềểễếệ", "ìỉĩíị",
    "òỏõóọ", "ồổỗốộ", "ờởỡớợ", "ùủũúụ", "ừửữứự", "ỳỷỹýỵ",
)
# First byte of each toned group; a group is 5 letters (grave, hook, tilde, acute, dot)
# except that the TCVN-3 layout leaves holes, so positions are spelled out.
_TONED_BYTES = (
    (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),  # a
    (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),  # ă
    (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),  # â
    (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),  # e
    (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),  # ê
    (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),  # i
    (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),  # o
    (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),  # ô
    (0xEA, 0xEB, 0xEC, 0xED, 0xEE),  # ơ
    (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),  # u
    (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),  # ư
    (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),  # y
)
_PLAIN_LOWER = {"ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE}
# Upper page (Epson 31): toned capitals at the lowercase positions; Ă Â at A1/A2,
# Đ at A7 (U+0110!), Ê Ô Ơ Ư at AA..AD.
_PLAIN_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Đ": 0xA7, "Ê": 0xAA, "Ô": 0xAB, "Ơ": 0xAC, "Ư": 0xAD}
# Standard single-font TCVN-3: capitals without tone at A1..A7.
_PLAIN_SINGLE = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def _build() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    lower = dict(_PLAIN_LOWER)
    for letters, codes in zip(_TONED_LOWER, _TONED_BYTES, strict=True):
        lower.update(zip(letters, codes, strict=True))
    upper = {unicodedata.normalize("NFC", ch.upper()): b for ch, b in lower.items()
             if ch not in _PLAIN_LOWER}
    upper.update(_PLAIN_UPPER)
    single = dict(lower)
    single.update(_PLAIN_SINGLE)
    return lower, upper, single


LOWER, UPPER, SINGLE = _build()
_DECODE = {name: {b: ch for ch, b in table.items()}
           for name, table in (("lower", LOWER), ("upper", UPPER), ("single", SINGLE))}


class TcvnError(ValueError):
    """Raised for a character that the configured TCVN-3 page(s) cannot print."""

    def __init__(self, char: str) -> None:
        super().__init__(f"cannot encode {char!r} (U+{ord(char[0]):04X}) in TCVN-3")
        self.char = char


def page_of(ch: str, upper_page: int | None) -> str | None:
    """'any' for ASCII, 'lower'/'upper'/'single' for the table holding `ch`, else None."""
    if 32 <= ord(ch) < 127:
        return "any"
    if upper_page is None:
        return "single" if ch in SINGLE else None
    if ch in LOWER:
        return "lower"
    if ch in UPPER:
        return "upper"
    return None


def encode_line(text: str, lower_page: int, upper_page: int | None,
                current: int | None = None) -> tuple[bytes, int | None]:
    """Encode NFC `text`; returns (bytes with ESC t switches, active page afterwards).

    `current` is the page already selected on the printer (None = unknown); a switch is
    emitted only when a character needs a page other than the active one.
    Raises TcvnError for characters neither page holds.
    """
    text = unicodedata.normalize("NFC", text)
    out = bytearray()
    for ch in text:
        where = page_of(ch, upper_page)
        if where is None:
            raise TcvnError(ch)
        if where == "any":
            out.append(ord(ch))
            continue
        need = upper_page if where == "upper" else lower_page
        assert need is not None
        if need != current:
            out += bytes((0x1B, 0x74, need))
            current = need
        table = UPPER if where == "upper" else (SINGLE if where == "single" else LOWER)
        out.append(table[ch])
    return bytes(out), current


def decode(data: bytes, table: str) -> str:
    """Decode bytes printed with one table ('lower', 'upper' or 'single')."""
    rev = _DECODE[table]
    return "".join(chr(b) if b < 0x80 else rev.get(b, "\ufffd") for b in data)


def can_encode(text: str, upper_page: int | None) -> bool:
    return all(page_of(ch, upper_page) is not None
               for ch in unicodedata.normalize("NFC", text))

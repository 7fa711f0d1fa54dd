"""Vietnamese text folding for search: "Nguyễn Văn Hiệp" and "nguyen van hiep" look the same.

`fold` lowercases, strips every diacritic (đ/Đ -> d), collapses whitespace and strips the ends.
It is idempotent and fast on the common case: one `str.translate` over a table of the 134
Vietnamese letters and the combining marks (so NFD input folds the same as NFC), then a
Unicode decomposition only for strings that are still not ASCII (other languages' letters).
"""

from __future__ import annotations

import unicodedata

_TONES = "\u0301\u0300\u0309\u0303\u0323"
_VOWELS = {"a": "aăâ", "e": "eê", "i": "i", "o": "oôơ", "u": "uư", "y": "y"}


def _build_table() -> list[str | None]:
    """A list indexed by code point (faster in str.translate than a dict); None deletes."""
    table: dict[int, str | None] = {}
    for plain, letters in _VOWELS.items():
        for letter in letters:
            for mark in ("", *_TONES):
                ch = unicodedata.normalize("NFC", letter + mark)
                table[ord(ch)] = plain
                table[ord(ch.upper())] = plain
    for ch in "đĐÐð":  # Ð (U+00D0) is often typed for Đ
        table[ord(ch)] = "d"
    for cp in range(0x0300, 0x0370):  # combining diacritical marks (NFD input)
        if cp != 0x0345:  # Greek ypogegrammeni casefolds to ι: left to the slow path
            table[cp] = None
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    size = max(table) + 1  # code points past the end raise IndexError: left unchanged
    return [table.get(cp, chr(cp)) for cp in range(size)]


_TABLE = _build_table()
VIETNAMESE_LETTERS = frozenset(
    chr(cp)
    for cp, to in enumerate(_TABLE)
    if cp > 127 and to is not None and to != chr(cp) and chr(cp) not in "Ðð"
)


def _fold_step(s: str) -> str:
    s = s.translate(_TABLE)
    if not s.isascii():
        s = s.casefold()
        s = unicodedata.normalize("NFD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch)).translate(_TABLE)
    return " ".join(s.split())


def fold(s: str) -> str:
    """Search key of a text: fold("  Nguyễn  Văn Hiệp ") == "nguyen van hiep"."""
    if s.isascii():
        return " ".join(s.lower().split())
    folded = _fold_step(s)
    if folded.isascii():
        return folded
    for _ in range(4):  # rare scripts: repeat to the fixed point so fold(fold(s)) == fold(s)
        again = _fold_step(folded)
        if again == folded:
            break
        folded = again
    return folded


def fold_tokens(s: str) -> list[str]:
    """The folded words of a text: fold_tokens("Trần Thị  Ánh") == ["tran", "thi", "anh"]."""
    return fold(s).split()


def matches(query: str, text: str) -> bool:
    """Search as you type: every query word begins some word of the text (diacritics ignored).

    matches("ng hiep", "Nguyễn Văn Hiệp") is True; an empty query matches everything.
    """
    words = fold_tokens(text)
    return all(any(w.startswith(q) for w in words) for q in fold_tokens(query))


# Bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM/RLM, ALM): invisible, and a
# right-to-left override shows a name, a code or a file name reversed (issue 15).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
                          "\u200e\u200f\u061c")


def strip_bidi(s: str) -> str:
    return "".join(ch for ch in s if ch not in BIDI_CONTROLS)

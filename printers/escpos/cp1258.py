"""Windows-1258 encoder compatible with glibc `iconv -t CP1258`.

Python's own `cp1258` codec rejects precomposed letters such as ễ ấ ờ ố because CP1258
has no byte for them. Like glibc, we keep a character whole when CP1258 has it
(including â ê ô ơ ư ă đ and letters such as à á), and otherwise decompose it to the
longest precomposed base CP1258 holds followed by the tone as a combining byte:
grave 0xCC, acute 0xEC, tilde 0xDE, hook 0xD2, dot below 0xF2.
"""

from __future__ import annotations

import unicodedata

__all__ = ["Cp1258Error", "can_encode", "decode", "encode"]


class Cp1258Error(ValueError):
    def __init__(self, char: str) -> None:
        super().__init__(f"cannot encode {char!r} (U+{ord(char[0]):04X}) in CP1258")
        self.char = char


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _direct(ch: str) -> bytes | None:
    try:
        return ch.encode("cp1258")
    except UnicodeEncodeError:
        return None


def _encode_char(ch: str) -> bytes:
    direct = _direct(ch)
    if direct is not None:
        return direct
    parts = unicodedata.normalize("NFD", ch)
    # Recompose the base with its non-tone marks (â ê ô ơ ư ă), then the tones as bytes.
    base = _direct(unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)))
    tones = [_direct(c) for c in parts if c in _TONES]
    if base is not None and tones and all(t is not None for t in tones):
        return base + b"".join(t for t in tones if t is not None)
    raise Cp1258Error(ch)


def encode(text: str) -> bytes:
    """Encode text (NFC-normalised first); raises Cp1258Error for unmappable characters."""
    return b"".join(_encode_char(ch) for ch in unicodedata.normalize("NFC", text))


def can_encode(text: str) -> bool:
    try:
        encode(text)
    except Cp1258Error:
        return False
    return True


def decode(data: bytes) -> str:
    """Decode CP1258 bytes (base + combining tone bytes) back to NFC text."""
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))

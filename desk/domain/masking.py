"""Masking personal data for public screens, logs and the audit trail (PDP Law 91/2025).

Pure functions, no I/O.

Names
    `mask_name(name)` — for a public screen (waiting-room display, a status list on the wall,
    a receipt read aloud): the family name and the initials of the other words,
    "Nguyễn Văn Hiệp" → "Nguyễn V. H.". A citizen recognises their own entry, and a stranger
    learns no more than a very common family name.
    `mask_name(name, style="stars")` — for logs and exports to third parties, where even the
    family name is not needed: "N*** V** H***" (the first letter and the word lengths).

ID numbers
    `mask_id("040095000123")` → "040*****0123" (the province code and the last four digits,
    the same digits a clerk reads back to check a card); a 9-digit CMND keeps its last three:
    "******123".

Phones
    `mask_phone("0912345678")` → "091****678".

Free text
    `mask_text(text)` masks every 12- or 9-digit number (also written in groups "040 095 000
    123") and every Vietnamese phone number (0…, 84…, +84…, with spaces, dots or dashes) found
    in `text`. Names cannot be found in free text; code that logs a name must mask it itself.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Literal

_ALNUM_BEFORE = r"(?<![0-9A-Za-z])"
_ALNUM_AFTER = r"(?![0-9A-Za-z])"
_SEP = r"[ .\-]?"
# 12 digits (also 3-3-3-3 groups), 9 digits; phones: 0 + 9 digits or (+)84 + 9 digits,
# optionally grouped. Phones first, so "+84 912 345 678" is masked as a phone.
_PHONE_RE = re.compile(
    _ALNUM_BEFORE + r"(?:\+84|84|0)" + _SEP + r"\d(?:" + _SEP + r"\d){8}" + _ALNUM_AFTER)
_ID12_RE = re.compile(_ALNUM_BEFORE + r"\d{3}(?:[ .]?\d{3}){3}" + _ALNUM_AFTER)
_ID9_RE = re.compile(_ALNUM_BEFORE + r"\d{9}" + _ALNUM_AFTER)

NameStyle = Literal["initials", "stars"]


def _first_grapheme(word: str) -> str:
    """The first letter with its combining marks (so NFD input keeps its diacritics)."""
    out = word[0]
    for ch in word[1:]:
        if unicodedata.combining(ch):
            out += ch
        else:
            break
    return out


def mask_name(name: str | None, style: NameStyle = "initials") -> str:
    """"Nguyễn Văn Hiệp" → "Nguyễn V. H." (initials) or "N*** V** H***" (stars)."""
    words = (name or "").split()
    if not words:
        return ""
    if style == "stars":
        out = []
        for w in words:
            first = _first_grapheme(w)
            letters = len(unicodedata.normalize("NFC", w))
            out.append(first + "*" * max(1, letters - 1))
        return " ".join(out)
    if len(words) == 1:
        return _first_grapheme(words[0]) + "."
    return " ".join([words[0], *(_first_grapheme(w) + "." for w in words[1:])])


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isascii() and ch.isdigit())


def mask_id(number: str | None) -> str:
    """"040095000123" → "040*****0123"; "123456789" → "******789"; other lengths keep only
    the last two digits. Separators are dropped."""
    digits = _digits(number or "")
    if not digits:
        return ""
    if len(digits) == 12:
        return digits[:3] + "*" * 5 + digits[-4:]
    if len(digits) == 9:
        return "*" * 6 + digits[-3:]
    keep = 2 if len(digits) > 4 else 0
    return "*" * (len(digits) - keep) + digits[len(digits) - keep:]


def mask_phone(phone: str | None) -> str:
    """"0912345678" → "091****678"; "+84912345678" → "+8491****678"."""
    raw = (phone or "").strip()
    digits = _digits(raw)
    if not digits:
        return ""
    prefix = "+" if raw.startswith("+") else ""
    if len(digits) <= 6:
        return prefix + "*" * len(digits)
    head = 4 if digits.startswith("84") and len(digits) == 11 else 3
    return prefix + digits[:head] + "*" * (len(digits) - head - 3) + digits[-3:]


def _mask_phone_match(m: re.Match[str]) -> str:
    return mask_phone(m.group(0))


def _mask_id_match(m: re.Match[str]) -> str:
    return mask_id(m.group(0))


def mask_text(text: str) -> str:
    """Every ID number and phone number in `text` masked; everything else unchanged."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    text = _PHONE_RE.sub(_mask_phone_match, text)
    text = _ID12_RE.sub(_mask_id_match, text)
    return _ID9_RE.sub(_mask_id_match, text)


def mask_value(field: str, value: Any) -> Any:
    """A personal field's value masked by what it is (for audit before/after)."""
    if value is None or value == "":
        return value
    if field in ("full_name", "name", "applicant_name"):
        return mask_name(str(value), "stars")
    if field == "id_number":
        return mask_id(str(value))
    if field == "phone":
        return mask_phone(str(value))
    if field == "birth_date":
        return str(value)[:4] + "-**-**"
    if field in ("address", "email"):
        return "***"
    return value

"""The text of the QR code on a chip ID card (CCCD 2021 / thẻ căn cước 2024).

Most cards say, fields separated by `|`:

    <12-digit number>|<old 9-digit number or empty>|<full name>|<ddmmyyyy birth>|<Nam|Nữ>|
    <address>|<ddmmyyyy issued>

No authoritative specification of the 2024 card is public, and readers in the wild see 6 to 9+
fields (no old number at all, an expiry date after the issue date), a trailing `|`, NFC or
NFD text, names in capitals. So the fields after the number are read by their shape, not their
position: digits of 9 (or empty) right after the number are the old number; 8 digits are dates
(birth before the sex, issue after it, a second one after that an expiry); Nam/Nữ is the sex;
the first text is the name, the next the address. Anything else is reported, never dropped
silently.

The number itself encodes the province of birth registration, the century and sex, and the last
two digits of the birth year (domain/identity.py): each disagreement with the card's own birth
date and sex is a warning, so the clerk sees it and the desk never silently accepts it.

`parse_card_qr` is pure: warnings are (key, params) pairs rendered by desk.i18n upstream.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from desk.domain.errors import DomainError
from desk.domain.identity import CENTURY_SEX, PROVINCES, Sex
from desk.domain.text import fold

SEPARATOR: Final = "|"
_NUMBER_RE: Final = re.compile(r"\d{12}")
_OLD_RE: Final = re.compile(r"\d{9}")
_DATE_RE: Final = re.compile(r"(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})")
_SEX: Final[dict[str, Sex]] = {"nam": "M", "nu": "F", "male": "M", "female": "F"}
# Characters a scanner or a copy may add that carry no meaning: BOM, zero-width space/joiners.
_INVISIBLE: Final = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)
# UTF-8 bytes read as Latin-1/Windows-1252 ("Nguyá»…n"): the lead bytes of Vietnamese letters.
_MOJIBAKE_HINTS: Final = ("Ã", "Ä", "Æ", "á»", "áº")
MAX_LENGTH: Final = 1000  # a card's text is ~120 characters; anything far longer is not one


@dataclass(frozen=True, slots=True)
class CardQr:
    """What the card says, cleaned; `warnings` are (message key, params) for the clerk."""

    id_number: str
    old_id: str | None
    name: str
    birth_date: date | None
    sex: Sex | None
    address: str
    issued_on: date | None
    expires_on: date | None = None
    warnings: tuple[tuple[str, dict[str, Any]], ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """The `desk citizen read-qr --json` shape, warnings still as keys."""
        return {"id_number": self.id_number, "old_id": self.old_id, "name": self.name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None,
                "sex": self.sex, "address": self.address,
                "issued_on": self.issued_on.isoformat() if self.issued_on else None,
                "warnings": [{"key": k, "params": p} for k, p in self.warnings]}


def looks_like_card_qr(text: str) -> bool:
    """Cheap shape test for the scanner: 12 digits, `|`, and at least four more fields."""
    s = text.strip().translate(_INVISIBLE)
    return (len(s) <= MAX_LENGTH and s[:12].isdigit() and s[12:13] == SEPARATOR
            and s.count(SEPARATOR) >= 4)


def repair_mojibake(text: str) -> str:
    """UTF-8 that went through a Latin-1/Windows-1252 reader, undone; other text unchanged."""
    if not any(h in text for h in _MOJIBAKE_HINTS):
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def clean(text: str) -> str:
    """NFC, no invisible characters, Ð (U+00D0, Icelandic eth) read as Đ, single spaces."""
    s = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    s = s.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    return " ".join(s.split())


def proper_case(text: str) -> str:
    """"NGUYỄN VĂN AN" → "Nguyễn Văn An": each word's first letter capital, the rest small.

    On NFC text only: in NFD a combining mark would count as a word break for str.title."""
    return " ".join(_word_case(w) for w in clean(text).split(" "))


def _word_case(word: str) -> str:
    # Hyphenated and apostrophe parts ("H'Hen", "Ka-Rai") each take a capital.
    parts = re.split(r"([-'’])", word.lower())
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def parse_date8(text: str) -> date | None:
    """ddmmyyyy (also dd/mm/yyyy) → date; None when it is not a real date."""
    m = _DATE_RE.fullmatch(text.strip())
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def _looks_date(text: str) -> bool:
    return bool(_DATE_RE.fullmatch(text))


def parse_card_qr(text: str, *, today: date | None = None) -> CardQr:
    """Read a card's QR text. Raises DomainError "qr.not_card" when it is not one, or
    "qr.no_name" when no name is found; everything else doubtful is a warning."""
    warnings: list[tuple[str, dict[str, Any]]] = []
    raw = text.strip().translate(_INVISIBLE)
    if len(raw) > MAX_LENGTH:
        raise DomainError("qr.not_card")
    repaired = repair_mojibake(raw)
    if repaired != raw:
        warnings.append(("qr.repaired_text", {}))
    fields = [clean(f) for f in repaired.split(SEPARATOR)]
    while fields and not fields[-1]:  # a trailing `|` (or several)
        fields.pop()
    if len(fields) < 2 or not _NUMBER_RE.fullmatch(fields[0].replace(" ", "")):
        raise DomainError("qr.not_card")
    number = fields[0].replace(" ", "")
    rest = fields[1:]

    old_id: str | None = None
    if rest and (not rest[0] or rest[0].isdigit()) and not _looks_date(rest[0]):
        old = rest.pop(0)
        if old and not _OLD_RE.fullmatch(old):
            warnings.append(("qr.old_id_shape", {"value": old}))
        old_id = old or None

    texts: list[str] = []
    dates: list[tuple[bool, str]] = []  # (seen after the sex, text)
    sex: Sex | None = None
    for value in rest:
        if not value:
            continue
        key = fold(value)
        if key in _SEX and sex is None:
            sex = _SEX[key]
        elif _looks_date(value):
            dates.append((sex is not None, value))
        elif any(ch.isalpha() for ch in value) and len(texts) < 2:
            texts.append(value)
        else:
            warnings.append(("qr.unknown_field", {"value": value[:40]}))
    if not texts:
        raise DomainError("qr.no_name")
    name = proper_case(texts[0])
    address = texts[1] if len(texts) > 1 else ""
    if _is_upper(address):
        address = proper_case(address)

    before = [d for after, d in dates if not after]
    after_sex = [d for after, d in dates if after]
    if not before and sex is None:  # no sex field: the first date is the birth
        before, after_sex = after_sex[:1], after_sex[1:]
    birth_text = before[0] if before else None
    later = before[1:] + after_sex
    birth = _read_date(birth_text, "birth", warnings)
    issued = _read_date(later[0] if later else None, "issued", warnings)
    expires = _read_date(later[1] if len(later) > 1 else None, "expires", warnings)
    for extra in later[2:]:
        warnings.append(("qr.unknown_field", {"value": extra}))
    if birth_text is None:
        warnings.append(("qr.missing", {"field": "birth"}))
    if sex is None:
        warnings.append(("qr.missing", {"field": "sex"}))
    if not address:
        warnings.append(("qr.missing", {"field": "address"}))

    warnings += cross_check(number, birth, sex, issued, today=today)
    return CardQr(id_number=number, old_id=old_id, name=name, birth_date=birth, sex=sex,
                  address=address, issued_on=issued, expires_on=expires,
                  warnings=tuple(warnings))


def _read_date(text: str | None, which: str,
               warnings: list[tuple[str, dict[str, Any]]]) -> date | None:
    if text is None:
        return None
    value = parse_date8(text)
    if value is None:
        warnings.append(("qr.bad_date", {"field": which, "value": text}))
    return value


def cross_check(number: str, birth: date | None, sex: Sex | None, issued: date | None, *,
                today: date | None = None) -> list[tuple[str, dict[str, Any]]]:
    """What the 12-digit number says against the card's birth date, sex and dates."""
    out: list[tuple[str, dict[str, Any]]] = []
    province = number[:3]
    if province not in PROVINCES:
        out.append(("qr.province", {"code": province}))
    century, id_sex = CENTURY_SEX[number[3]]
    id_year = century + int(number[4:6])
    if birth is not None and birth.year != id_year:
        out.append(("qr.birth_year", {"id_year": id_year, "birth_year": birth.year}))
    if sex is not None and sex != id_sex:
        out.append(("qr.sex", {"id_sex": id_sex, "card_sex": sex}))
    if today is not None:
        if birth is not None and birth > today:
            out.append(("qr.future", {"field": "birth", "value": birth.isoformat()}))
        if issued is not None and issued > today:
            out.append(("qr.future", {"field": "issued", "value": issued.isoformat()}))
    if birth is not None and issued is not None and issued < birth:
        out.append(("qr.issued_before_birth", {}))
    return out

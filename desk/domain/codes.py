"""Dossier codes: `{office_id}-{YYMMDD}-{NNNN}` (domain.md §4, notes/domain.md §5).

The office identifier is opaque (QCVN 102:2016 style `000.17.22.H56` or Decision 20/2020 style
`H55.242`): at most 35 characters from 0-9, A-Z and dots. The date is the local receipt date;
NNNN is a daily sequence per office, 0001–9999. Example: `000.17.22.H56-210531-0001`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, NamedTuple

from desk.domain.errors import DomainError

OFFICE_ID_MAX: Final = 35
SEQ_MAX: Final = 9999
_OFFICE_CHARS: Final = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_OFFICE_RE: Final = r"[0-9A-Z](?:\.?[0-9A-Z])*"  # no leading, trailing or doubled dot
_CODE_RE: Final = re.compile(rf"({_OFFICE_RE})-(\d{{6}})-(\d{{4}})")
_CODE_SEARCH_RE: Final = re.compile(rf"(?<![0-9A-Za-z.]){_CODE_RE.pattern}(?![0-9A-Za-z])")


class DossierCode(NamedTuple):
    office_id: str
    date: date
    seq: int

    def __str__(self) -> str:
        return format_dossier_code(self.office_id, self.date, self.seq)


def validate_office_id(office_id: str) -> str:
    """The office identifier, trimmed and upper-cased, or DomainError "code.office_empty",
    "code.office_length", "code.office_chars" or "code.office_dots"."""
    text = str(office_id).strip().upper()
    if not text:
        raise DomainError("code.office_empty")
    if len(text) > OFFICE_ID_MAX:
        raise DomainError("code.office_length", got=len(text), max=OFFICE_ID_MAX)
    for ch in text:
        if ch not in _OFFICE_CHARS:
            raise DomainError("code.office_chars", char=ch)
    if not re.fullmatch(_OFFICE_RE, text):
        raise DomainError("code.office_dots", office_id=text)
    return text


def _check_date(local_date: date) -> None:
    if not 2000 <= local_date.year <= 2099:
        raise DomainError("code.date_range", date=local_date.isoformat())


def format_dossier_code(office_id: str, local_date: date, seq: int) -> str:
    """`{office_id}-{YYMMDD}-{NNNN}`. Raises DomainError "code.sequence_exhausted" for seq >
    9999 (the office's 10,000th dossier of the day), "code.sequence_invalid" for seq < 1,
    "code.date_range" outside 2000–2099, and the `validate_office_id` errors."""
    office = validate_office_id(office_id)
    _check_date(local_date)
    if seq > SEQ_MAX:
        raise DomainError("code.sequence_exhausted", seq=seq, max=SEQ_MAX)
    if seq < 1:
        raise DomainError("code.sequence_invalid", seq=seq)
    return f"{office}-{local_date:%y%m%d}-{seq:04d}"


def parse_dossier_code(code: str) -> DossierCode:
    """(office_id, date, seq) from a dossier code (trimmed, upper-cased first).

    Raises DomainError "code.format" (not OFFICE-YYMMDD-NNNN), "code.date" (no such day) or
    "code.sequence_invalid" (0000)."""
    text = str(code).strip().upper()
    match = _CODE_RE.fullmatch(text)
    if match is None or len(match.group(1)) > OFFICE_ID_MAX:
        raise DomainError("code.format", code=text)
    office, yymmdd, nnnn = match.groups()
    try:
        day = date(2000 + int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:]))
    except ValueError:
        raise DomainError("code.date", code=text, yymmdd=yymmdd) from None
    seq = int(nnnn)
    if seq < 1:
        raise DomainError("code.sequence_invalid", seq=seq)
    return DossierCode(office, day, seq)


def looks_like_dossier_code(text: str) -> bool:
    """Whether `text` (e.g. a barcode scanner's input, surrounding whitespace ignored) is a
    well-formed dossier code, so the search box can open the dossier directly."""
    try:
        parse_dossier_code(text)
    except DomainError:
        return False
    return True


def extract_dossier_code(text: str) -> str | None:
    """The first well-formed dossier code inside `text` (e.g. a scanned QR holding the
    status-lookup URL), normalised; None if there is none."""
    for match in _CODE_SEARCH_RE.finditer(str(text).upper()):
        try:
            return str(parse_dossier_code(match.group(0)))
        except DomainError:
            continue
    return None

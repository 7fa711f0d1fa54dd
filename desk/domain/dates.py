"""Dates as a clerk types them: 15/03/1990, 15-03-1990, 15.03.1990, 15 03 1990, 15031990
(the keypad, no separator) and 1990-03-15 (ISO, as a CLI or an export writes it)."""

from __future__ import annotations

import re
from datetime import date

from desk.domain.errors import DomainError

_DMY = re.compile(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PACKED = re.compile(r"(\d{2})(\d{2})(\d{4})")  # ddmmyyyy


def parse_typed_date(text: str, error_key: str = "intake.bad_birth") -> date | None:
    """The date in `text`; None for an empty text; DomainError(`error_key`, text=…) else."""
    raw = text.strip()
    if not raw:
        return None
    for pattern, order in ((_DMY, (2, 1, 0)), (_PACKED, (2, 1, 0)), (_ISO, (0, 1, 2))):
        m = pattern.fullmatch(raw)
        if m:
            parts = [int(g) for g in m.groups()]
            try:
                return date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                break  # 31/02/1990: shaped like a date, but no such day
    raise DomainError(error_key, text=raw)

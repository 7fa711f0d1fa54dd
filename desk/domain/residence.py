"""Which commune an applicant lives in, read from the address as typed, so that a dossier taken
in for a resident of another commune of the province can be flagged for the province to route
(issue 16 §3: since July 2025 a commune centre accepts dossiers from anywhere in the province).

The address is free text ("Xóm 3, xã Minh Châu, Nghệ An"); the commune is the words after the
last "xã", "phường", "thị trấn" or "đặc khu" up to the next comma. Comparison is accent- and
case-insensitive. No commune named: unknown (never flagged)."""

from __future__ import annotations

import re

from desk.domain.text import fold

__all__ = ["commune_of", "other_commune"]

_UNIT = re.compile(r"\b(?:xa|phuong|thi tran|dac khu)\s+([^,;]+)")


def commune_of(text: str) -> str | None:
    """The folded commune name of an address or an office name, or None."""
    folded = fold(text or "")
    found = _UNIT.findall(folded)
    if not found:
        return None
    name = re.sub(r"\(.*", "", found[-1]).strip()
    return name or None


def other_commune(address: str, office_name: str) -> bool:
    """True when the address names a commune and it is not the office's own."""
    theirs, ours = commune_of(address), commune_of(office_name)
    return theirs is not None and ours is not None and theirs != ours

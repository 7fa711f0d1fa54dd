"""A clerk's name as it is looked up: one rule for the login, an admin's unlock and a PIN
checked ahead through `sqlite3` (desk/services/trust/pin_ahead.py), which must stay light."""

from __future__ import annotations

import unicodedata


def name_key(name: str | None) -> str:
    """NFC, the spaces folded: "Lê  Thị Hoa" typed at a prompt finds "Lê Thị Hoa"."""
    return unicodedata.normalize("NFC", " ".join((name or "").split()))

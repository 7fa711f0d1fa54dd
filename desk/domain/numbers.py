"""Numbers as Vietnamese readers write them: a dot between thousands, a comma before the
decimals ("1.234,5", "0,6 phút", "66,7 %"). One place, so the desk never shows "0.6 phút"
beside "66,7 %". Machine formats (CSV, JSON) keep Python's own."""

from __future__ import annotations

_SWAP = str.maketrans(",.", ".,")


def decimal(value: float, digits: int = 1) -> str:
    """0.6 → "0,6"; 1234.56 → "1.234,6"; digits=0 rounds to a whole number."""
    return f"{value:,.{digits}f}".translate(_SWAP)


def integer(value: int) -> str:
    """15000 → "15.000"."""
    return f"{int(value):,}".replace(",", ".")


def share(value: float, digits: int = 1) -> str:
    """0.667 → "66,7 %"."""
    return decimal(value * 100, digits) + " %"

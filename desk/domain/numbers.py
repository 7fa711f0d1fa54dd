"""Numbers as a reader writes them: the separators are the caller's (the domain knows no
language; desk/i18n/numbers.py passes the reader's). Vietnamese, the default, puts a dot between
thousands and a comma before the decimals ("1.234,5", "0,6 phút", "66,7 %"); English the other
way round ("1,234.5", "66.7 %"). One place, so the desk never shows "0.6 phút" beside "66,7 %".
Machine formats (CSV, JSON) keep Python's own."""

from __future__ import annotations


def decimal(value: float, digits: int = 1, *, point: str = ",", group: str = ".") -> str:
    """0.6 → "0,6"; 1234.56 → "1.234,6"; digits=0 rounds to a whole number."""
    text = f"{value:,.{digits}f}"
    return "".join(point if c == "." else group if c == "," else c for c in text)


def integer(value: int, *, group: str = ".") -> str:
    """15000 → "15.000"."""
    return f"{int(value):,}".replace(",", group)


def share(value: float, digits: int = 1, *, point: str = ",", group: str = ".") -> str:
    """0.667 → "66,7 %"."""
    return decimal(value * 100, digits, point=point, group=group) + " %"

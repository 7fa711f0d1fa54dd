"""Numbers in the reader's language: the separators come from the catalog ("number.point",
"number.group"), the formatting from desk/domain/numbers.py. Every screen, report and CLI line
that shows a decimal or a share to a person goes through here, so an English desk writes
"66.7 %" and a Vietnamese one "66,7 %"."""

from __future__ import annotations

from desk.domain import numbers
from desk.i18n import t


def decimal(value: float, digits: int = 1) -> str:
    """0.6 → "0,6" / "0.6"; 1234.56 → "1.234,6" / "1,234.6"."""
    return numbers.decimal(value, digits, point=t("number.point"), group=t("number.group"))


def integer(value: int) -> str:
    """15000 → "15.000" / "15,000"."""
    return numbers.integer(value, group=t("number.group"))


def share(value: float, digits: int = 1) -> str:
    """0.667 → "66,7 %" / "66.7 %"."""
    return numbers.share(value, digits, point=t("number.point"), group=t("number.group"))


def percent(value: float | None, digits: int = 1) -> str:
    """A share, or the reader's word for none."""
    return t("report.na") if value is None else share(value, digits)


def figure(value: float) -> str:
    """As many decimals as the value has (1.5 → "1,5" / "1.5"; 2.0 → "2")."""
    return f"{value:g}".replace(".", t("number.point"))

"""Filling the `{name}` placeholders of a data-defined form (desk/rules/sets/*.json) with a
dossier's values, for one medium: the thermal slip writes "08:45 31/05/2021", the A4 paper
"08 giờ 45 phút, ngày 31 tháng 5 năm 2021". A missing or empty value prints as "…" so a form
never shows a raw placeholder."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal, Protocol

__all__ = ["EMPTY", "FormLike", "Medium", "fill", "fmt", "items_of", "rows_of", "vn_date",
           "vn_moment"]

Medium = Literal["a4", "thermal"]
EMPTY = "…"
_PLACEHOLDER = re.compile(r"{(\w+)}")


class FormLike(Protocol):
    """What a renderer needs of a form (desk.rules.FormSpec has it)."""

    # read-only: a frozen dataclass (FormSpec) satisfies the protocol
    @property
    def number(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def unit(self) -> bool: ...
    @property
    def codes(self) -> bool: ...
    @property
    def body(self) -> tuple[dict[str, Any], ...]: ...
    @property
    def signature(self) -> dict[str, Any]: ...
    @property
    def recipients(self) -> tuple[str, ...]: ...


def vn_date(day: date | datetime) -> str:
    """'ngày 05 tháng 02 năm 2026' (days < 10 and months < 3 take a leading zero)."""
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {d} tháng {m} năm {day.year}"


def vn_moment(at: datetime) -> str:
    """'08 giờ 45 phút, ngày 31 tháng 5 năm 2021'."""
    return f"{at.hour:02d} giờ {at.minute:02d} phút, {vn_date(at)}"


def fmt(value: Any, medium: Medium) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, datetime):
        return vn_moment(value) if medium == "a4" else value.strftime("%H:%M %d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, int):
        return f"{value:02d}"
    if isinstance(value, list | tuple):
        return "; ".join(fmt(v, medium) for v in value) or EMPTY
    return str(value)


def fill(template: str, values: Mapping[str, Any], medium: Medium) -> str:
    """`template` with each `{name}` replaced by the formatted value ("…" when missing).
    Values whose name ends in `_words` are sentence fragments: empty stays empty."""
    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        value = values.get(name)
        if name.endswith("_words"):
            return str(value or "")
        return fmt(value, medium)

    return _PLACEHOLDER.sub(one, template)


def items_of(values: Mapping[str, Any], key: str, medium: Medium) -> list[str]:
    raw = values.get(key)
    if isinstance(raw, str):
        raw = [raw] if raw else []
    return [fmt(v, medium) for v in (raw or [])] or [EMPTY]


def rows_of(values: Mapping[str, Any], key: str, columns: Sequence[Mapping[str, Any]],
            medium: Medium) -> list[list[str]]:
    rows = values.get(key) or []
    out = [[fmt(r.get(c["key"]), medium) if r.get(c["key"]) not in (None, "") else ""
            for c in columns] for r in rows]
    return out or [["" for _ in columns]]

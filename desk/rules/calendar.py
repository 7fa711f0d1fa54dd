"""The official calendar swaps and extra days off, shipped as package data
(`desk/rules/official_calendar.csv`: date, kind OFF|WORK, note, source) and applied on every
install beneath the office's own exceptions: an office without the demo still works the
make-up Saturday 22/08/2026 and rests on 31/08/2026. The `holidays` package gives the statutory
days (Labour Code 2019 Art. 112) but never a make-up Saturday, and older releases lack the
recent swaps."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

__all__ = ["OfficialDay", "official_days"]

FILE = "official_calendar.csv"


@dataclass(frozen=True)
class OfficialDay:
    day: date
    kind: str  # OFF | WORK
    note: str
    source: str


@lru_cache(maxsize=1)
def official_days() -> dict[date, OfficialDay]:
    text = (resources.files("desk.rules") / FILE).read_text(encoding="utf-8")
    out: dict[date, OfficialDay] = {}
    for row in csv.DictReader(io.StringIO(text)):
        d = date.fromisoformat(row["date"].strip())
        out[d] = OfficialDay(d, row["kind"].strip().upper(), row["note"].strip(),
                             row["source"].strip())
    return out

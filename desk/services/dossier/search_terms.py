"""What a search box's text means, as pure functions shared by the full search
(desk/services/dossier/search.py) and the quick `sqlite3` read (desk/services/quick/dossiers.py):
the codes it may name, the FTS5 query of its words, and the order the two are tried in."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from desk.domain.codes import extract_dossier_code
from desk.domain.text import fold

_TOKEN = re.compile(r"[0-9a-z]+")
_DAY_SEQ = re.compile(r"(\d{6})-(\d{1,4})")  # "261204-0003", as the receipt prints it
_SEQ = re.compile(r"\d{1,4}")  # "0003" or "3": today's dossier number 3

Row = TypeVar("Row")


def fts_query(query: str) -> str | None:
    """Folded prefix tokens AND-ed: "Nguyễn Văn Hiệp" → `"nguyen"* "van"* "hiep"*`."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens[:8])


def code_candidates(office: str, local_now: datetime, query: str) -> list[str]:
    """The full dossier codes a typed or scanned code may mean, most likely first: a full
    code; the office's tail and the rest (`H41-261204-0003`); the date and number as the
    receipt prints them (`261204-0003`); today's number alone (`0003`)."""
    text = query.strip().upper()
    full = extract_dossier_code(text)
    if full:
        prefix, rest = full.split("-", 1)
        out = [full]
        if prefix != office and office.endswith("." + prefix):
            out.append(f"{office}-{rest}")
        return out
    m = _DAY_SEQ.fullmatch(text)
    if m and int(m.group(2)):
        return [f"{office}-{m.group(1)}-{int(m.group(2)):04d}"]
    if _SEQ.fullmatch(text) and int(text):
        return [f"{office}-{local_now:%y%m%d}-{int(text):04d}"]
    return []


def codes_then_words(query: str, codes: list[str],
                     run: Callable[[list[str]], list[Row]]) -> list[Row]:
    """`run(codes)` when the text names codes; short forms that name none (`0003` may be the
    start of a phone number) are searched as words too: `run([])`."""
    if codes:
        rows = run(codes)
        if rows or extract_dossier_code(query.upper()):
            return rows
    return run([])

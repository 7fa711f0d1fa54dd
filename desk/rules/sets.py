"""Loading and choosing rule sets (see desk/rules/__init__.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from desk.domain.errors import DomainError
from desk.rules.shapes import FieldOut, FormOut, RuleSetOut

__all__ = ["FormSpec", "RuleSet", "all_sets", "get_set", "load_set", "set_for"]

_PLACEHOLDER = re.compile(r"{(\w+)}")
BLOCK_TYPES = ("para", "field", "list", "table")


@dataclass(frozen=True)
class FormSpec:
    """One form of a set. `body` is a list of blocks (dicts, see the JSON files):
    para {text}, field {label, value}, list {items, intro}, table {rows, columns, intro}.
    Texts carry `{name}` placeholders filled from the dossier's values."""

    number: str
    key: str
    title: str
    symbol: str = ""
    unit: bool = True                 # the one-stop unit's line under the office name
    date_key: str = "issued_at"       # which value dates the paper ("place, ngày …")
    codes: bool = True                # barcode (and QR for Form 01) of the dossier code
    body: tuple[dict[str, Any], ...] = ()
    signature: dict[str, Any] = field(default_factory=dict)
    recipients: tuple[str, ...] = ()
    orientation: str = "P"            # "L": A4 landscape (the book)
    texts: dict[str, str] = field(default_factory=dict)  # words the values are built with

    @property
    def n(self) -> int:
        """The form's number; 0 for a paper of the set that is not a numbered form."""
        return int(self.number) if self.number.isdigit() else 0

    def fields(self) -> list[FieldOut]:
        """The form's fields in order: `key` (the value shown; `rows.column` in a table) and
        the printed `label` (for a value inside a sentence, the words before it)."""
        out: list[FieldOut] = []
        seen: set[str] = set()

        def add(key: str, label: str) -> None:
            if key not in seen:
                seen.add(key)
                out.append({"key": key, "label": label})

        for b in self.body:
            kind = b["type"]
            if kind == "field":
                add(",".join(_PLACEHOLDER.findall(b["value"])), b["label"])
            elif kind == "list":
                add(b["items"], b.get("intro", ""))
            elif kind == "table":
                for c in b["columns"]:
                    add(f"{b['rows']}.{c['key']}", c["label"])
            else:
                start = 0
                for m in _PLACEHOLDER.finditer(b["text"]):
                    before = b["text"][start:m.start()]
                    start = m.end()
                    add(m.group(1), before.strip(" :,;.").rsplit(". ", 1)[-1].strip())
        return out

    def as_dict(self) -> FormOut:
        sig = self.signature or {}
        return {"number": self.number, "key": self.key, "title": self.title,
                "symbol": self.symbol, "fields": self.fields(),
                "signature": {"authority": sig.get("authority", ""),
                              "blocks": list(sig.get("blocks", []))},
                "recipients": list(self.recipients)}


@dataclass(frozen=True)
class RuleSet:
    id: str
    effective_from: date
    name: str
    forms: tuple[FormSpec, ...]
    # papers of the set that are not numbered forms (the guide slip of an assisted online
    # submission): printed by key, never by `desk print form N`
    papers: tuple[FormSpec, ...] = ()
    steps: dict[str, str] = field(default_factory=dict)
    report: dict[str, Any] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()
    origin: str = "package"

    def form(self, number: int | str) -> FormSpec:
        """Form `number` (1 or "01") of this set; DomainError naming the set's forms."""
        try:
            n = int(number)
        except (TypeError, ValueError):
            n = -1
        for f in self.forms:
            if f.n == n:
                return f
        raise DomainError("rules.no_form", form=number, set=self.id,
                          forms=", ".join(f"{f.number} {f.title}" for f in self.forms))

    def form_by_key(self, key: str) -> FormSpec | None:
        return next((f for f in (*self.forms, *self.papers) if f.key == key), None)

    def step(self, action: str) -> str:
        return self.steps.get(action, "")

    def as_dict(self) -> RuleSetOut:
        return {"id": self.id, "effective_from": self.effective_from.isoformat(),
                "name": self.name, "origin": self.origin, "sources": list(self.sources),
                "uncertain": list(self.uncertain), "steps": dict(self.steps),
                "report": dict(self.report), "forms": [f.as_dict() for f in self.forms],
                "papers": [f.as_dict() for f in self.papers]}


def _form(raw: dict[str, Any], where: str) -> FormSpec:
    for b in raw.get("body", []):
        if b.get("type") not in BLOCK_TYPES:
            raise DomainError("rules.bad_file", file=where,
                              error=f"form {raw.get('number')}: block type {b.get('type')!r}")
    return FormSpec(
        number=str(raw["number"]).zfill(2) if "number" in raw else "", key=str(raw["key"]),
        title=str(raw["title"]),
        symbol=str(raw.get("symbol", "")),
        unit=bool(raw.get("letterhead", {}).get("unit", True)),
        date_key=str(raw.get("date", "issued_at")), codes=bool(raw.get("codes", True)),
        body=tuple(raw.get("body", [])), signature=dict(raw.get("signature", {})),
        recipients=tuple(raw.get("recipients", [])),
        orientation="L" if raw.get("orientation") == "L" else "P",
        texts={str(k): str(v) for k, v in raw.get("texts", {}).items()})


def parse_set(text: str, where: str, origin: str = "package") -> RuleSet:
    """A rule set from its JSON text; DomainError naming the file and what is wrong."""
    try:
        raw = json.loads(text)
        forms = tuple(_form(f, where) for f in raw["forms"])
        numbers = [f.number for f in forms]
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"form numbers repeat: {numbers}")
        return RuleSet(
            id=str(raw["id"]), effective_from=date.fromisoformat(raw["effective_from"]),
            name=str(raw.get("name", "")), forms=forms,
            papers=tuple(_form(f, where) for f in raw.get("papers", [])),
            steps=dict(raw.get("steps", {})),
            report=dict(raw.get("report", {})), sources=tuple(raw.get("sources", [])),
            uncertain=tuple(raw.get("uncertain", [])), origin=origin)
    except DomainError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise DomainError("rules.bad_file", file=where, error=str(e)) from None


@lru_cache(maxsize=1)
def _package_sets() -> tuple[RuleSet, ...]:
    folder = resources.files("desk.rules") / "sets"
    return tuple(parse_set(f.read_text(encoding="utf-8"), f"desk/rules/sets/{f.name}")
                 for f in folder.iterdir() if f.name.endswith(".json"))


# The office's files as last read, by path: (mtime, size) and the set. Every intake asks for
# the set in force; a file is parsed again only when it changed (issue 20).
_loaded: dict[Path, tuple[tuple[int, int], RuleSet]] = {}


def load_set(path: Path) -> RuleSet:
    try:
        st = path.stat()
        stamp = (st.st_mtime_ns, st.st_size)
        known = _loaded.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise DomainError("rules.bad_file", file=str(path), error=str(e)) from None
    rule_set = parse_set(text, str(path), origin=str(path))
    _loaded[path] = (stamp, rule_set)
    return rule_set


def all_sets(extra_dir: Path | None = None) -> tuple[RuleSet, ...]:
    """Every known set, oldest first: the shipped ones, replaced or extended by the JSON files
    of `extra_dir` (the office's `<data dir>/rules`)."""
    sets = {s.id: s for s in _package_sets()}
    if extra_dir is not None and extra_dir.is_dir():
        for path in sorted(extra_dir.glob("*.json")):
            s = load_set(path)
            sets[s.id] = s
    return tuple(sorted(sets.values(), key=lambda s: (s.effective_from, s.id)))


def get_set(set_id: str, extra_dir: Path | None = None) -> RuleSet:
    for s in all_sets(extra_dir):
        if s.id == set_id:
            return s
    raise DomainError("rules.no_set", set=set_id,
                      sets=", ".join(s.id for s in all_sets(extra_dir)))


def set_for(day: date, extra_dir: Path | None = None) -> RuleSet:
    """The set in force on `day`: the latest whose effective date is on or before it (the
    oldest one for earlier days)."""
    sets = all_sets(extra_dir)
    current = sets[0]
    for s in sets:
        if s.effective_from <= day:
            current = s
    return current

"""Find message keys that reached a screen, a printout or a CLI output untranslated."""

from __future__ import annotations

import re

from desk.i18n import _load

# dotted lowercase words: "action.apology", "fee.status.unpaid", "superseded.apology"
_TOKEN = re.compile(r"(?<![\w./-])([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)(?![\w/-])")
# file names a clerk is told about on purpose
ALLOWED = frozenset({"desk.toml", "desk.log", "desk.sqlite3", "intake.json"})


def _namespaces() -> frozenset[str]:
    cats = _load()
    return frozenset(k.split(".")[0] for lang in cats.values() for k in lang) | {"superseded"}


def raw_keys(text: str) -> list[str]:
    """The tokens of `text` that look like message keys of the desk's catalogs."""
    spaces = _namespaces()
    return [m for m in _TOKEN.findall(text)
            if m.split(".")[0] in spaces and m not in ALLOWED]

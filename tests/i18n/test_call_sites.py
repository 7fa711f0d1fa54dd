"""Every call with a literal message key — t("key", …), DomainError("key", …) — names a key of
the catalogs and passes every parameter its text needs, in either language. (The runtime check,
DESK_STRICT_MESSAGES in tests/conftest.py, catches the calls whose key is computed.)"""

from __future__ import annotations

import ast
import functools

from desk.i18n import _merge
from tests.conftest import REPO
from tests.i18n.sources import parsed
from tests.i18n.test_catalogs import placeholders

CALLS = {"t", "_msg", "say", "DomainError"}  # desk's ways to ask for a message by its key


@functools.cache
def _calls() -> list[tuple[str, str, set[str] | None]]:
    """(where, key, keyword names or None when **params are passed) of every literal-key call."""
    found = []
    for path, tree in parsed():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
            first = node.args[0]
            if name in CALLS and isinstance(first, ast.Constant) and isinstance(
                    first.value, str) and "." in first.value and " " not in first.value:
                given = None if any(k.arg is None for k in node.keywords) else {
                    k.arg for k in node.keywords if k.arg}
                found.append((f"{path.relative_to(REPO)}:{node.lineno}", first.value, given))
    return found


def test_every_literal_key_is_in_the_catalogs() -> None:
    cats = _merge()
    calls = _calls()
    assert len(calls) > 500  # the scan sees the desk's messages
    assert [f"{where} {key}" for where, key, _ in calls if key not in cats["vi"]] == []


def test_every_literal_key_call_passes_its_parameters() -> None:
    cats = _merge()
    missing = []
    for where, key, given in _calls():
        if given is None or key not in cats["vi"]:
            continue
        need = placeholders(cats["vi"][key]) | placeholders(cats["en"][key])
        if need - given:
            missing.append(f"{where} {key}: {sorted(need - given)}")
    assert missing == []

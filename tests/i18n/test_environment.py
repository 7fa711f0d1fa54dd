"""Every DESK_* environment variable is read in desk/environment.py, and documented in the
README; the README keeps its two set-up commands."""

from __future__ import annotations

import ast
import re

from desk import environment
from tests.conftest import REPO
from tests.i18n.sources import parsed

README = (REPO / "README.md").read_text(encoding="utf-8")
TESTS_ONLY = {"DESK_SCREENSHOTS"}  # read by the tests themselves (docs/waiting-room.md)


def _desk_literals() -> list[str]:
    """"DESK_…" string literals in the code (not in docstrings) outside desk/environment.py."""
    found = []
    for path, tree in parsed():
        if path == REPO / "desk" / "environment.py":
            continue
        docs = {id(n.body[0].value) for n in ast.walk(tree)
                if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef |
                              ast.AsyncFunctionDef)
                and n.body and isinstance(n.body[0], ast.Expr)}
        found += [f"{path.relative_to(REPO)}:{n.lineno} {n.value}" for n in ast.walk(tree)
                  if isinstance(n, ast.Constant) and isinstance(n.value, str)
                  and re.fullmatch(r"DESK_[A-Z0-9_]+", n.value) and id(n) not in docs]
    return found


def test_no_module_but_environment_names_a_desk_variable() -> None:
    assert _desk_literals() == []


def test_the_readme_documents_every_variable() -> None:
    documented = set(re.findall(r"`(DESK_[A-Z0-9_]+)", README))
    assert sorted(set(environment.NAMES) - documented) == []
    assert sorted(documented - set(environment.NAMES) - TESTS_ONLY) == []
    assert len(environment.NAMES) == len(set(environment.NAMES))


def test_the_readme_keeps_two_set_up_commands() -> None:
    setup = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", setup, re.S)
    assert [b.strip() for b in blocks] == ["python3 -m pip install -e . && desk demo",
                                           "bash .ci/run"]


def test_values_are_read_when_asked(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(environment.LANG, " EN ")
    assert environment.language() == "en"
    monkeypatch.setenv(environment.LANG, "fr")
    assert environment.language() is None
    monkeypatch.setenv("DESK_SYNC_READ_TIMEOUT", "2.5")
    assert environment.sync_timeouts()["read_timeout"] == 2.5

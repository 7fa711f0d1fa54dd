"""The desk's own source files, parsed once for the tests that read the code (not the catalogs)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from tests.conftest import REPO

FOLDERS = ("desk", "screens", "printers", "storage")


@functools.cache
def parsed() -> tuple[tuple[Path, ast.Module], ...]:
    """(path, tree) of every module but the catalogs and the migrations."""
    return tuple((path, ast.parse(path.read_text(encoding="utf-8")))
                 for folder in FOLDERS for path in sorted((REPO / folder).rglob("*.py"))
                 if "i18n" not in path.parts and "migrations" not in path.parts)

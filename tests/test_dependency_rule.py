"""architecture.md §1: the layers import only downwards.

- desk/domain imports nothing of ours (but desk.domain) and no I/O library;
- storage/ and printers/ never import screens/ or Textual;
- nothing under desk/ but the app (and the CLI's UI launchers) imports Textual or screens/.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

DOMAIN_ALLOWED = {
    "__future__", "dataclasses", "datetime", "enum", "typing", "collections", "functools",
    "itertools", "re", "math", "unicodedata", "zoneinfo", "bisect", "heapq", "statistics",
    "decimal", "string", "operator", "types", "csv", "io",  # csv/io: parsing text in memory
    "holidays", "desk",
}
UI_MODULES = {"desk/app.py", "desk/commands/tui.py", "desk/queue_apps.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _py(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def test_domain_imports_no_io_and_nothing_of_ours() -> None:
    bad = []
    for path in _py("desk/domain"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top not in DOMAIN_ALLOWED or (top == "desk" and not name.startswith(
                    "desk.domain")):
                bad.append(f"{path.relative_to(REPO)}: {name}")
    assert bad == []


def test_storage_and_printers_never_import_the_ui() -> None:
    bad = [f"{p.relative_to(REPO)}: {n}" for folder in ("storage", "printers")
           for p in _py(folder) for n in _imports(p)
           if n.split(".")[0] in ("textual", "screens")]
    assert bad == []


def test_only_the_app_imports_textual_under_desk() -> None:
    bad = []
    for path in _py("desk"):
        rel = path.relative_to(REPO).as_posix()
        if rel in UI_MODULES:
            continue
        bad += [f"{rel}: {n}" for n in _imports(path) if n.split(".")[0] in ("textual",
                                                                             "screens")]
    assert bad == []


def test_importing_every_headless_module_loads_no_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import desk, storage, printers\n"
        "skip = {'desk.app', 'desk.commands.tui', 'desk.queue_apps'}\n"
        "for pkg in (desk, storage, printers):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if m.name in skip or '.migrations' in m.name or m.name.startswith("
        "'desk.district'):\n"
        "            continue\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'screens')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"

"""architecture.md §1: the layers import only downwards.

- desk/domain imports nothing of ours (but desk.domain) and no I/O library;
- storage/ and printers/ never import screens/ or Textual;
- nothing under desk/ but the app (and the CLI's UI launchers) imports Textual or screens/;
- the module-level imports of desk/, storage/, printers/ and screens/ form no cycle (issue 20: a
  cycle hidden behind an import inside a function is a shared part in the wrong module).
"""

from __future__ import annotations

import ast
import graphlib
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
        "skip = {'desk.app', 'desk.commands.tui', 'desk.queue_apps',\n"
        "        'desk.commands.queue_terminals', 'desk.commands.display'}\n"  # they open apps
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


OWN = ("desk", "storage", "printers", "screens")


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """What importing `name` imports at once: its module-level imports (also under a top-level
    if/try), not those inside functions or under `if TYPE_CHECKING:`."""
    is_pkg = path.name == "__init__.py"
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                if node.level:
                    base = base[:len(base) - node.level + 1]
                    mod = ".".join(base + ([node.module] if node.module else []))
                else:
                    mod = node.module or ""
                found.update(f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod
                             for a in node.names)
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                visit(getattr(node, "finalbody", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    out: set[str] = set()
    for mod in found:
        parts = mod.split(".")
        for i in range(1, len(parts) + 1):  # importing a.b.c runs a and a.b first
            target = ".".join(parts[:i])
            if target in known and target != name and not name.startswith(target + "."):
                out.add(target)
    return out


def import_graph(root: Path, packages: tuple[str, ...] = OWN) -> dict[str, set[str]]:
    files = {_module_name(root, p): p for pkg in packages for p in (root / pkg).rglob("*.py")
             if "versions" not in p.parts}
    known = set(files)
    return {name: _top_level_imports(name, path, known) for name, path in files.items()}


def import_cycle(graph: dict[str, set[str]]) -> list[str]:
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as e:
        return list(e.args[1])
    return []


def test_no_import_cycles() -> None:
    assert import_cycle(import_graph(REPO)) == []


def test_the_cycle_check_finds_a_cycle(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("from pkg.b import x\n\ndef f():\n    import os\n")
    (tmp_path / "pkg" / "b.py").write_text("from typing import TYPE_CHECKING\n"
                                           "if TYPE_CHECKING:\n    from pkg import c\n"
                                           "from . import a\nx = 1\n")
    (tmp_path / "pkg" / "c.py").write_text("import pkg.a\n")
    graph = import_graph(tmp_path, ("pkg",))
    assert graph["pkg.c"] == {"pkg.a"} and "pkg.c" not in graph["pkg.b"]
    assert sorted(set(import_cycle(graph))) == ["pkg.a", "pkg.b"]

"""Test tiers (issue 20 step 6). `pytest` alone runs the fast tier; `pytest --all-tiers` (what
`.ci/run` does) runs every test. A test leaves the fast tier when it is marked (pyproject.toml
registers the markers) — by hand, or here, from what it uses:

- `postgres`: the PostgreSQL cluster (`pg_cluster`, or a fixture parametrised "postgres");
- `browser`: headless Chromium (tests/e2e, a `browser` fixture, a module naming CHROMIUM);
- `subprocess`: a real `python -m desk.cli` or another interpreter (`run_desk_process`, a test
  whose own code starts `sys.executable`, the waiting-room server or a script);
- `slow`: the tests listed in SLOW, measured at a second or more on the 2-core CI machine.

Naming files or folders (`pytest tests/sync/test_x.py`) or a marker (`-m postgres`) runs what
was asked, every tier included."""

from __future__ import annotations

import inspect
import re
from typing import Any

import pytest

TIERS = ("slow", "subprocess", "postgres", "browser")
FAST = "not (" + " or ".join(TIERS) + ")"

# A test function's own code that starts another Python (a tool such as pdftotext is cheap).
_SPAWNS = re.compile(r"sys\.executable|desk\.cli\b.*Popen|run_desk_process|"
                     r"office\.(start|script)\(")

# Measured: a second or more each (--durations, one process) — module paths or node ids.
SLOW: frozenset[str] = frozenset()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--all-tiers", action="store_true",
                     help="run every tier: slow, subprocess, PostgreSQL and browser tests too "
                          "(.ci/run does); `pytest` alone runs the fast tier")


def pytest_configure(config: pytest.Config) -> None:
    worker = getattr(config, "workerinput", None)
    if worker is not None:  # an xdist worker: the controller decided
        if worker.get("desk_markexpr"):
            config.option.markexpr = worker["desk_markexpr"]
    elif (not config.option.markexpr and not config.getoption("--all-tiers")
          and config.args_source == pytest.Config.ArgsSource.TESTPATHS):
        config.option.markexpr = FAST


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist: the workers select what the controller chose."""
    node.workerinput["desk_markexpr"] = node.config.option.markexpr


def pytest_report_header(config: pytest.Config) -> str | None:
    if config.option.markexpr == FAST:
        return ("fast tier: slow, subprocess, PostgreSQL and browser tests left out "
                "(pytest --all-tiers, or bash .ci/run, runs them)")
    return None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for tier in tiers_of(item):
            item.add_marker(tier)


def tiers_of(item: pytest.Item) -> set[str]:
    names = set(getattr(item, "fixturenames", ()))
    params = getattr(getattr(item, "callspec", None), "params", {})
    path = item.nodeid.split("::", 1)[0]
    found: set[str] = set()
    if "pg_cluster" in names or "postgres" in params.values():
        found.add("postgres")
    if (path.startswith("tests/e2e/") or "browser" in names
            or hasattr(getattr(item, "module", None), "CHROMIUM")):
        found.add("browser")
    if "run_desk_process" in names or _spawns(item):
        found.add("subprocess")
    if path in SLOW or item.nodeid.split("[", 1)[0] in SLOW:
        found.add("slow")
    return found


def _spawns(item: pytest.Item) -> bool:
    """The test's own code starts another Python, or calls a helper of its module that does."""
    source = _source(getattr(item, "function", None))
    if _SPAWNS.search(source):
        return True
    return any(re.search(rf"\b{name}\(", source) for name in _spawning_helpers(item.module))


_helpers: dict[str, frozenset[str]] = {}


def _spawning_helpers(module: Any) -> frozenset[str]:
    name = getattr(module, "__name__", "")
    if name not in _helpers:
        _helpers[name] = frozenset(
            fname for fname, f in vars(module).items()
            if inspect.isfunction(f) and not fname.startswith("test")
            and f.__module__ == name and _SPAWNS.search(_source(f)))
    return _helpers[name]


def _source(function: Any) -> str:
    try:
        return inspect.getsource(function) if function is not None else ""
    except (OSError, TypeError):
        return ""

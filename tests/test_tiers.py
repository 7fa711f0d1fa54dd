"""Issue 20 step 6: `pytest` alone runs the fast tier; `.ci/run` (the README's test command)
runs every tier."""

from __future__ import annotations

import os
import subprocess
import sys
from types import SimpleNamespace
from typing import Any

from tests.conftest import REPO
from tests.tiers import _on_both_cores


def test_ci_and_the_readme_run_every_tier() -> None:
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in run and "--all-tiers" in run.split("exec", 1)[1]
    assert "bash .ci/run" in (REPO / "README.md").read_text(encoding="utf-8")


def test_plain_pytest_leaves_the_other_tiers_out() -> None:
    def collected(*args: str) -> set[str]:
        out = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                              "--collect-only", *args], cwd=REPO, capture_output=True,
                             text=True, timeout=600).stdout
        return {line.strip() for line in out.splitlines() if "::" in line}

    fast, every = collected(), collected("--all-tiers")
    smoke = "tests/cli/test_tui_entry.py::test_plain_desk_without_a_terminal_says_so"
    postgres = [t for t in every if t.endswith("[postgres]")]
    assert smoke in every and smoke not in fast  # run_desk_process: the subprocess tier
    # a fixture of the test's module that starts `desk serve`; processes of multiprocessing
    for spawning in ("tests/test_serve_guard.py::test_display_obeys_the_origin_rule",
                     "tests/queue/test_quick_write_concurrency.py::"
                     "test_issuing_and_calling_at_once_never_share_a_number"):
        assert spawning in every and spawning not in fast
    assert postgres and not set(postgres) & fast
    assert "tests/test_tiers.py::test_ci_and_the_readme_run_every_tier" in fast
    assert fast < every


def test_the_fast_tier_takes_both_cores_unless_told_otherwise() -> None:
    def workers(**given: Any) -> Any:
        option = SimpleNamespace(**{"numprocesses": None, "dist": "no", "tx": [],
                                    "collectonly": False, "usepdb": False, "capture": "fd",
                                    **given})
        config = SimpleNamespace(option=option, pluginmanager=SimpleNamespace(
            hasplugin=lambda name: name == "xdist"))
        _on_both_cores(config)  # type: ignore[arg-type]
        return option.numprocesses

    assert workers() == (2 if (os.cpu_count() or 1) >= 2 else None)
    assert workers(numprocesses=0) == 0  # -n 0
    assert workers(numprocesses=4) == 4
    assert workers(usepdb=True) is None and workers(capture="no") is None
    assert workers(collectonly=True) is None and workers(dist="loadfile") is None

"""Helpers shared by the benchmarks: a context on the big office, timing, percentiles."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

SIZE = int(os.environ.get("BENCH_DOSSIERS", "1000000"))
# Another source tree (e.g. `git archive <commit> | tar -x -C DIR`) to measure beside this one
# in the same run: the benchmarks that start `desk` processes time both, interleaved, and print
# its figure in the note ("before …").
BEFORE = os.environ.get("BENCH_BEFORE") or None
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@dataclass
class Row:
    name: str
    value: float
    unit: str
    budget: float | None = None  # None: reported only
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.budget is None:
            return ""
        return "ok" if self.value <= self.budget else "OVER"


def office_ctx(copy_to: Path | None = None):  # type: ignore[no-untyped-def]
    """A DeskContext on the cached big office (or a copy of it, for benchmarks that write)."""
    import shutil

    from bench.office import build
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext

    path = build(SIZE)
    if copy_to is not None:
        shutil.copy(path, copy_to)
        path = copy_to
    settings = Settings.from_dict({"storage": {"database": str(path)}})
    return DeskContext(settings, clock=fixed_clock(NOW))


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def tree_env(env: dict[str, str], tree: str | None) -> dict[str, str]:
    """`env` for a `desk` process running the code of `tree` (None: the installed one)."""
    if tree is None:
        return env
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [tree, env.get("PYTHONPATH")]))}

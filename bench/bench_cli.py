"""`desk --help` and other non-TUI commands: wall time of a fresh process, best of N."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.common import Row


def _best(args: list[str], n: int = 7) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "desk.cli", *args], capture_output=True,
                       check=False)
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def run() -> list[Row]:
    bare = _best(["--version"])
    python = min(
        (lambda t0: (subprocess.run([sys.executable, "-c", "pass"]), time.perf_counter() - t0)[1]
         )(time.perf_counter()) for _ in range(7)) * 1000
    return [
        Row("python -c pass (floor)", python, "ms"),
        Row("desk --help", _best(["--help"]), "ms", 150),
        Row("desk --version", bare, "ms", 150),
        Row("desk validate phone", _best(["validate", "phone", "0912345678"]), "ms", 150),
        Row("desk calendar day (opens the DB)", _best(["calendar", "day", "2026-02-17"]), "ms",
            None, "loads pydantic, SQLAlchemy, holidays"),
    ]

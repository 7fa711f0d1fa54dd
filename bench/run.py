"""Run every benchmark and print a table of figures with the budget beside each.

    python -m bench.run            # all, on the 1,000,000-dossier office (built once, cached)
    BENCH_DOSSIERS=20000 python -m bench.run search cli

Benchmarks print figures; they never pass or fail the test suite.
"""

from __future__ import annotations

import importlib
import platform
import sys
import traceback

from bench.common import SIZE, Row

SUITES = ["cli", "search", "intake", "tui", "queue", "printing", "pdf", "a4", "report", "sync",
          "memory", "province"]  # province: minutes, a PostgreSQL cluster (issue 19 §2)


def main(argv: list[str]) -> int:
    chosen = argv or SUITES
    print(f"# Một Cửa Desk benchmarks — {SIZE:,} dossiers — {platform.processor() or 'cpu'}, "
          f"Python {platform.python_version()}")
    print(f"{'benchmark':<52} {'figure':>10} {'unit':<5} {'budget':>8}  verdict  note")
    for name in chosen:
        try:
            mod = importlib.import_module(f"bench.bench_{name}")
        except ModuleNotFoundError:
            print(f"{name:<52} {'-':>10} {'':<5} {'':>8}  n/a      (no bench_{name}.py yet)")
            continue
        try:
            rows: list[Row] = mod.run()
        except Exception:  # one broken benchmark must not hide the others
            print(f"{name:<52} {'ERROR':>10}")
            traceback.print_exc()
            continue
        for r in rows:
            budget = "" if r.budget is None else f"{r.budget:g}"
            print(f"{r.name:<52} {r.value:>10.1f} {r.unit:<5} {budget:>8}  {r.verdict:<7}  "
                  f"{r.note}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

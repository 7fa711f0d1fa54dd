"""Replay the seeded queue day (tests/queue/dayfixture.py) on a temporary SQLite file and print
its KPIs and how long the replay took. Figures only; never pass/fail.

    python bench/queue_day.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from tests.conftest import local
from tests.queue.conftest import MovingClock, queue_settings
from tests.queue.dayfixture import run_day


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clock = MovingClock(local(2026, 11, 23, 7, 30))
        ctx = DeskContext(queue_settings(Path(tmp) / "day.sqlite3"), clock=clock)
        t0 = time.perf_counter()
        run_day(ctx, clock, clock.at)
        replay = time.perf_counter() - t0
        t0 = time.perf_counter()
        st = queue.stats(ctx, clock.at.date())
        kpi = time.perf_counter() - t0
        print(f"replay: {replay:.2f} s   stats(day): {kpi * 1000:.1f} ms")
        print(f"issued {st.issued}  served {st.served}  no-show {st.no_show} "
              f"({(st.no_show_rate or 0) * 100:.1f}%)  transferred {st.transferred}  "
              f"recalls {st.recalls}")
        print(f"wait min: mean {st.wait.mean / 60:.1f}  median {st.wait.median / 60:.1f}  "
              f"p90 {st.wait.p90 / 60:.1f}  max {st.wait.max / 60:.1f}")
        print(f"service min: mean {st.service.mean / 60:.1f}  within target "
              f"{(st.within_target or 0) * 100:.0f}%  peak queue {st.peak_queue} at "
              f"{st.peak_at.astimezone(ctx.tz):%H:%M}")
        for g in st.per_counter:
            print(f"  counter {g.key}: served {g.served}  {g.served_per_hour:.1f}/h")
        ctx.close()


if __name__ == "__main__":
    main()

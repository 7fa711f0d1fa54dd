"""What the one wait estimator costs the waiting-room server: the seeded 300-ticket day of the
queue tests (tests/queue/dayfixture.py) is replayed, and after every 5th ticket the hub's read
(`LobbyFeed.read`: the day's rows, the simulated futures of every waiting leg and of a new
ticket per service) is timed in CPU seconds. The hub reads once per database change (and every
30 s), never per page or request; the estimates are worked out beside the watcher, so a call
reaches the TV without waiting for them, but the figures shown are this late. Figures only.

    python bench/lobby_estimates.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.domain import queue as rules
from desk.lobby.feed import LobbyFeed
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from tests.conftest import local
from tests.queue.conftest import MovingClock, queue_settings
from tests.queue.dayfixture import run_day

BUDGET_MS = 250.0  # CPU per read: how late the figures on the TV and the phones may be


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        clock = MovingClock(local(2026, 11, 23, 7, 30))
        ctx = DeskContext(queue_settings(Path(tmp) / "day.sqlite3"), clock=clock)
        feed = LobbyFeed(ctx.settings.database_path, ctx.settings.queue)
        issue = queue.issue
        spent: list[tuple[float, int]] = []

        def timed(*args: object, **kw: object) -> queue.Issued:
            issued = issue(*args, **kw)  # type: ignore[arg-type]
            if issued.ticket.number % 5 == 0:
                t = time.process_time()
                st = feed.read(clock.at.date(), clock.at)
                waiting = sum(1 for g in st.legs if g.state == rules.WAITING)
                spent.append(((time.process_time() - t) * 1000, waiting))
            return issued

        queue.issue = timed  # type: ignore[assignment]
        try:
            run_day(ctx, clock, clock.at)
        finally:
            queue.issue = issue  # type: ignore[assignment]
            feed.close()
            ctx.close()
    ms = sorted(x for x, _ in spent)
    busiest = max(spent, key=lambda p: p[1])
    print(f"hub read with the one estimator, {len(ms)} reads over the day: median "
          f"{ms[len(ms) // 2]:.0f} ms, p90 {ms[int(0.9 * len(ms))]:.0f} ms, max {ms[-1]:.0f} ms "
          f"CPU (budget {BUDGET_MS:.0f} ms); at the longest queue ({busiest[1]} waiting) "
          f"{busiest[0]:.0f} ms")


if __name__ == "__main__":
    main()

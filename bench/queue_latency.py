"""Call-to-display latency across processes: another process calls a number (commit), the
waiting-room display (headless, in Pilot) shows it. Prints median and worst over N calls.

    python bench/queue_latency.py [N]
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from desk.services.clock import wall_seconds

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desk.config import Settings
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.queue.announce import Announcer


def _settings(tmp: Path) -> Settings:
    return Settings.from_dict({"storage": {"database": str(tmp / "lat.sqlite3"),
                                                "data_dir": str(tmp)}})


def caller(tmp: str, n: int, out: Any) -> None:
    ctx = DeskContext(_settings(Path(tmp)))
    rng = random.Random(5)
    stamps: dict[str, float] = {}
    time.sleep(1.0)  # let the display settle
    for _ in range(n):
        queue.issue(ctx, "HT", print_ticket=False)
        v = queue.call_next(ctx, 1)
        assert v is not None
        stamps[v.label] = wall_seconds()  # just after the commit
        time.sleep(rng.uniform(0.15, 0.45))
        queue.finish(ctx, 1)
    ctx.close()
    out.put(stamps)


async def measure(n: int) -> dict[str, float]:
    from desk.queue_apps import DisplayApp

    with tempfile.TemporaryDirectory() as tmp:
        ctx = DeskContext(_settings(Path(tmp)))
        queue.waiting_summary(ctx)  # create and migrate the file first
        app = DisplayApp(ctx, announcer=Announcer(None, which=lambda _n: None))
        spawn = mp.get_context("spawn")
        out = spawn.Queue()
        proc = spawn.Process(target=caller, args=(tmp, n, out))
        async with app.run_test(size=(120, 36)) as pilot:
            proc.start()
            screen = app.screen
            while len(screen.shown) < n and proc.is_alive():
                await pilot.pause(0.05)
            await pilot.pause(0.5)
            stamps = out.get(timeout=60)
            shown = {label: at for _, label, at in screen.shown}
        proc.join()
        ctx.close()
    lat = sorted((shown[label] - at) * 1000 for label, at in stamps.items() if label in shown)
    return {"calls": n, "shown": len(lat), "missed": n - len(lat),
            "median": statistics.median(lat), "p90": lat[int(0.9 * len(lat)) - 1],
            "worst": max(lat), "best": min(lat)}


async def main(n: int) -> None:
    r = await measure(n)
    print(f"calls {r['calls']}  shown {r['shown']}  missed {r['missed']}")
    print(f"latency ms: median {r['median']:.0f}  p90 {r['p90']:.0f}  worst {r['worst']:.0f}"
          f"  best {r['best']:.0f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))

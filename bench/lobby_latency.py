"""Call-to-page latency of the waiting-room web page (issue 18): another process calls N
numbers; headless Chromium shows `desk display --web`; prints median, p90 and worst beside the
budget (1 s).

    python bench/lobby_latency.py [N]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.lobby.harness import BROWSER_ARGS, CHROMIUM, Office

BUDGET_MS = 1000.0
CALLER = """
import json, random, sys, time
from desk.config import load_settings
from desk.services.queue import tickets as queue
from desk.services.context import DeskContext
ctx = DeskContext(load_settings())
rng = random.Random(18)
stamps = []
for _ in range(int(sys.argv[1])):
    queue.issue(ctx, "HT", print_ticket=False)
    v = queue.call_next(ctx, 1)
    stamps.append([v.label, time.time()])  # just after the commit
    time.sleep(rng.uniform(0.1, 0.3))
    queue.finish(ctx, 1)
print(json.dumps(stamps))
"""


def measure(n: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        office = Office(Path(tmp))
        office.desk("db", "upgrade")
        office.start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
                page = browser.new_page(viewport={"width": 1920, "height": 1080})
                page.goto(office.url + "/")
                page.keyboard.press("m")  # muted: spoken calls would only queue up
                page.wait_for_timeout(500)
                stamps = json.loads(office.script(CALLER, str(n)))
                deadline = time.monotonic() + 15
                while time.monotonic() < deadline:
                    got = {c["label"]: c["received"] for c in page.evaluate("window.deskCalls")}
                    if len(got) >= n:
                        break
                    page.wait_for_timeout(100)
                browser.close()
        finally:
            office.stop()
    lat = sorted(got[label] - at * 1000 for label, at in stamps if label in got)
    return {"calls": n, "shown": len(lat), "median": statistics.median(lat),
            "p90": lat[int(0.9 * len(lat)) - 1], "worst": max(lat)}


def main(n: int) -> None:
    r = measure(n)
    print(f"calls {r['calls']}  reached the page {r['shown']}")
    print(f"call-to-page ms: median {r['median']:.0f}  p90 {r['p90']:.0f}  "
          f"worst {r['worst']:.0f}  (budget {BUDGET_MS:.0f})  "
          f"{'OK' if r['worst'] <= BUDGET_MS and r['shown'] == n else 'OVER'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)

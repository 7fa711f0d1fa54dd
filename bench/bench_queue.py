"""Call-to-display latency across processes (budget: worst of 100 ≤ 500 ms)."""

from __future__ import annotations

import asyncio

from bench.common import Row


def run() -> list[Row]:
    from bench.queue_latency import measure

    r = asyncio.run(measure(100))
    return [
        Row("call → display, median of 100 (other process)", r["median"], "ms"),
        Row("call → display, worst of 100", r["worst"], "ms", 500,
            f"{r['missed']} missed"),
    ]

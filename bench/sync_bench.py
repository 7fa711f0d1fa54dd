"""Sync benchmark: bytes per event on the wire, and one commune day (300 events) pushed
through a 2G-like link — 50 kbit/s, 600 ms RTT, 10 % of segments late by a 1 s RTO (the
asyncio fault proxy of the tests; real packet loss needs netem, absent here).

    python bench/sync_bench.py [--events 300]

Prints figures; never passes or fails on time. Targets (notes/sync.md §4.6): ≤ 60 B/event
compressed, a day within 60 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _day(ctx: object, n: int) -> int:
    """~n events of a day: intakes (receive) and transfers, like a busy commune."""
    from desk.services.lifecycle import act
    from tests.sync.harness import intake

    dossiers = n * 2 // 3
    codes = intake(ctx, dossiers, name="Nguyễn Thị Phương")
    for code in codes[: n - dossiers]:
        act(ctx, code, "transfer", agency="Phòng Tư pháp - Hộ tịch")
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=300)
    args = ap.parse_args()
    from tests.sync.harness import client, desk_ctx, start_district
    from tests.sync.proxy import FaultProxy

    tmp = Path(tempfile.mkdtemp(prefix="desk-sync-bench-"))
    district = start_district(f"sqlite:///{tmp / 'district.sqlite3'}")
    ctx = desk_ctx(tmp)
    n = _day(ctx, args.events)
    proxy = FaultProxy(district.port).start()
    proxy.set("pass", rate_bps=50_000, delay=0.3, loss=0.10, rto=1.0)
    c = client(ctx, proxy.url, district.token, connect_timeout=20, read_timeout=90)
    t0 = time.monotonic()
    rep = c.run(until_idle=True, max_seconds=600)
    elapsed = time.monotonic() - t0
    print(f"events pushed            {rep.events_up} (of {n}) in {rep.batches} batch(es)")
    print(f"request bodies (gzip)    {rep.bytes_up} B = {rep.bytes_up / max(1, n):.1f} B/event"
          "  (target ≤ 60)")
    print(f"on the wire, up / down   {proxy.bytes_up} B / {proxy.bytes_down} B "
          f"(HTTP headers included) = {(proxy.bytes_up + proxy.bytes_down) / n:.1f} B/event")
    print(f"a day through the link   {elapsed:.1f} s  (target ≤ 60 s; 50 kbit/s, RTT 600 ms, "
          "10 % segments +1 s)")
    print(f"connections opened       {proxy.connections}")
    proxy.stop()
    district.stop()
    ctx.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()

"""Sync benchmark: bytes per event on the wire, and one commune day (300 events) pushed
through a 2G-like link — 50 kbit/s, 600 ms RTT, 10 % of segments late by a 1 s RTO (the
asyncio fault proxy of the tests; real packet loss needs netem, absent here). Then, through
the same link: the HTTP requests of one sync cycle (issue #10), a 30-day backlog (~10,000
events) and one 300 KB scan (incompressible bytes) uploaded after its event.

    python bench/sync_bench.py [--events 300] [--backlog-days 30] [--scan-kb 300]

Prints figures; never passes or fails on time. Targets (notes/sync.md §4.6): ≤ 60 B/event
compressed, a day within 60 s, ≤ 2 requests per cycle when nothing else is pending.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LINK = "50 kbit/s, RTT 600 ms, 10 % segments +1 s"


def _ctx(tmp: Path) -> Any:
    """tests.sync.harness.desk_ctx, with the data dir (scans) inside `tmp` too."""
    import desk.sync  # noqa: F401  (the outbox hook)
    from desk.config import Settings
    from desk.services.clock import fixed_clock
    from desk.services.context import DeskContext
    from desk.services.demo import seed_demo
    from tests.sync.harness import TZ

    settings = Settings.from_dict({
        "storage": {"database": str(tmp / "desk.sqlite3"), "data_dir": str(tmp / "data")},
        "sync": {"server_url": "", "token": ""}})
    ctx = DeskContext(settings, clock=fixed_clock(datetime(2026, 11, 23, 9, 0, tzinfo=TZ)))
    seed_demo(ctx, dossiers=False)
    return ctx


def _day(ctx: object, n: int) -> list[str]:
    """~n events of a day: intakes (receive) and transfers, like a busy commune. Returns the
    dossier codes."""
    from desk.services.dossier.lifecycle import act
    from tests.sync.harness import intake

    dossiers = n * 2 // 3
    codes = intake(ctx, dossiers, name="Nguyễn Thị Phương")
    for code in codes[: n - dossiers]:
        act(ctx, code, "transfer", agency="Phòng Tư pháp - Hộ tịch")
    return codes


class Requests:
    """An httpx request hook: every request the sync client sends ("POST events:batch",
    "GET changes", "PATCH attachments", …) with the time and the proxy's byte counters just
    before it went out (the previous request's reply is read by then)."""

    def __init__(self, proxy: Any) -> None:
        self.proxy = proxy
        self.log: list[tuple[float, str, int, int]] = []

    def __call__(self, request: Any) -> None:
        path = request.url.path
        tail = path.rsplit("/", 2)[-2] if "/attachments/" in path else path.rsplit("/", 1)[-1]
        self.log.append((time.monotonic(), f"{request.method} {tail}", self.proxy.bytes_up,
                         self.proxy.bytes_down))

    def mark(self) -> int:
        return len(self.log)

    def names(self, since: int) -> list[str]:
        return [name for _, name, _, _ in self.log[since:]]


def describe(names: list[str]) -> str:
    """"2 × POST events:batch, GET changes" — in order of first appearance."""
    counts = Counter(names)
    return ", ".join(f"{k}" if v == 1 else f"{v} × {k}" for k, v in counts.items()) or "none"


def _client(ctx: Any, proxy: Any, token: str, reqs: Requests) -> Any:
    from tests.sync.harness import client

    c = client(ctx, proxy.url, token, connect_timeout=20, read_timeout=90)
    c.net.http.event_hooks["request"].append(reqs)
    return c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--backlog-days", type=int, default=30)
    ap.add_argument("--backlog-per-day", type=int, default=143,
                    help="dossiers a day; × 2⅓ events (receive, transfer, a note for 1 in 3)")
    ap.add_argument("--scan-kb", type=int, default=300)
    args = ap.parse_args()
    from tests.sync.harness import start_district
    from tests.sync.proxy import FaultProxy

    tmp = Path(tempfile.mkdtemp(prefix="desk-sync-bench-"))
    district = start_district(f"sqlite:///{tmp / 'district.sqlite3'}", tmp / "files")
    ctx = _ctx(tmp)
    codes = _day(ctx, args.events)
    n = args.events
    proxy = FaultProxy(district.port).start()
    proxy.set("pass", rate_bps=50_000, delay=0.3, loss=0.10, rto=1.0)
    reqs = Requests(proxy)
    c = _client(ctx, proxy, district.token, reqs)
    cycles: list[object] = []
    t0 = time.monotonic()
    rep = c.run(until_idle=True, max_seconds=600, on_cycle=cycles.append)
    elapsed = time.monotonic() - t0
    day_names = reqs.names(0)
    print(f"events pushed            {rep.events_up} (of {n}) in {rep.batches} batch(es)")
    print(f"request bodies (gzip)    {rep.bytes_up} B = {rep.bytes_up / max(1, n):.1f} B/event"
          "  (target ≤ 60)")
    print(f"on the wire, up / down   {proxy.bytes_up} B / {proxy.bytes_down} B "
          f"(HTTP headers included) = {(proxy.bytes_up + proxy.bytes_down) / n:.1f} B/event")
    print(f"a day through the link   {elapsed:.1f} s  (target ≤ 60 s; 50 kbit/s, RTT 600 ms, "
          "10 % segments +1 s)")
    print(f"connections opened       {proxy.connections}")

    # -- requests per cycle ------------------------------------------------------------------
    # The day above in one go is a catch-up cycle (300 events > 200 a batch). In a normal day
    # the desk syncs every 60 s and ~1 event waits at each cycle; the pooled connection has
    # expired by then (keep-alive 5 s), so a fresh client stands for "the next cycle".
    c.close()
    from tests.sync.harness import intake

    steady_events = len(intake(ctx, 1, name="Trần Văn Bình"))
    reqs = Requests(proxy)
    c = _client(ctx, proxy, district.token, reqs)
    conns, t0 = proxy.connections, time.monotonic()
    steady = c.sync_once()
    steady_s, steady_conns = time.monotonic() - t0, proxy.connections - conns
    steady_names = reqs.names(0)
    mark, t0 = reqs.mark(), time.monotonic()
    c.sync_once()  # right after: nothing pending at all
    idle_s, idle_names = time.monotonic() - t0, reqs.names(mark)
    print(f"requests per cycle       {len(steady_names)} with {steady.events_up} new event(s) "
          f"({describe(steady_names)}; {steady_conns} new connection(s), {steady_s:.1f} s)"
          f"  (target ≤ 2)")
    print(f"requests, idle cycle     {len(idle_names)} ({describe(idle_names)}; {idle_s:.1f} s)")
    print(f"requests, the day's cycle {len(day_names)} in {len(cycles)} cycle(s) "
          f"({describe(day_names)}: {n} events > 200 a batch)")
    assert steady_events == 1

    # -- a 30-day backlog --------------------------------------------------------------------
    from tests.sync.harness import bulk_history

    t0 = time.monotonic()
    backlog = bulk_history(ctx, days=args.backlog_days, per_day=args.backlog_per_day)
    build_s = time.monotonic() - t0
    mark, up0, down0 = reqs.mark(), proxy.bytes_up, proxy.bytes_down
    t0 = time.monotonic()
    brep = c.run(until_idle=True, max_seconds=900)
    backlog_s = time.monotonic() - t0
    up, down = proxy.bytes_up - up0, proxy.bytes_down - down0
    names = reqs.names(mark)
    print(f"{args.backlog_days}-day backlog           {brep.events_up} events (of {backlog}) in "
          f"{brep.batches} batch(es), {len(names)} requests ({describe(names)}); bodies (gzip) "
          f"{brep.bytes_up} B, on the wire {up + down} B (up {up} B, down {down} B) = "
          f"{(up + down) / max(1, backlog):.1f} B/event; through the link in {backlog_s:.1f} s"
          f"  ({LINK}; recorded locally in {build_s:.1f} s)")

    # -- one scan after its event ------------------------------------------------------------
    from desk.services.dossier.attachments import attach

    size = args.scan_kb * 1024
    src = ctx.settings.data_dir / "scans" / "inbox" / "to-khai.pdf"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_bytes(os.urandom(size))  # a JPEG/PDF scan does not compress: random bytes
    attach(ctx, codes[-1], src)
    mark, up0, down0 = reqs.mark(), proxy.bytes_up, proxy.bytes_down
    t0, scan_cycles, stopped, sent = time.monotonic(), 0, "", 0
    while stopped != "done" and scan_cycles < 5:
        srep = c.sync_once()
        scan_cycles += 1
        stopped = str(srep.attachments.get("stopped", ""))
        sent += int(srep.attachments.get("bytes", 0))
    scan_total = time.monotonic() - t0
    up, down = proxy.bytes_up - up0, proxy.bytes_down - down0
    first = next(i for i in range(mark, len(reqs.log)) if "attachments" in reqs.log[i][1])
    t_first, _, up_first, down_first = reqs.log[first]
    scan_s = t0 + scan_total - t_first
    scan_wire = proxy.bytes_up - up_first + proxy.bytes_down - down_first
    print(f"a {args.scan_kb} KB scan             {sent} B of {size} sent ({stopped}) in "
          f"{scan_cycles} cycle(s); requests: {describe(reqs.names(mark))}")
    print(f"scan on the wire         {scan_wire} B (up {proxy.bytes_up - up_first} B, down "
          f"{proxy.bytes_down - down_first} B) = {scan_wire / size:.3f} × the file; "
          f"scan uploaded in {scan_s:.1f} s, with its event first {scan_total:.1f} s "
          f"({up + down} B)  ({LINK})")
    c.close()
    proxy.stop()
    district.stop()
    ctx.close()


if __name__ == "__main__":
    main()

"""A province on one server (issue 19 §2): N offices push a day's events at once, over real
HTTP, to one district server on PostgreSQL (its own process, `uvicorn … --workers W`); then
steady cycles (push 1 event + pull) every 30 s.

    python -m bench.bench_province                    # 10, 130, 500 offices, 1 and 2 workers
    python -m bench.bench_province --offices 10 50 --workers 1 --cycles 2 --period 2

Reports events/s ingested, p50/p95/p99 request latency, errors (timeouts, 5xx), 503 busy
answers (admission control; the office waits Retry-After and sends again), server CPU and peak
RSS (from /proc, all its processes), and exactly-once: rows on the server = distinct events
sent. Every office signs its requests with its own key (desk.sync.transport, as the desk
does). Needs PostgreSQL's binaries (tests/sync/harness.py starts a throw-away cluster).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

from bench.common import BEFORE, Row
from desk.district.db import open_district
from desk.district.offices import add_office
from desk.sync import protocol as P
from desk.sync.transport import ClientConfig, Offline, SyncError, Transport
from tests.sync.harness import free_port, start_pg

EPOCH = 1_795_400_000  # 2026-11-23 (Asia/Ho_Chi_Minh morning)
READ_TIMEOUT = 90.0  # the desk's own client timeout
SERVER = {"app": "desk.district.app:from_env", "pythonpath": ""}  # --app, --pythonpath


def office_id(k: int) -> str:
    return f"000.{k // 100:02d}.{k % 100:02d}.H41"


def day_events(office: str, n: int, start_seq: int = 1) -> list[dict[str, Any]]:
    """A commune's day: each dossier received, then worked on (facts and decisions)."""
    out: list[dict[str, Any]] = []
    seq = start_seq
    k = 0
    while len(out) < n:
        k += 1
        code = f"{office}-261123-{k:04d}"
        steps = [("receive", {"procedure": "1.004873", "name": f"Nguyễn Văn {k}"}, 0),
                 ("note", {"text": "Đã kiểm tra giấy tờ"}, 1),
                 ("transfer", {}, 1)]
        for kind, payload, version in steps:
            if len(out) == n:
                break
            out.append({"i": uuid.uuid4().hex, "s": seq, "a": EPOCH + seq, "h": seq,
                        "t": kind, "e": code, "v": version, "p": payload})
            seq += 1
    return out


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: list[float] = []
        self.errors: dict[str, int] = {}
        self.busy = 0
        self.resent = 0
        self.stored = 0  # events answered accepted/duplicate
        self.finished = 0  # offices whose every batch was answered

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1


def push(net: Transport, events: list[dict[str, Any]], stats: Stats) -> None:
    """Push in batches of P.MAX_EVENTS, as the desk does: Retry-After honoured, a timeout
    or 5xx sent again (the resend the issue counts)."""
    for i in range(0, len(events), P.MAX_EVENTS):
        chunk = events[i:i + P.MAX_EVENTS]
        body = gzip.compress(json.dumps({"batch_id": uuid.uuid4().hex, "app_v": "bench",
                                         "schema_v": P.SCHEMA_V, "device": "pc1", "epoch": 0,
                                         "events": chunk}).encode())
        tries = 0
        while True:
            t0 = time.perf_counter()
            try:
                data = net.call("POST", net.office_path("events:batch"), body)
            except Offline as e:
                ms = (time.perf_counter() - t0) * 1000
                if e.retry_after is not None and "503" in e.detail:
                    with stats.lock:
                        stats.busy += 1
                    time.sleep(e.retry_after)
                    continue
                stats.error(e.detail.split(":")[0] + ":" + e.detail.split(":")[1]
                            if ":" in e.detail else e.detail)
                with stats.lock:
                    stats.latency.append(ms)
                tries += 1
                if tries > 5:
                    return  # this office gave up: not counted as finished
                with stats.lock:
                    stats.resent += len(chunk)
                continue
            except SyncError as e:
                stats.error(type(e).__name__)
                return  # not finished
            with stats.lock:
                stats.latency.append((time.perf_counter() - t0) * 1000)
                stats.stored += sum(r in ("accepted", "duplicate") for r in data["results"])
            break
    with stats.lock:
        stats.finished += 1


def pull(net: Transport, stats: Stats) -> None:
    t0 = time.perf_counter()
    try:
        net.call("GET", net.office_path("changes"), params={"cursor": "", "limit": 50})
    except SyncError as e:
        stats.error("pull:" + type(e).__name__)
    with stats.lock:
        stats.latency.append((time.perf_counter() - t0) * 1000)


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def proc_tree(pid: int) -> list[int]:
    out = [pid]
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().split(") ")[1].split()[1]) == pid:
                    out.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return out


def cpu_rss(pid: int) -> tuple[float, float]:
    """CPU seconds and RSS MB of the server and its worker processes."""
    tick = os.sysconf("SC_CLK_TCK")
    cpu = rss = 0.0
    for p in proc_tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().split(") ")[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / tick
            rss += int(fields[21]) * os.sysconf("SC_PAGE_SIZE") / 2**20
        except (OSError, IndexError):
            pass
    return cpu, rss


def run_one(pg: Any, offices: int, workers: int, per_office: int, cycles: int,
            period: float) -> dict[str, Any]:
    db = f"province_{offices}_{workers}_{uuid.uuid4().hex[:6]}"
    url = pg.new_db(db)
    env = {**os.environ, "DESK_DISTRICT_URL": url}
    path = SERVER["pythonpath"]
    if path:  # another tree's server (the code before a change, for side-by-side figures),
        env["PYTHONPATH"] = path  # on the schema its own migrations make
        subprocess.run([sys.executable, "-c", "import sys; from desk.district.db import "
                        "open_district; open_district(sys.argv[1])", url], env=env, check=True,
                       cwd=path.split(os.pathsep)[0])
    engine = open_district(url, upgrade=not path)
    tokens = {office_id(k): add_office(engine, office_id(k), f"Xã {k}") for k in range(offices)}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", SERVER["app"], "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
         "--log-level", "warning", "--timeout-keep-alive", "75"], env=env,
        cwd=path.split(os.pathsep)[0] or None)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        nets = {o: Transport(ClientConfig(base, t, o, read_timeout=READ_TIMEOUT,
                                          connect_timeout=30)) for o, t in tokens.items()}
        days = {o: day_events(o, per_office) for o in tokens}
        stats = Stats()
        cpu0, _ = cpu_rss(server.pid)
        peak = [0.0]
        stop = threading.Event()

        def watch() -> None:
            while not stop.wait(0.5):
                peak[0] = max(peak[0], cpu_rss(server.pid)[1])

        threading.Thread(target=watch, daemon=True).start()
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=offices) as pool:
            list(pool.map(lambda o: push(nets[o], days[o], stats), tokens))
        burst = time.perf_counter() - t0
        cpu1, _ = cpu_rss(server.pid)
        burst_stats = stats
        steady = Stats()
        seqs = dict.fromkeys(tokens, per_office + 1)
        t1 = time.perf_counter()

        def cycle(o: str, c: int) -> None:
            ev = day_events(o, 1, seqs[o])
            ev[0]["e"] = f"{o}-261124-{c + 1:04d}"
            seqs[o] += 1
            push(nets[o], ev, steady)
            pull(nets[o], steady)

        # Each office keeps its own rhythm (offices start their day at different moments):
        # office k runs its cycle at k/N of the period, every period.
        with ThreadPoolExecutor(max_workers=min(offices, 64)) as pool:
            for c in range(cycles):
                for k, o in enumerate(tokens):
                    due = t1 + c * period + k * period / offices
                    time.sleep(max(0.0, due - time.perf_counter()))
                    pool.submit(cycle, o, c)
        steady_s = time.perf_counter() - t1
        cpu2, _ = cpu_rss(server.pid)
        stop.set()
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT count(*) FROM event")).scalar_one()
            dupes = conn.execute(text(
                "SELECT count(*) FROM (SELECT event_id FROM event GROUP BY event_id "
                "HAVING count(*) > 1) d")).scalar_one()
        sent = offices * (per_office + cycles)
        for n in nets.values():
            n.close()
        return {"offices": offices, "workers": workers, "events": offices * per_office,
                "burst_s": burst, "events_per_s": offices * per_office / burst,
                "p50": pct(burst_stats.latency, 50), "p95": pct(burst_stats.latency, 95),
                "p99": pct(burst_stats.latency, 99), "max": max(burst_stats.latency, default=0),
                "errors": burst_stats.errors, "busy_503": burst_stats.busy,
                "finished": burst_stats.finished,
                "over_timeout": sum(ms >= READ_TIMEOUT * 1000 for ms in burst_stats.latency),
                "resent": burst_stats.resent, "cpu_burst_s": cpu1 - cpu0,
                "steady_requests": len(steady.latency),
                "steady_rps": len(steady.latency) / steady_s if steady_s else 0,
                "steady_p50": pct(steady.latency, 50), "steady_p99": pct(steady.latency, 99),
                "steady_errors": steady.errors, "steady_busy": steady.busy,
                "cpu_steady_s": cpu2 - cpu1, "rss_peak_mb": peak[0],
                "rows": rows, "sent": sent, "exactly_once": rows == sent and dupes == 0,
                "load": os.getloadavg()}  # the machine is shared: the figures' context
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        engine.dispose()


def _wait(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the district server did not start")


def show(r: dict[str, Any], label: str = "") -> None:
    print(f"{label}{r['offices']:>4} offices, {r['workers']} worker(s): {r['events']:,} events in "
          f"{r['burst_s']:.1f} s = {r['events_per_s']:.0f} events/s (budget 1000); push "
          f"p50/p95/p99/max {r['p50']:.0f}/{r['p95']:.0f}/{r['p99']:.0f}/{r['max']:.0f} ms; "
          f"errors {r['errors'] or 0}; 503 busy {r['busy_503']}; resent {r['resent']}; "
          f"offices finished {r['finished']}/{r['offices']}, requests over the client's "
          f"{READ_TIMEOUT:.0f} s timeout {r['over_timeout']}; "
          f"server CPU {r['cpu_burst_s']:.1f} s, RSS peak {r['rss_peak_mb']:.0f} MB", flush=True)
    print(f"     steady (each office every period, offices spread over it): "
          f"{r['steady_requests']} requests, {r['steady_rps']:.0f}/s, p50/p99 "
          f"{r['steady_p50']:.0f}/{r['steady_p99']:.0f} ms (budget p99 1000), errors "
          f"{r['steady_errors'] or 0}, 503 {r['steady_busy']}, CPU {r['cpu_steady_s']:.1f} s; "
          f"rows {r['rows']:,} / sent {r['sent']:,}: exactly once "
          f"{'yes' if r['exactly_once'] else 'NO'}; load average "
          f"{' '.join(f'{x:.1f}' for x in r['load'])}", flush=True)


def _was(b: dict[str, Any] | None, key: str, unit: str = "") -> str:
    return f"; before {b[key]:.0f}{unit}" if b else ""


def _rows(r: dict[str, Any], b: dict[str, Any] | None) -> list[Row]:
    """bench.run's rows for one run (`b`: the same run on the BENCH_BEFORE tree)."""
    n, w = r["offices"], r["workers"]
    cpu = 1000 * r["cpu_burst_s"] / r["events"]
    return [
        Row(f"province {n} offices × {r['events'] // n} events, {w} workers: push all",
            r["burst_s"], "s",
            r["events"] / 1000, f"{r['events_per_s']:.0f} events/s (budget 1000)"
            + _was(b, "events_per_s", " events/s") + f"; 503 waited out {r['busy_503']}"),
        Row(f"province {n} offices: slowest request", r["max"] / 1000, "s", READ_TIMEOUT,
            f"offices finished {r['finished']}/{n}, errors {sum(r['errors'].values())}, "
            f"resent {r['resent']}" + _was(b, "max", " ms")),
        Row(f"province {n} offices: steady cycles p99", r["steady_p99"], "ms", 1000,
            f"{r['steady_rps']:.0f} requests/s, exactly once "
            f"{'yes' if r['exactly_once'] else 'NO'}" + _was(b, "steady_p99", " ms")),
        Row(f"province {n} offices: server CPU per event", cpu, "ms", None,
            f"RSS peak {r['rss_peak_mb']:.0f} MB"
            + (f"; before {1000 * b['cpu_burst_s'] / b['events']:.2f} ms" if b else "")),
    ]


def run() -> list[Row]:
    """For `python -m bench.run province`: 130 and 500 offices, one worker per core (≤ 4),
    steady cycles every 30 s; with BENCH_BEFORE=DIR, that tree's server too, just before."""
    workers = max(1, min(4, os.cpu_count() or 1))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="desk-province-") as tmp:
        os.chmod(tmp, 0o755)  # the cluster runs as the postgres user when we are root
        pg = start_pg(Path(tmp) / "pg")
        try:
            for n in (130, 500):
                before = None
                if BEFORE:
                    SERVER.update(pythonpath=BEFORE)
                    before = run_one(pg, n, workers, 300, 2, 30.0)
                SERVER.update(pythonpath="")
                rows += _rows(run_one(pg, n, workers, 300, 2, 30.0), before)
        finally:
            pg.stop()
    return rows


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--offices", type=int, nargs="+", default=[10, 130, 500])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--events", type=int, default=300, help="events per office in the burst")
    ap.add_argument("--cycles", type=int, default=3, help="steady cycles after the burst")
    ap.add_argument("--period", type=float, default=30.0,
                    help="seconds between steady cycles (smaller compresses time)")
    ap.add_argument("--quick", action="store_true", help="10 and 50 offices, 1 worker")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--label", default="", help="a name printed before each row (before/after)")
    ap.add_argument("--app", default=SERVER["app"], help="the server's app factory (import string)")
    ap.add_argument("--pythonpath", default="", help="where the server imports it from")
    args = ap.parse_args(argv)
    SERVER.update(app=args.app, pythonpath=args.pythonpath)
    if args.quick:
        args.offices, args.workers, args.cycles, args.period = [10, 50], [1], 2, 2.0
    results = []
    with tempfile.TemporaryDirectory(prefix="desk-province-") as tmp:
        os.chmod(tmp, 0o755)  # the cluster runs as the postgres user when we are root
        pg = start_pg(Path(tmp) / "pg")
        try:
            for workers in args.workers:
                for n in args.offices:
                    r = run_one(pg, n, workers, args.events, args.cycles, args.period)
                    results.append(r)
                    show(r, f"{args.label}: " if args.label else "")
        finally:
            pg.stop()
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""`desk district serve --workers 2`: two server processes on one port, both serving pushes,
each on uvloop and httptools."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

from desk.sync import protocol as P
from desk.sync.transport import ClientConfig, Transport
from tests.sync.harness import OFFICE, free_port


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().split(") ")[1].split()[1]) == pid:
                    out.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return out


def test_serve_with_two_workers(run_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "district.sqlite3")
    added = run_desk("district", "office", "add", OFFICE, "--name", "Xã Minh Châu", "--db", db,
                     "--json")
    assert added.returncode == 0, added.stderr
    token = json.loads(added.stdout)["token"]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "desk.cli", "district", "serve", "--db", db,
                               "--port", str(port), "--workers", "2"],
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and server.poll() is None
            time.sleep(0.3)
        workers = [c for c in _children(server.pid)  # uvicorn spawns each worker
                   if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        assert len(workers) == 2
        for pid in workers:  # the event loop and HTTP parser in C (issue 19 §2)
            maps = Path(f"/proc/{pid}/maps").read_text()
            assert "uvloop" in maps and "httptools" in maps, "serving on asyncio and h11"
        net = Transport(ClientConfig(base, token, OFFICE, read_timeout=60))
        ev = {"i": uuid.uuid4().hex, "s": 1, "a": 1_795_400_000, "h": 1, "t": "receive",
              "e": f"{OFFICE}-261123-0001", "v": 0, "p": {"name": "An"}}
        body = gzip.compress(json.dumps({"batch_id": "b", "schema_v": P.SCHEMA_V,
                                         "device": "pc1", "epoch": 0, "events": [ev]}).encode())
        try:
            assert net.call("POST", net.office_path("events:batch"), body)["results"] == [
                "accepted"]
        finally:
            net.close()
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()

"""Issue 15 §1: a 1 GiB body — chunked or declared, with or without a token, to the events batch
and to a scan's PATCH — never grows the district's memory by 50 MB. The server is the real
`desk district serve` in its own process; its RSS is read from /proc before and after."""

from __future__ import annotations

import calendar
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desk.sync import protocol as P
from tests.sync.harness import OFFICE, free_port

GIB = 1 << 30
BLOCK = b"x" * (1 << 20)
SHA = "ab" * 32

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("mem")
    db = str(tmp / "district.sqlite3")
    env = {**os.environ, "DESK_LANG": "en"}
    added = subprocess.run([sys.executable, "-m", "desk.cli", "district", "office", "add", OFFICE,
                            "--name", "Xã", "--db", db, "--json"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert added.returncode == 0, added.stderr
    token = json.loads(added.stdout)["token"]
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "desk.cli", "district", "serve", "--db", db,
                             "--port", str(port), "--files", str(tmp / "files")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "district did not start"
            time.sleep(0.2)
    yield proc, port, token
    proc.terminate()
    proc.wait(20)


def _head(method: str, target: str, token: str | None, extra: dict[str, str]) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    if token is not None:  # signed for a body it will never see: auth passes on the headers
        # the real clock: the district judges the signature's time against its own
        ts, nonce = str(calendar.timegm(time.gmtime())), os.urandom(12).hex()
        for k, v in P.signed_headers(token, method, target, P.content_digest(b"{}"), ts,
                                     nonce).items():
            lines.append(f"{k}: {v}")
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def send_big(port: int, method: str, target: str, token: str | None,
             chunked: bool) -> tuple[int, int]:
    """Send up to 1 GiB; (HTTP status, bytes the server let in before answering)."""
    extra = {"Transfer-Encoding": "chunked"} if chunked else {"Content-Length": str(GIB)}
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(_head(method, target, token, extra))
    sent = [0]

    def pump() -> None:
        frame = (f"{len(BLOCK):x}\r\n".encode() + BLOCK + b"\r\n") if chunked else BLOCK
        try:
            while sent[0] < GIB:
                sock.sendall(frame)
                sent[0] += len(BLOCK)
        except OSError:
            pass  # the server answered and closed: what we want

    t = threading.Thread(target=pump, daemon=True)
    t.start()
    reply = b""
    while b"\r\n" not in reply:
        part = sock.recv(4096)
        if not part:
            break
        reply += part
    sock.close()
    t.join(60)
    return int(reply.split(b" ", 2)[1]), sent[0]


CASES = [("events:batch", "POST"), (f"attachments/{SHA}?offset=0&length=10&dossier=X", "PATCH")]


@pytest.mark.parametrize("signed", [False, True], ids=["no_token", "token"])
@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "declared"])
@pytest.mark.parametrize("tail,method", CASES, ids=["events", "patch"])
def test_a_gigabyte_body_leaves_memory_flat(server: Any, tail: str, method: str, signed: bool,
                                            chunked: bool) -> None:
    proc, port, token = server
    before = rss_mb(proc.pid)
    status, sent = send_big(port, method, f"/v1/offices/{OFFICE}/{tail}",
                            token if signed else None, chunked)
    grown = rss_mb(proc.pid) - before
    print(f"{method} {tail[:12]} signed={signed} chunked={chunked}: {status}, "
          f"{sent / 2**20:.0f} MiB sent, RSS +{grown:.1f} MB (budget 50)")
    assert status == (413 if signed else 401)
    assert grown < 50
    assert sent < GIB  # the server stopped reading long before the end

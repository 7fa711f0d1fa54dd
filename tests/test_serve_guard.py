"""Issue 15 §3: `desk serve` refuses foreign Origins, wants the access secret it prints (a link
that sets a cookie), and caps concurrent sessions; the display obeys the Origin rule. The real
`desk serve` in a subprocess, a real browser-like client (aiohttp)."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.sync.harness import free_port


def _start(app: str, config: Path, tmp: Path) -> tuple[subprocess.Popen[str], str, str]:
    port = free_port()
    env = {**os.environ, "DESK_CONFIG": str(config), "HOME": str(tmp), "DESK_LANG": "en",
           "XDG_DATA_HOME": str(tmp / "xdg")}
    env.pop("DESK_SERVE_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "desk.cli", "serve", "--app", app,
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp)
    assert proc.stdout is not None
    link = ""
    deadline = time.monotonic() + 60
    while not link and time.monotonic() < deadline:
        line = proc.stdout.readline()
        found = re.search(r"(http://\S+)", line)
        link = found.group(1) if found else ""
    assert link, "desk serve printed no link"
    base = f"http://127.0.0.1:{port}"
    while time.monotonic() < deadline:  # the link is printed just before the port opens
        try:
            import socket

            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, base, link


@pytest.fixture
def served(config_file: Path, tmp_path: Path) -> Iterator[Any]:
    config_file.write_text(config_file.read_text(encoding="utf-8")
                           + "\n[security]\nserve_max_sessions = 1\n", encoding="utf-8")
    procs: list[subprocess.Popen[str]] = []

    def start(app: str) -> tuple[str, str]:
        proc, base, link = _start(app, config_file, tmp_path)
        procs.append(proc)
        return base, link

    yield start
    for p in procs:
        p.terminate()
        p.wait(20)


async def _ws(session: aiohttp.ClientSession, url: str, origin: str) -> int:
    try:
        async with session.ws_connect(url, headers={"Origin": origin}):
            return 101
    except aiohttp.WSServerHandshakeError as e:
        return e.status


def test_counter_app_needs_the_link_and_its_own_origin(served: Any) -> None:
    base, link = served("main")
    assert "token=" in link

    async def probe() -> None:
        async with aiohttp.ClientSession() as bare:
            async with bare.get(base + "/") as r:
                assert r.status == 403  # no secret: no page
            assert await _ws(bare, base.replace("http", "ws") + "/ws", base) == 403
            async with bare.get(base + "/?token=wrong", allow_redirects=False) as r:
                assert r.status == 403
        # the jar keeps cookies for an IP address too (a LAN PC has no name)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as s:
            async with s.get(base + "/?" + link.split("?", 1)[1],
                             allow_redirects=False) as r:
                assert r.status == 302 and "HttpOnly" in r.headers["Set-Cookie"]
            async with s.get(base + "/") as r:
                assert r.status == 200
            ws = base.replace("http", "ws") + "/ws"
            assert await _ws(s, ws, "http://evil.example") == 403
            async with s.ws_connect(ws, headers={"Origin": base}) as first:
                assert await _ws(s, ws, base) == 503  # one session allowed here
                await first.close()

    asyncio.run(probe())


def test_display_obeys_the_origin_rule(served: Any) -> None:
    base, link = served("display")
    assert "token=" not in link

    async def probe() -> None:
        async with aiohttp.ClientSession() as s:
            async with s.get(base + "/") as r:
                assert r.status == 200  # the TV opens it without a secret
            ws = base.replace("http", "ws") + "/ws"
            assert await _ws(s, ws, "http://evil.example") == 403

    asyncio.run(probe())

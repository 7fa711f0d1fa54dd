"""A real office for the waiting-room tests: a desk.toml, the `desk display --web` server in
its own process, `desk` commands and a caller process, all on one SQLite file; and the
waiting-room app served in the test's own event loop (`served`) with its stream read (`events`)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette

from tests.cli_in_process import run_cli

NOW = "2026-11-23 09:00"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                "--disable-background-networking", "--disable-component-update",
                "--autoplay-policy=no-user-gesture-required"]
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

CONFIG = """
[office]
name = "UBND xã Quỳnh Lưu (thử nghiệm)"
[storage]
database = "office.sqlite3"
data_dir = "data"
[printers.receipt]
profile = "epson80"
transport = "dir:"
[queue]
web_url = "http://127.0.0.1:{port}"
web_port = {port}
notices = ["Giờ làm việc: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ.",
           "Thứ Bảy tiếp nhận hồ sơ đất đai."]
[[queue.counters]]
number = 1
name = "Quầy 1"
[[queue.counters]]
number = 2
name = "Quầy 2"
[[queue.counters]]
number = 3
name = "Quầy 3"
[[queue.services]]
code = "HT"
name = "Hộ tịch"
prefix = "A"
counters = [1, 2]
[[queue.services]]
code = "CT"
name = "Chứng thực"
prefix = "B"
counters = [2, 3]
[[queue.services]]
code = "CU"
name = "Cư trú"
prefix = "C"
counters = [3]
[[queue.services]]
code = "DD"
name = "Đất đai – Xây dựng"
prefix = "D"
counters = [1, 3]
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def served(app: Starlette) -> AsyncIterator[str]:
    """The waiting-room app on a free port in this event loop; yields its address."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    task = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def events(r: httpx.Response) -> AsyncIterator[tuple[str, dict[str, Any]]]:
    """The server-sent events of a streamed response, as (event, data)."""
    kind = ""
    async for line in r.aiter_lines():
        if line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("data: "):
            yield kind, json.loads(line[6:])


def wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


class Office:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.config = folder / "desk.toml"
        self.config.write_text(CONFIG.format(port=self.port), encoding="utf-8")
        self.env = {**os.environ, "DESK_CONFIG": str(self.config), "DESK_NOW": NOW,
                    "HOME": str(folder), "PYTHONIOENCODING": "utf-8"}
        self.server: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def desk(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`desk ARGS` at this office, run in the test process (tests/cli_in_process.py): the
        clerk's terminal, beside the waiting-room server's own process."""
        r = run_cli(args, env=self.env, cwd=self.folder)
        assert r.returncode == 0, (args, r.stdout, r.stderr)
        return r

    def start(self) -> None:
        self.server = subprocess.Popen(
            [sys.executable, "-m", "desk.cli", "display", "--web", "--host", "127.0.0.1",
             "--port", str(self.port)], env=self.env, cwd=self.folder,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_port(self.port)

    def stop(self) -> None:
        if self.server is not None:
            self.server.terminate()
            try:
                self.server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.server.kill()
                self.server.wait()
            self.server = None

    def script(self, code: str, *args: str, wait: bool = True) -> Any:
        """Run Python `code` in another process with this office's settings."""
        argv = [sys.executable, "-c", code, *args]
        if not wait:
            return subprocess.Popen(argv, env=self.env, cwd=self.folder,
                                    stdout=subprocess.PIPE, text=True)
        r = subprocess.run(argv, env=self.env, cwd=self.folder, capture_output=True,
                           text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        return r.stdout


def screenshots_dir(tmp_path: Path) -> Path:
    out = Path(os.environ.get("DESK_SCREENSHOTS", tmp_path))
    out.mkdir(parents=True, exist_ok=True)
    return out


def fonts_not_from_the_desk(page: Any) -> list[tuple[str, str]]:
    """(element, typeface) for text Chromium draws with a font of this machine instead of the
    ones the desk serves: a TV box or a phone without that font shows empty boxes there.
    Asked of Chromium itself (DevTools' CSS.getPlatformFontsForNode), element by element."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    out: list[tuple[str, str]] = []
    todo = [cdp.send("DOM.getDocument", {"depth": -1})["root"]]
    while todo:
        node = todo.pop()
        todo += node.get("children", [])
        if node.get("nodeType") != 1:
            continue
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        attrs = node.get("attributes", [])
        name = node["localName"] + "".join(f".{v}" for k, v in zip(attrs[::2], attrs[1::2],
                                                                     strict=True)
                                           if k in ("id", "class"))
        out += [(name, f["familyName"]) for f in fonts if not f["isCustomFont"]]
    cdp.detach()
    return out

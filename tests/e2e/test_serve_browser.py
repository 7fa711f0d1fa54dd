"""The waiting-room display served by `desk serve` and opened in a real headless Chromium.

The call is made from another process (`desk queue call`); the test reads what the browser
received over the terminal's WebSocket and saves a screenshot for people to look at.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
ANSI = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"desk serve did not listen on {port}")


def test_display_in_a_browser_shows_the_called_number(run_desk, config_file: Path,
                                                      tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    playwright = pytest.importorskip("playwright.sync_api")
    run_desk("demo", "--no-tui")
    assert run_desk("queue", "issue", "HT", "--no-print").stdout.strip() == "A001"
    assert run_desk("queue", "issue", "HT", "--no-print").stdout.strip() == "A002"
    port = _free_port()
    # the display runs on the same pinned day as the tickets run_desk issued
    from tests.conftest import PINNED_NOW

    env = {**os.environ, "DESK_CONFIG": str(config_file), "HOME": str(tmp_path),
           "DESK_NOW": PINNED_NOW}
    server = subprocess.Popen(
        [sys.executable, "-m", "desk.cli", "serve", "--app", "display", "--port", str(port)],
        env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    received = bytearray()
    try:
        _wait_port(port)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync"])
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("websocket", lambda ws: ws.on(
                "framereceived",
                lambda payload: received.extend(payload if isinstance(payload, bytes) else b"")))
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_timeout(6000)  # the display process starts and paints
            before_call = len(received)
            assert run_desk("queue", "call", "2").returncode == 0  # another terminal calls
            page.wait_for_timeout(3000)
            shot = tmp_path / "display.png"
            page.screenshot(path=str(shot))
            browser.close()
        out = Path(os.environ.get("DESK_SCREENSHOTS", tmp_path))
        out.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, out / "display-in-browser.png")
    finally:
        server.terminate()
        server.wait(timeout=20)
    before = ANSI.sub(b"", bytes(received[:before_call])).decode("utf-8", "replace")
    after = ANSI.sub(b"", bytes(received[before_call:])).decode("utf-8", "replace")
    assert "Đang chờ" in before and "A001" not in before  # painted, nothing called yet
    assert "A001" in after  # the call made at another terminal reached the browser

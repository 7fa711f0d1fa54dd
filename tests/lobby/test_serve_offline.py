"""`desk serve` (textual-serve) no longer asks Google for a font: an offline LAN gets the whole
page from the desk, and the terminal takes keys without a first click."""

from __future__ import annotations

import re
import subprocess
import sys

import httpx

from desk.lobby.textual_serve_page import SOURCE, offline_page
from tests.lobby.harness import Office, wait_port

HOSTS = re.compile(r"(?:https?:)?//([\w-]+(?:\.[\w-]+)+)", re.I)


def external(page: str, own: str = "127.0.0.1") -> list[str]:
    """Hosts other than the desk's, XML namespaces aside (an SVG's xmlns names, never loads)."""
    return [h for h in HOSTS.findall(re.sub(r'xmlns="[^"]*"', "", page)) if h != own]


def test_the_installed_template_is_the_one_with_the_cdn() -> None:
    # what this fixes: if textual-serve drops the CDN itself, this test says so
    assert "fonts.googleapis.com" in SOURCE.read_text(encoding="utf-8")
    page = offline_page(SOURCE.read_text(encoding="utf-8"))
    assert external(page) == []
    assert "RobotoMono-VariableFont_wght.ttf" in page and ".xterm-helper-textarea" in page


def test_desk_serve_page_has_no_external_url(office: Office) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "desk.cli", "serve", "--app", "display", "--port",
         str(office.port)], env=office.env, cwd=office.folder,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(office.port)
        html = httpx.get(office.url + "/", timeout=10).text
        font = httpx.get(office.url + "/static/fonts/RobotoMono-VariableFont_wght.ttf")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert "xterm.css" in html and external(html) == []
    assert font.status_code == 200 and len(font.content) > 10_000

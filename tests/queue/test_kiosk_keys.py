"""The kiosk's keys belong to the citizen in the waiting room: no key closes it (F10, Ctrl+Q,
Ctrl+C; a hostile neighbour must not quit it, docs/security.md), and its footer says what each
key does there: F12 checks an appointment in, it does not lock (the counter's F12). The
administrator closes it from the system (SIGTERM)."""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.widgets import Digits

from desk.app import DeskApp
from desk.i18n import set_language
from desk.queue_apps import KioskApp
from desk.services.context import DeskContext
from screens.keyplan import GLOBAL_ACTIONS
from screens.kiosk import KioskScreen, ReasonModal
from screens.widgets.keys_line import short
from tests.tui import workers_done


async def _opened(pilot: Any) -> None:
    """Wait for the kiosk's services, which open after the first paint (9656065)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + 10
    while not isinstance(pilot.app.screen, KioskScreen):
        assert loop.time() < end, "the kiosk did not open"
        await pilot.pause(0.05)
    await workers_done(pilot.app)
    await pilot.pause()


async def _until(pilot: Any, screen: type) -> None:
    """Wait for a screen to be on top (a modal opens or closes after the key)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + 10
    while not isinstance(pilot.app.screen, screen):
        assert loop.time() < end, screen
        await pilot.pause(0.05)


def _last_row(app: KioskApp) -> str:
    """The bottom line exactly as the terminal draws it."""
    return app.screen._compositor.render_strips()[-1].text


async def test_no_key_closes_the_kiosk(qctx: DeskContext) -> None:
    app = KioskApp(qctx)
    async with app.run_test(size=(100, 36)) as pilot:
        await _opened(pilot)
        kiosk = app.screen
        for key in ("f10", "ctrl+q", "ctrl+c", "f1"):
            await pilot.press(key)
            await pilot.pause(0.1)
            assert app.is_running and app.return_code is None, key
            assert app.screen is kiosk, key  # no help panel listing a quit key either
        # nothing told the citizen how to quit ("Press ctrl+q to quit the app")
        assert not [n.message for n in app._notifications], list(app._notifications)
        await pilot.press("1")  # and the kiosk still issues tickets
        await workers_done(app)
        await pilot.pause()
        assert kiosk.last_issued.ticket.label == "A001"


@pytest.mark.parametrize(("lang", "says", "never"), [
    ("vi", ["1 Hộ tịch", "0 Ưu tiên", "f12 Có lịch hẹn", "/ Đặt lịch"],
     ["Khoá", "Tắt", "f10", "f1 "]),
    ("en", ["1 Hộ tịch", "0 Priority", "f12 Appointment", "/ Book"],
     ["Lock", "Quit", "f10", "f1 "]),
])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_kiosk_footer_says_what_its_keys_do(
        qctx: DeskContext, lang: str, says: list[str], never: list[str],
        size: tuple[int, int]) -> None:
    set_language(lang)  # the autouse fixture puts Vietnamese back
    app = KioskApp(qctx)
    async with app.run_test(size=size) as pilot:
        await _opened(pilot)
        row = _last_row(app)
    for words in says:
        assert words in row, (words, row)
    for words in never:
        assert words not in row, (words, row)
    # the citizen's keys in the order the screen lists them: services, priority, then the rest
    assert row.index("1 Hộ tịch") < row.index("f12") < row.index("/ "), row


@pytest.mark.parametrize(("lang", "says"), [
    ("vi", ["F12 hoặc *  Có lịch hẹn: xác nhận có mặt", "/ hoặc +  Đặt lịch hẹn",
            "Mời nhận phiếu và chờ gọi số"]),
    ("en", ["F12 or *  I have an appointment", "/ or +  Book an appointment",
            "Take your ticket and watch"]),
])
async def test_the_kiosk_screen_says_how_to_check_in_or_book(
        qctx: DeskContext, lang: str, says: list[str]) -> None:
    """Not only the footer: before, the screen itself named only the service keys and 0.
    The line leaves room at 80×24 for the ticket just taken and its last line."""
    set_language(lang)
    app = KioskApp(qctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await _opened(pilot)
        await pilot.press("1")
        await workers_done(app)
        await pilot.pause()
        rows = [strip.text for strip in app.screen._compositor.render_strips()[:-1]]
    shown = "\n".join(rows)
    for words in says:
        assert any(words in row for row in rows), (words, shown)


@pytest.mark.parametrize(("lang", "says"), [
    ("vi", ["Hộ tịch — số người đang chờ trước: 0", "Thời gian chờ dự kiến",
            "ƯU TIÊN: Người có công với cách mạng", "Mời nhận phiếu và chờ gọi số trên màn hình."]),
    ("en", ["Hộ tịch — people ahead: 0", "Estimated wait",
            "PRIORITY: Person with merit", "Take your ticket and watch the screen"]),
])
async def test_a_priority_ticket_fits_whole_at_80x24(
        qctx: DeskContext, lang: str, says: list[str]) -> None:
    """The priority reason's line pushed 'Mời nhận phiếu…' off the screen; it now stands
    beside the number, and the armed line takes no row while it is empty."""
    set_language(lang)
    app = KioskApp(qctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await _opened(pilot)
        await pilot.press("0")
        await _until(pilot, ReasonModal)
        await pilot.press("4")  # the longest reason: merit
        await _until(pilot, KioskScreen)
        await pilot.press("1")
        await workers_done(app)
        await pilot.pause()
        issued = app.screen.last_issued
        number = app.screen.query_one("#kiosk-number", Digits)
        rows = [strip.text for strip in app.screen._compositor.render_strips()[:-1]]
    assert (issued.ticket.label, issued.ticket.priority_reason) == ("A001", "merit")
    assert number.value == "A001" and number.region.bottom <= 23, number.region
    shown = "\n".join(rows)
    for words in says:
        assert any(words in row for row in rows), (words, shown)


def _read(fd: int, until: bytes, seconds: float) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while until not in out and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:  # the process closed the terminal
                break
    return out


def test_the_administrator_closes_the_kiosk_with_sigterm(demo_ctx: DeskContext,
                                                          tmp_path: Path) -> None:
    """`systemctl stop` or `kill PID`: the kiosk ends with status 0 and hands the terminal
    back (its screen mode left), instead of dying with the terminal garbled."""
    cfg = tmp_path / "desk.toml"
    cfg.write_text(f'[storage]\ndatabase = "{demo_ctx.settings.database_path.as_posix()}"\n',
                   encoding="utf-8")
    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "DESK_CONFIG": str(cfg)}
    env.pop("DESK_LANG", None)
    proc = subprocess.Popen([sys.executable, "-m", "desk.cli", "kiosk"], stdin=side,
                            stdout=side, stderr=side, env=env, cwd=tmp_path, close_fds=True)
    os.close(side)
    try:
        shown = _read(main, "MỜI CHỌN DỊCH VỤ".encode(), 60)
        assert "MỜI CHỌN DỊCH VỤ".encode() in shown, shown[-500:]
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=30)
        rest = _read(main, b"\x1b[?1049l", 5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert rc == 0
    assert b"\x1b[?1049l" in rest  # the terminal's own screen is back


def test_the_short_labels_follow_the_counter_apps_global_keys() -> None:
    """GLOBAL_ACTIONS names what each global key does at the counter: its short footer label
    ("f12 Khoá") is shown only for that action, elsewhere the key's own words."""
    app_keys = {b.key: b.action for klass in DeskApp.__mro__
                for b in Binding.make_bindings(klass.__dict__.get("BINDINGS", []))}
    app_keys[DeskApp.COMMAND_PALETTE_BINDING] = "command_palette"
    assert {k: app_keys.get(k) for k in GLOBAL_ACTIONS} == GLOBAL_ACTIONS
    assert short("f12", "lock", "Khoá máy") == "Khoá"
    assert short("f12", "checkin", "Có lịch hẹn") == "Có lịch hẹn"

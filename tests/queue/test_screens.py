"""Screens in Pilot: the display sees another process's call, a whole counter session, the
kiosk, the supervisor's day."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlmodel import select
from textual.widgets import DataTable, Digits, Static

from desk.config import load_file
from desk.queue_apps import CounterApp, DisplayApp, KioskApp, SupervisorApp
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.queue import tickets as queue
from desk.services.queue.announce import Announcer
from storage.engine import read_session
from storage.tables.queue import Ticket, TicketEvent
from tests.conftest import REPO, local
from tests.queue.conftest import MovingClock
from tests.tui import workers_done


def _silent() -> Announcer:
    return Announcer(None, which=lambda _name: None)


async def _until(pilot, predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not predicate():
        assert loop.time() < end, "timed out"
        await pilot.pause(0.05)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await workers_done(pilot.app)
    await pilot.pause()


def _shared_office(tmp_path: Path) -> tuple[Path, DeskContext]:
    cfg = tmp_path / "desk.toml"
    cfg.write_text(f'[storage]\ndatabase = "{tmp_path / "shared.sqlite3"}"\n'
                   f'data_dir = "{tmp_path}"\n', encoding="utf-8")
    return cfg, DeskContext(load_file(cfg), clock=fixed_clock(local(2026, 11, 23, 9, 0)))


async def test_display_sees_a_call_made_by_another_process(tmp_path: Path) -> None:
    cfg, ctx = _shared_office(tmp_path)
    queue.issue(ctx, "HT", print_ticket=False)
    queue.issue(ctx, "CT", print_ticket=False)
    announcer = _silent()
    app = DisplayApp(ctx, announcer=announcer)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        await _until(pilot, lambda: screen.snapshot is not None)
        assert screen.snapshot.calls == []
        env = {**os.environ, "DESK_CONFIG": str(cfg), "DESK_NOW": "2026-11-23 09:00",
               "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run([sys.executable, "-m", "desk.cli", "queue", "call", "1"],
                              capture_output=True, text=True, env=env, cwd=REPO, timeout=60)
        assert done.stdout.strip() == "A001", done.stderr
        await _until(pilot, lambda: bool(screen.snapshot.calls))
        assert screen.query_one("#dsp-number", Digits).value == "A001"
        assert screen.query_one("#dsp-counter", Digits).value == "1"
        assert screen.query_one("#dsp-call").has_class("-fresh")
        assert [label for _, label, _ in screen.shown] == ["A001"]
        waiting = str(screen.query_one("#dsp-waiting", Static).render())
        assert "Chứng thực (B): 1" in waiting and "Hộ tịch (A): 0" in waiting
        announcer.wait_idle()
        assert announcer.spoken == ["Xin mời công dân có số thứ tự A một đến quầy số một"]
        assert "Không có âm thanh" in str(screen.query_one("#dsp-note", Static).render())
    ctx.close()


async def test_display_survives_a_busy_database(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, ctx = _shared_office(tmp_path)
    queue.issue(ctx, "HT", print_ticket=False)
    queue.call_next(ctx, 1)
    app = DisplayApp(ctx, announcer=_silent())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        await _until(pilot, lambda: screen.snapshot is not None)

        def busy(*_a, **_k):  # type: ignore[no-untyped-def]
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(queue.QueueFeed, "snapshot", busy)
        queue.finish(ctx, 1)  # a commit, so the display tries to read and fails
        await _until(pilot, lambda: screen.stale)
        assert screen.query_one("#dsp-number", Digits).value == "A001"  # last state kept
        assert "Mất kết nối" in str(screen.query_one("#dsp-note", Static).render())
        monkeypatch.undo()
        queue.issue(ctx, "HT", print_ticket=False)
        await _until(pilot, lambda: not screen.stale)
    ctx.close()


async def test_counter_session(qctx: DeskContext, clock: MovingClock) -> None:
    queue.issue(qctx, "HT", print_ticket=False)
    queue.issue(qctx, "KT", print_ticket=False)
    queue.issue(qctx, "HT", "elderly", print_ticket=False)
    app = CounterApp(qctx, 1, clerk="Lan")
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)  # the screen opens after the first paint (test_first_paint_lean)
        screen = app.screen
        table = screen.query_one("#cq-table", DataTable)
        assert table.row_count == 2  # HT and KT serve counter 1
        assert "có thể gọi: 3" in str(screen.query_one("#cq-here", Static).render())
        await pilot.press("g")  # call next (gọi)
        await _settle(pilot)
        assert screen.query_one("#cq-current", Digits).value == "A002"  # priority first
        assert "Người cao tuổi" in str(screen.query_one("#cq-current-info", Static).render())
        await pilot.press("l", "b")  # recall (gọi lại), start (bắt đầu)
        await _settle(pilot)
        await pilot.press("x")  # finish (xong)
        await pilot.pause()
        await pilot.press(*"HS-01", "enter")
        await _settle(pilot)
        assert "Đã xong" in str(screen.query_one("#cq-message", Static).render())
        await pilot.press("g")
        await _settle(pilot)
        assert screen.state.current.label == "A001"
        await pilot.press("v")  # no-show before any recall: refused with a clear message
        await _settle(pilot)
        assert screen.query_one("#cq-message").has_class("-error")
        await pilot.press("l", "v")  # recall, no-show (vắng)
        await _settle(pilot)
        await pilot.press("g", "c")  # call next, transfer (chuyển)
        await pilot.pause()
        await pilot.press("4", "enter")  # D001 → counter 4
        await _settle(pilot)
        assert "quầy 4" in str(screen.query_one("#cq-message", Static).render())
        await pilot.press("p")
        await _settle(pilot)
        assert screen.state.paused
        await pilot.press("f2")
        await _settle(pilot)
        assert "tạm dừng" in str(screen.query_one("#cq-message", Static).render())
        await pilot.press("p")
        await _settle(pilot)
        assert not screen.state.paused
    with read_session(qctx.engine) as s:
        kinds = [(e.kind, e.label) for e in s.exec(
            select(TicketEvent).order_by(TicketEvent.seq)).all()][3:]  # type: ignore[arg-type]
        a2 = s.exec(select(Ticket).where(Ticket.label == "A002")).one()
    assert kinds == [("CALL", "A002"), ("RECALL", "A002"), ("START", "A002"),
                     ("FINISH", "A002"), ("CALL", "A001"), ("RECALL", "A001"),
                     ("NO_SHOW", "A001"), ("CALL", "D001"), ("TRANSFER", "D001"),
                     ("PAUSE", ""), ("RESUME", "")]
    assert a2.dossier_code == "HS-01" and a2.clerk == "Lan"


async def test_kiosk_issues_normal_and_priority(qctx: DeskContext) -> None:
    app = KioskApp(qctx)
    async with app.run_test(size=(100, 36)) as pilot:
        await _settle(pilot)  # the services open after the first paint (test_first_paint_lean)
        screen = app.screen
        await pilot.press("1")
        await _settle(pilot)
        assert screen.last_issued.ticket.label == "A001"
        assert screen.query_one("#kiosk-number", Digits).value == "A001"
        await pilot.press("0")
        await pilot.pause(0.2)  # "0" waits a moment: a card's number starts with it
        await pilot.press("3")  # disability
        await pilot.pause()
        assert screen.pending_reason == "disability"
        await pilot.press("2")  # Chứng thực
        await _settle(pilot)
        t = screen.last_issued.ticket
        assert (t.label, t.priority_reason) == ("B001", "disability")
        assert screen.pending_reason is None
        await pilot.press("9")  # no ninth service: nothing happens
        await _settle(pilot)
        assert screen.last_issued.ticket.label == "B001"
        footer_keys = {b.binding.description for b in screen.active_bindings.values()
                       if b.binding.show}
        assert "Hộ tịch" in footer_keys and "Ưu tiên" in footer_keys


async def test_supervisor_day(qctx: DeskContext, clock: MovingClock) -> None:
    queue.issue(qctx, "HT", print_ticket=False)
    clock.advance(minutes=20)
    queue.call_next(qctx, 1)
    clock.advance(minutes=5)
    queue.finish(qctx, 1)
    queue.issue(qctx, "CT", print_ticket=False)
    app = SupervisorApp(qctx)
    async with app.run_test(size=(160, 50)) as pilot:
        await _settle(pilot)  # the day opens after the first paint
        screen = app.screen
        assert "20,0 phút" in str(screen.query_one("#tile-mean", Static).render())
        assert screen.query_one("#tile-longest").has_class("-alert")  # 20 min > 10-min target
        assert screen.query_one("#sup-counters", DataTable).row_count == 1
        assert "08h" in str(screen.query_one("#sup-chart", Static).render())
        await pilot.press("f6")
        await _settle(pilot)
        assert (qctx.settings.exports_dir / "queue-2026-11-23.csv").is_file()  # Documents
        await pilot.press("f3")
        await _settle(pilot)
        assert screen.stats.issued == 0
        assert "chưa có số liệu" in str(screen.query_one("#sup-chart", Static).render())


async def test_a_card_scanned_at_the_kiosk_greets_and_issues_no_ticket(
        qctx: DeskContext) -> None:
    from textual import events

    app = KioskApp(qctx)
    card = "001192004567||TRẦN THỊ THU HƯƠNG|07081992|Nữ|Hà Nội|15032022|"
    async with app.run_test(size=(100, 36)) as pilot:
        await _settle(pilot)  # the services open after the first paint
        screen = app.screen
        for i, ch in enumerate([*card, "enter"]):
            key = "enter" if ch == "enter" else ("vertical_line" if ch == "|" else ch)
            event = events.Key(key, "\r" if ch == "enter" else ch)
            event.time = 7000 + i * 0.004
            app.post_message(event)
        await _until(pilot, lambda: "Trần Thị Thu Hương" in str(
            screen.query_one("#kiosk-armed", Static).render()))
        await pilot.pause(0.2)
        assert screen.last_issued is None and screen.pending_reason is None
        assert app.screen is screen  # the "0" did not leave the reason question open
        await pilot.press("1")  # a citizen's press still issues at once
        await _settle(pilot)
        assert screen.last_issued.ticket.label == "A001"

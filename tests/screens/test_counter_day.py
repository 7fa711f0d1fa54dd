"""A clerk's day at the counter (issue 14 §2): Escape leaves intake, drafts belong to their
clerk, the new code stays visible, the desk locks (F12 or idle) and another clerk logs in,
the home line follows the clock."""

from __future__ import annotations

import time
from typing import Any

from textual.widgets import Input, Static
from textual.widgets._toast import Toast

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.trust import audit
from screens.home import HomeScreen
from screens.login import LoginScreen
from screens.widgets.confirm import Confirm
from tests.conftest import local
from tests.queue.conftest import MovingClock
from tests.screens.conftest import settle, wait_until


def _text(app: Any, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _login(pilot: Any, who: str, pin: str) -> None:
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, LoginScreen))
    await pilot.press(*who, "enter", *pin, "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


async def test_escape_leaves_intake_and_asks_when_something_is_typed(app: DeskApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        intake = app.screen
        await pilot.press("escape")  # nothing typed: straight home
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is intake
        await pilot.press(*"khai sinh")
        await settle(pilot)
        assert intake.query_one("#procedure-list").display
        await pilot.press("escape")  # first the open list closes
        assert app.screen is intake and not intake.query_one("#procedure-list").display
        await pilot.press("escape")  # then it asks
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is intake
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # leave
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f2")
        await settle(pilot)
        assert intake.query_one("#procedure", Input).value == "khai sinh"  # kept


async def test_f12_locks_and_another_clerk_logs_in_without_restart(app: DeskApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter", *"Hoa")
        await pilot.press("f12")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen) and app.actor is None
        assert "Nguyễn Thị Lan" not in app.sub_title
        locks = audit.entries(app.ctx, action=audit.LOGOUT)  # issue 15: the lock is audited
        assert [(e["actor_name"], e["detail"]) for e in locks] == [
            ("Nguyễn Thị Lan", {"counter": 1, "idle": False})]
        await pilot.press("f2")  # nothing opens while locked
        assert isinstance(app.screen, LoginScreen)
        await _login(pilot, "minh", "2345")
        assert app.actor is not None and app.actor.name == "Trần Văn Minh"
        await pilot.press("f2")
        await settle(pilot)
        # Minh never sees Lan's draft, nor her screen
        assert app.screen.query_one("#name", Input).value == ""
        assert not app.screen.query_one("#intake-draft").display
        await pilot.press("f12")
        await settle(pilot)
        await _login(pilot, "lan", "1234")
        await pilot.press("f2")
        await wait_until(pilot, lambda: app.screen.query_one("#intake-draft").display)
        assert app.screen.query_one("#name", Input).value == "Hoa"
        banner = _text(app, "#intake-draft")
        assert "Bản nháp chưa lưu của Nguyễn Thị Lan" in banner and "23/11/2026" in banner


async def test_idle_desk_locks_itself(app: DeskApp, demo_ctx: DeskContext) -> None:
    assert demo_ctx.settings.office.idle_lock_minutes == 10  # the default
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.idle_limit() == 600
        assert not app.lock_if_idle(time.monotonic() + 300)  # five minutes: still in
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f3")
        await settle(pilot)
        assert app.lock_if_idle(time.monotonic() + 601)
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen) and app.actor is None
        assert audit.entries(app.ctx, action=audit.LOGOUT)[0]["detail"]["idle"] is True


async def test_idle_lock_can_be_turned_off(demo_ctx: DeskContext, app: DeskApp) -> None:
    from dataclasses import replace

    office = replace(demo_ctx.settings.office, idle_lock_minutes=0)
    demo_ctx.settings = replace(demo_ctx.settings, office=office)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not app.lock_if_idle(time.monotonic() + 10 * 3600)
        assert isinstance(app.screen, HomeScreen)


def _overlaps(a: Any, b: Any) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


async def _receive_with_notices(app: DeskApp, size: tuple[int, int]) -> None:
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        for i in range(4):  # notices already on screen: the welcome, what is at risk…
            app.notify(f"Thông báo thử số {i} với một dòng khá dài để chiếm chỗ", timeout=60)
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press(*"1.004873", "enter", "a", "enter", *"040095000123", "enter")
        await settle(pilot)
        await pilot.press(*"Nguyen Van Hiep")
        await pilot.pause(0.3)
        assert [t for t in app.screen.query(Toast) if t.region.area]  # notices on screen
        await pilot.press("f8")
        await wait_until(pilot, lambda: app.screen.query_one("#intake-result").display)
        await pilot.pause(0.3)
        box = app.screen.query_one("#intake-result")
        code = app.screen.last_result["code"]
        assert code in _text(app, "#intake-result")
        region = box.region
        assert region.y >= 0 and region.bottom <= size[1] - 1  # above the footer
        assert region.right <= size[0]
        app.notify("Một thông báo đến sau", timeout=60)
        await pilot.pause(0.3)
        toasts = [t for t in app.screen.query(Toast) if t.region.area]
        assert toasts
        assert not any(_overlaps(t.region, region) for t in toasts)  # none on the code


async def test_new_code_stays_visible_at_80x24(app: DeskApp) -> None:
    await _receive_with_notices(app, (80, 24))


async def test_new_code_stays_visible_at_60x20(app: DeskApp) -> None:
    await _receive_with_notices(app, (60, 20))


async def test_home_today_line_follows_the_clock_and_says_the_day_once(
        demo_ctx: DeskContext, app: DeskApp, monkeypatch: Any) -> None:
    import screens.home

    clock = MovingClock(local(2026, 11, 23, 9, 0))  # a Monday
    demo_ctx.clock = clock
    monkeypatch.setattr(screens.home, "TODAY_REFRESH_SECONDS", 0.2)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "09:00" in _text(app, "#today"))
        line = _text(app, "#today")
        assert line.lower().count("ngày làm việc") == 1
        clock.advance(minutes=110)
        await wait_until(pilot, lambda: "10:50" in _text(app, "#today"))


async def test_home_lists_only_the_keys_a_clerk_can_use(app: DeskApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        modes = _text(app, "#modes")
        assert "F6" not in modes and "Báo cáo" not in modes  # Lan is a clerk
        assert "F12" in modes and "Ctrl+O" in modes

"""Login: service rules and the screen driven by keys."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from desk.app import DeskApp
from desk.domain.errors import DomainError
from desk.i18n import render_error
from desk.services.clock import fixed_clock
from desk.services.context import DeskContext
from desk.services.trust.auth import login
from screens.home import HomeScreen
from screens.login import LoginScreen
from tests.screens.conftest import settle


def test_right_pin_gives_the_actor_with_the_clerks_counter(demo_ctx: DeskContext) -> None:
    actor = login(demo_ctx, "Nguyễn Thị Lan", "1234")
    assert (actor.name, actor.role, actor.counter) == ("Nguyễn Thị Lan", "clerk", 1)
    assert login(demo_ctx, "Nguyễn Thị Lan", "1234", "3").counter == 3


def test_three_wrong_pins_lock_for_five_minutes(demo_ctx: DeskContext) -> None:
    for left in (2, 1):
        with pytest.raises(DomainError) as info:
            login(demo_ctx, "Nguyễn Thị Lan", "0000")
        assert info.value.key == "auth.bad_pin" and info.value.params["left"] == left
    with pytest.raises(DomainError) as info:
        login(demo_ctx, "Nguyễn Thị Lan", "0000")
    assert info.value.key == "auth.locked"
    assert "tạm khóa" in render_error(info.value) and "09:05" in render_error(info.value)
    with pytest.raises(DomainError) as info:  # even the right PIN waits
        login(demo_ctx, "Nguyễn Thị Lan", "1234")
    assert info.value.key == "auth.locked"
    later = DeskContext(demo_ctx.settings, clock=fixed_clock(demo_ctx.now() + timedelta(
        minutes=5, seconds=1)))
    try:
        assert login(later, "Nguyễn Thị Lan", "1234").name == "Nguyễn Thị Lan"
    finally:
        later.close()


def test_unknown_clerk_and_bad_counter(demo_ctx: DeskContext) -> None:
    with pytest.raises(DomainError) as info:
        login(demo_ctx, "Không Có Ai", "1234")
    assert info.value.key == "auth.unknown"
    with pytest.raises(DomainError) as info:
        login(demo_ctx, "Nguyễn Thị Lan", "1234", "0")
    assert info.value.key == "auth.bad_counter"


async def _type_pin(pilot, pin: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*pin, "enter")
    await settle(pilot)


async def test_login_screen_wrong_pin_thrice_locks(demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        await pilot.press(*"lan", "enter")  # type to filter, Enter picks
        assert app.screen.query_one("#counter").value == "1"
        for _ in range(3):
            await _type_pin(pilot, "9999")
        error = str(app.screen.query_one("#login-error", Static).render())
        assert "tạm khóa" in error and "3 lần" in error
        await _type_pin(pilot, "1234")
        assert isinstance(app.screen, LoginScreen) and app.actor is None
        await pilot.press("f2")  # modes stay closed before login
        assert isinstance(app.screen, LoginScreen)


async def test_login_then_home_then_modes(demo_ctx: DeskContext) -> None:
    app = DeskApp(demo_ctx, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"minh", "enter", *"2345", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.actor is not None and app.actor.role == "supervisor"
        assert "Trần Văn Minh" in app.sub_title
        await pilot.press("f3")
        await settle(pilot)
        assert type(app.screen).__name__ == "SearchScreen"

"""Issue 14 (a new clerk's day in tmux): a clerk who types the name, Enter, the PIN, Enter
before the list of clerks has arrived (a new or migrated file at start) is logged in as
typed — the keys are not lost in the name field ("lan1234")."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.home import HomeScreen
from tests.screens.conftest import settle, wait_until


async def test_name_and_pin_typed_before_the_list_arrives(demo_ctx: DeskContext,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import desk.services.trust.auth as auth
    import screens.login as login

    release = threading.Event()
    real = auth.login_choices

    def slow(ctx: Any) -> Any:
        release.wait(10)  # the list arrives only after the clerk has typed everything
        return real(ctx)

    monkeypatch.setattr(login, "quick_login_choices", lambda _ctx: None)
    monkeypatch.setattr(auth, "login_choices", slow)
    app = DeskApp(demo_ctx, background=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"lan", "enter", *"1234", "enter")
        await pilot.pause()
        assert app.screen.query_one("#clerk-filter").value == "lan"  # no PIN in the name
        release.set()
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle(pilot)
        assert app.actor is not None and app.actor.name == "Nguyễn Thị Lan"

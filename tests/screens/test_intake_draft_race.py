"""The draft timer fires while the intake form is torn down or recomposed (seen at the
counter: `NoMatches '#documents'` from IntakeScreen.snapshot): the app keeps running and the
draft keeps what was typed (issue 14)."""

from __future__ import annotations

import json

from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.intake import IntakeScreen
from tests.screens.conftest import settle, wait_until


async def test_a_draft_timer_in_a_torn_down_form_neither_crashes_nor_loses_the_draft(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    folder = demo_ctx.settings.database_path.parent / "drafts"

    def draft_name() -> str | None:
        try:
            [path] = folder.glob("intake*.json")
            return str(json.loads(path.read_text(encoding="utf-8"))["name"])
        except ValueError:  # none yet, or being replaced
            return None

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter", *"Hoa")
        await wait_until(pilot, lambda: draft_name() == "Hoa")
        await pilot.press(*"ng")  # the draft timer is armed (0.5 s) …
        await screen.query_one("#documents").remove()  # … and the form is being torn down
        await pilot.pause(1.0)  # the timer fires in the racy state
        assert app.is_running and app._exception is None
        await wait_until(pilot, lambda: draft_name() == "Hoang")  # nothing typed is lost
        assert screen.snapshot()["name"] == "Hoang" and screen.has_unsaved()

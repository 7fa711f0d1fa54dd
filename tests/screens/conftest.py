"""Fixtures for the counter screens: the demo office, a logged-in app, helpers."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.trust.actor import Actor
from tests.tui import workers_done


@pytest.fixture
def lan(demo_ctx: DeskContext) -> Actor:
    from desk.services.trust.auth import login

    return login(demo_ctx, "Nguyễn Thị Lan", "1234")


@pytest.fixture
def app(demo_ctx: DeskContext, lan: Actor) -> DeskApp:
    """The app with Lan already logged in at counter 1 (the login has its own tests)."""
    a = DeskApp(demo_ctx, background=False)
    a.actor = lan
    return a


def intake(ctx: DeskContext, name: str = "Nguyễn Văn Hiệp", *, proc: str = "1.004873",
           id_number: str | None = "040095000123", phone: str | None = "0912345678",
           actor: Actor | None = None) -> dict[str, Any]:
    from desk.services.trust.actor import SYSTEM

    return receive(ctx, IntakeIn(procedure_code=proc, applicant=ApplicantIn(
        name=name, id_number=id_number, phone=phone, address="Xóm 3, xã Minh Châu")),
        actor or SYSTEM, print_receipt=False)


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and their results reach the screen."""
    await workers_done(pilot.app)
    await pilot.pause()
    await workers_done(pilot.app)
    await pilot.pause()


def still_cursor(app: Any) -> None:
    """No blinking cursor in snapshots."""
    for inp in app.screen.query(Input):
        inp.cursor_blink = False


async def wait_until(pilot: Pilot[Any], predicate: Any, timeout: float = 10.0) -> None:
    """Pause until `predicate()` holds (timers and workers finish at their own pace)."""
    import time

    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("the screen never reached the expected state")
        await pilot.pause(0.05)
    await settle(pilot)

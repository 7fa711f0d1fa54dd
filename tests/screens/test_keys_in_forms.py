"""F1, F10 and F12 keep their meaning while a form or a question is open (screens/keyplan.py: "the
same everywhere"). Textual stops the App's keys at a modal screen, so with a dossier action
form open F1 showed nothing and F12 did not lock the desk, though the footer under the form
still offered them (F10 typed nothing: the next keys went into the form)."""

from __future__ import annotations

from textual.widgets import Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from screens.dossier import DossierScreen
from screens.login import LoginScreen
from screens.widgets.action_form import ActionForm
from screens.widgets.keys_panel import KeysPanel
from tests.screens.conftest import intake, settle, wait_until


async def test_f1_and_f12_work_from_an_action_form(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: isinstance(app.screen, DossierScreen)
                         and app.screen.view is not None)
        await pilot.press("b")  # the supplement request form
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, KeysPanel)
        own = str(app.screen.query_one("#keys-screen", Static).render())
        assert "F8" in own, own  # the form's own key: confirm
        await pilot.press("f1")  # F1 again closes it, back in the form
        await settle(pilot)
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f12")
        await settle(pilot)
        assert app.actor is None and isinstance(app.screen, LoginScreen)


async def test_f10_quits_from_an_action_form(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: isinstance(app.screen, DossierScreen)
                         and app.screen.view is not None)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f10")
        await pilot.pause()
        assert app.return_code is not None  # closing, as F10 does on any screen

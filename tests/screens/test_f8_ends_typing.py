"""F8 saves what the clerk typed as it will read once the field is left: raw Telex typed with
no input method on ("Phamj Thij Lan") is converted, and a word Telex still holds is finished,
before the intake or an action form reads the fields. Pressing F8 in the last field used to
receive "Phamj Thij Lan" onto the receipt and the register (only leaving the field converted)."""

from __future__ import annotations

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.views import show
from screens.dossier import DossierScreen
from screens.intake import IntakeScreen
from screens.widgets.action_form import ActionForm
from tests.screens.conftest import intake, settle, wait_until


async def _type(pilot: object, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]


async def test_f8_in_the_name_field_saves_the_converted_name(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        await pilot.press(*"1.004873", "enter", "a", "enter", "enter")
        await settle(pilot)
        assert app.focused is screen.query_one("#name")
        await _type(pilot, "Phamj Thij Lan")
        await pilot.press("f8")
        await wait_until(pilot, lambda: screen.last_result is not None)
        view = screen.last_result
        assert view is not None
    assert show(demo_ctx, view["code"])["applicant"]["name"] == "Phạm Thị Lan"


async def test_f8_in_an_action_form_saves_the_converted_reason(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: isinstance(app.screen, DossierScreen)
                         and app.screen.view is not None)
        await pilot.press("b")  # request a supplement
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await _type(pilot, "Thieeus giaays khai sinh")
        await pilot.press("f8")
        await wait_until(pilot, lambda: show(demo_ctx, code)["status"] == "SUPPLEMENT_REQUESTED")
    payload = show(demo_ctx, code)["timeline"][-1]["payload"]
    assert payload["reason"] == "Thiếu giấy khai sinh", payload

"""Dossier actions that lost or garbled work (issue 14 §3): an unpaid fee warns before the
return and can still be recorded after it."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from desk.app import DeskApp
from desk.domain.errors import DomainError
from desk.services.context import DeskContext
from desk.services.dossier.fees import pay
from desk.services.dossier.lifecycle import act
from desk.services.dossier.views import show
from screens.dossier import DossierScreen
from screens.widgets.action_form import ActionForm
from screens.widgets.confirm import Confirm
from tests.screens.conftest import intake, settle, wait_until


def _ready(ctx: DeskContext) -> str:
    code = intake(ctx)["code"]  # 1.004873: a 15.000 đ fee
    for action in ("transfer", "start_processing", "result_ready"):
        act(ctx, code, action)
    return code


async def test_return_with_an_unpaid_fee_warns_first(app: DeskApp,
                                                     demo_ctx: DeskContext) -> None:
    code = _ready(demo_ctx)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: getattr(app.screen, "view", None) is not None)
        screen = app.screen
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        question = str(app.screen.query_one("#question", Static).render())
        assert "chưa nộp lệ phí" in question and "15.000 đ" in question
        await pilot.press("escape")  # back: nothing returned
        await pilot.pause()
        assert app.screen is screen and show(demo_ctx, code)["status"] == "RESULT_READY"
        await pilot.press("p")  # the fee first
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f8")
        await wait_until(pilot, lambda: screen.view["fee"]["status"] == "paid")
        await pilot.press("t")  # paid: no warning
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)


def test_the_fee_is_recorded_after_the_return(demo_ctx: DeskContext) -> None:
    code = _ready(demo_ctx)
    act(demo_ctx, code, "return_result", receiver="Nguyễn Văn Hiệp")
    view = pay(demo_ctx, code)
    assert view["status"] == "RETURNED" and view["fee"]["status"] == "paid"
    with pytest.raises(DomainError) as info:  # a second fee fact is a correction, refused
        pay(demo_ctx, code, correction="gõ nhầm")  # on a closed dossier
    assert info.value.key == "fees.closed"


async def test_fee_key_stays_after_the_return(app: DeskApp, demo_ctx: DeskContext) -> None:
    code = _ready(demo_ctx)
    act(demo_ctx, code, "return_result", receiver="Nguyễn Văn Hiệp")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_dossier(code)
        await wait_until(pilot, lambda: getattr(app.screen, "view", None) is not None)
        screen = app.screen
        assert isinstance(screen, DossierScreen)
        assert screen.check_action("fee", ()) is True
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press("f8")
        await wait_until(pilot, lambda: screen.view["fee"]["status"] == "paid")
        assert screen.check_action("fee", ()) is False


def test_cli_warns_when_returning_with_the_fee_unpaid(demo_ctx: DeskContext, run_desk,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = _ready(demo_ctx)
    config = tmp_path / "same.toml"
    config.write_text(f'[storage]\ndatabase = "{demo_ctx.settings.database_path.as_posix()}"\n',
                      encoding="utf-8")
    r = run_desk("dossier", "act", code, "return_result", "--receiver", "Nguyễn Văn Hiệp",
                 config=config, env={"DESK_NOW": "2026-11-23 10:00"})
    assert r.returncode == 0, r.stderr
    assert "chưa nộp lệ phí" in r.stderr and f"desk dossier fee {code}" in r.stderr

"""Intake of an online-only procedure at the counter (issue 16 §4): the screen asks for the
national portal's dossier code instead of the channel, refuses to go on without it (the typed
input stays), and receives the dossier under that code with the guide slip printed."""

from __future__ import annotations

from textual.widgets import Input, Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.views import show
from desk.services.printing import spooler as printing
from screens.intake import IntakeScreen
from tests.rules.test_online_only import _catalog
from tests.screens.conftest import settle

PORTAL = "G22.99.1-261123-0042"


async def test_an_online_only_procedure_takes_the_portal_code(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    _catalog(demo_ctx)  # residence registration (1.004194) is online-only
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, IntakeScreen)
        field = screen.query_one("#portal_code", Input)
        assert not field.parent.display  # type: ignore[union-attr]  # a counter procedure
        await pilot.press(*"1.004194", "enter")
        assert screen.procedure is not None and screen.procedure["online_only"] is True
        assert field.parent.display and not screen.query_one("#channel").display  # type: ignore[union-attr]
        info = str(screen.query_one("#assisted-info", Static).render())
        assert "trực tuyến (hỗ trợ tại quầy)" in info and "VNeID" in info
        await pilot.press("a", "enter", "enter", *"Le Thi Mai", "f8")
        await settle(pilot)
        error = str(screen.query_one("#err-portal_code", Static).render())
        assert "chỉ nộp trực tuyến" in error and app.focused is field
        assert screen.query_one("#name", Input).value == "Le Thi Mai"  # nothing typed is lost
        await pilot.press(*PORTAL, "f8")
        await settle(pilot)
        view = screen.last_result
        assert view is not None and view["code"] == PORTAL
        result = str(screen.query_one("#intake-result", Static).render())
        assert PORTAL in result and "Phiếu hướng dẫn nộp trực tuyến" in result
        assert not screen.has_unsaved() and not field.parent.display  # type: ignore[union-attr]
    saved = show(demo_ctx, PORTAL)
    assert saved["channel"] == "online_assisted"
    slips = [j for j in printing.jobs(demo_ctx, printer="receipt", ref=PORTAL)]
    assert len(slips) == 1 and "PHIẾU HƯỚNG DẪN NỘP HỒ SƠ TRỰC TUYẾN" in (
        printing.job(demo_ctx, slips[0]["id"]) or {})["transcript"]

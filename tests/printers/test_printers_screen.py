"""The printers screen (F8): printer states, recent jobs, reprint by key, preview, filter."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.receipts import receipt_document
from desk.services.printing import spooler as printing
from desk.services.trust.actor import Actor
from screens.home import MODES as HOME_MODES
from screens.modes import MODE_BINDINGS, MODES
from screens.printers import PrintersScreen, TranscriptView
from tests.screens.conftest import intake, settle, wait_until


def _app(ctx: DeskContext) -> DeskApp:
    from desk.services.trust.auth import login

    lan: Actor = login(ctx, "Nguyễn Thị Lan", "1234")
    app = DeskApp(ctx, background=False)  # no print worker: jobs stay queued
    app.actor = lan
    return app


def test_the_mode_is_registered() -> None:
    assert "printers" in MODES and ("ctrl+o", "printers", "mode.printers") in HOME_MODES
    keys = [b.key for b in MODE_BINDINGS if hasattr(b, "key")]  # type: ignore[union-attr]
    assert keys.count("ctrl+o") == 1  # F8 is the forms' save key (screens/keyplan.py)


async def test_reprint_the_selected_job(demo_ctx: DeskContext) -> None:
    code = intake(demo_ctx)["code"]
    first = printing.submit(demo_ctx, receipt_document(demo_ctx, code), printer="receipt",
                            kind="receipt", ref=code)
    printing.record_status(demo_ctx, "receipt", "paper_out", "hết giấy")
    app = _app(demo_ctx)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+o")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PrintersScreen)
        await wait_until(pilot, lambda: screen.loaded > 0)
        printers = screen.query_one("#pr-printers", DataTable)
        assert printers.row_count == len(demo_ctx.settings.printers)
        state = {p["printer"]: p for p in screen.printers}["receipt"]
        assert state["state"] == "paper_out" and state["queued"] == 1
        jobs = screen.query_one("#pr-jobs", DataTable)
        assert jobs.row_count == 1 and screen.jobs[0]["ref"] == code
        assert screen.selected_job_id() == str(first)

        await pilot.press("v")  # the transcript, as the paper reads
        await wait_until(pilot, lambda: isinstance(app.screen, TranscriptView))
        preview = app.screen
        assert isinstance(preview, TranscriptView)
        assert code in preview.transcript
        assert code in str(preview.query_one("#pv-text", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen

        loaded = screen.loaded
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.loaded > loaded and jobs.row_count == 2)
        newest = screen.jobs[0]
        assert newest["reprint_of"] == str(first) and newest["ref"] == code
        assert printing.job(demo_ctx, newest["id"])["transcript"].startswith(  # type: ignore[index]
            printing.REPRINT_MARK)

        other = intake(demo_ctx, "Trần Thị Mai", id_number="040095000456")["code"]
        printing.submit(demo_ctx, receipt_document(demo_ctx, other), printer="receipt",
                        kind="receipt", ref=other)
        await pilot.press("m")  # làm mới
        await wait_until(pilot, lambda: jobs.row_count == 3)

        await pilot.press("f")  # filter by dossier code
        box = screen.query_one("#pr-filter", Input)
        assert box.has_focus
        await pilot.press(*other.lower())
        await pilot.press("enter")
        await wait_until(pilot, lambda: jobs.row_count == 1)
        assert screen.jobs[0]["ref"] == other and jobs.has_focus
    assert len(printing.jobs(demo_ctx)) == 3

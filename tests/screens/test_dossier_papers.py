"""Every paper of a dossier prints from its screen, and a supplement requested there prints
Form 02 (issue 14 §3). The bytes are checked as a printer and a reader would get them: the
thermal transcript, the PDF's text through pdftotext; none shows a message key."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.views import show
from desk.services.printing import spooler as printing
from desk.services.printing.papers import papers_of, print_paper
from screens.dossier import DossierScreen
from screens.widgets.action_form import ActionForm
from screens.widgets.paper_picker import PaperPicker
from storage.engine import read_session
from storage.tables import PrintJob
from tests.rawkeys import raw_keys
from tests.screens.conftest import intake, settle, wait_until
from tests.screens.test_no_raw_keys import busy_dossier


def _jobs(ctx: DeskContext, code: str) -> list[Any]:
    with read_session(ctx.engine) as s:
        return list(s.exec(select(PrintJob).where(PrintJob.ref == code)
                           .order_by(col(PrintJob.created_at))).all())


def _text(job: Any, tmp_path: Path) -> str:
    if job.profile != "pdf":
        return str(job.transcript)
    pdf = tmp_path / f"{job.id}.pdf"
    pdf.write_bytes(job.data)
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


async def _open(app: DeskApp, pilot: Any, code: str) -> DossierScreen:
    app.open_dossier(code)
    await wait_until(pilot, lambda: getattr(app.screen, "view", None) is not None)
    assert isinstance(app.screen, DossierScreen)
    return app.screen


async def test_supplement_requested_on_the_dossier_screen_prints_form_02(
        app: DeskApp, demo_ctx: DeskContext, tmp_path: Path) -> None:
    code = intake(demo_ctx)["code"]
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await _open(app, pilot, code)
        await pilot.press("b")  # request a supplement (bổ sung)
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        app.screen.query_one("#f-reason").value = "Thiếu giấy tờ"  # type: ignore[attr-defined]
        app.screen.query_one("#f-documents").value = (  # type: ignore[attr-defined]
            "Bản sao giấy khai sinh; Sổ hộ khẩu")
        await pilot.press("f8")
        await wait_until(pilot, lambda: len(_jobs(demo_ctx, code)) >= 2)
    assert show(demo_ctx, code)["status"] == "SUPPLEMENT_REQUESTED"
    jobs = [j for j in _jobs(demo_ctx, code) if j.kind == "form"]
    assert {j.printer for j in jobs} == {"a4", "receipt"}  # A4 and the slip, as configured
    for job in jobs:
        text = _text(job, tmp_path)
        assert code in text.replace("\n", "") or code[-4:] in text
        assert raw_keys(text) == []
    a4 = next(j for j in jobs if j.printer == "a4")
    assert a4.data.startswith(b"%PDF")


async def test_every_paper_prints_from_the_dossier_screen(
        app: DeskApp, demo_ctx: DeskContext, tmp_path: Path) -> None:
    code = busy_dossier(demo_ctx)
    before = len(_jobs(demo_ctx, code))
    offered = papers_of(demo_ctx, show(demo_ctx, code))
    assert {p.key for p in offered} == {"receipt", "supplement", "apology", "control"}
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        await _open(app, pilot, code)
        for i in range(len(offered)):
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, PaperPicker)
            await pilot.press(str(i + 1))
            await wait_until(pilot, lambda n=i: len(_jobs(demo_ctx, code)) == before + n + 1)
    jobs = _jobs(demo_ctx, code)[before:]
    assert len(jobs) == len(offered)
    for job in jobs:
        text = _text(job, tmp_path)
        assert text.strip() and raw_keys(text) == [], (job.kind, job.printer)
    # printed again: the thermal receipt a second time is marked as a reprint
    receipt = next(p for p in offered if p.key == "receipt" and p.kind == "thermal")
    again = print_paper(demo_ctx, code, receipt)
    job = printing.job(demo_ctx, again)
    assert job is not None and job["transcript"].startswith(printing.REPRINT_MARK)

"""A sample dossier's note on the dossier screen reads as words ("Hồ sơ mẫu: quá hạn"), as the
book prints it, never the seeder's marker and key ("Hồ sơ mẫu (thời hạn): overdue_3"); a
clerk's own note shows as typed."""

from __future__ import annotations

from textual.widgets import Static

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.note_text import DEMO_NOTE
from desk.services.trust.actor import SYSTEM
from screens.dossier import DossierScreen
from tests.screens.conftest import wait_until


def _received(ctx: DeskContext, notes: str) -> str:
    out = receive(ctx, IntakeIn(procedure_code="1.004873", notes=notes, applicant=ApplicantIn(
        name="Võ Minh Tuấn", phone="0912000106")), SYSTEM, print_receipt=False)
    return out["code"]


async def test_the_demo_marker_reads_as_words(app: DeskApp, demo_ctx: DeskContext) -> None:
    sample = _received(demo_ctx, f"{DEMO_NOTE} overdue_3")
    typed = _received(demo_ctx, "Công dân hẹn chiều thứ Hai")
    async with app.run_test(size=(120, 40)) as pilot:
        for code, want in ((sample, "Ghi chú: Hồ sơ mẫu: quá hạn"),
                           (typed, "Ghi chú: Công dân hẹn chiều thứ Hai")):
            app.open_dossier(code)
            await wait_until(pilot, lambda c=code: isinstance(app.screen, DossierScreen)
                             and app.screen.view is not None and app.screen.code == c)
            head = str(app.screen.query_one("#dossier-head", Static).render())
            assert want in head, head
            assert "overdue_3" not in head and "(thời hạn)" not in head
            await pilot.press("escape")

"""The dossier screen's paper picker (I) names each paper with the number and title of the
dossier's own rule set (issue 16 §2): a 2025 dossier that was stopped offers Form 05, the stop
notice, and the control slip as Form 06; a dossier received on 30 June 2025 keeps the 2018
numbers (the control slip is its Form 05) and has no stop notice."""

from __future__ import annotations

from typing import Any

from textual.widgets import OptionList

from desk.app import DeskApp
from desk.services.context import DeskContext
from desk.services.dossier.citizens import ApplicantIn
from desk.services.dossier.intake import IntakeIn, receive
from desk.services.dossier.lifecycle import act
from screens.dossier import DossierScreen
from screens.widgets.paper_picker import PaperPicker
from tests.conftest import local
from tests.screens.conftest import settle, wait_until


def _take(ctx: DeskContext, when: Any) -> str:
    return str(receive(ctx, IntakeIn(procedure_code="1.004873", received_at=when,
                                     applicant=ApplicantIn(name="Lê Thị Mai",
                                                           phone="0912345678")),
                       print_receipt=False)["code"])


async def _labels(app: DeskApp, pilot: Any, code: str) -> list[str]:
    app.open_dossier(code)
    await wait_until(pilot, lambda: isinstance(app.screen, DossierScreen)
                     and app.screen.view is not None and app.screen.code == code)
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, PaperPicker))
    options = app.screen.query_one("#papers", OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    await pilot.press("escape")
    await settle(pilot)
    return labels


async def test_paper_labels_come_from_the_dossiers_rule_set(
        app: DeskApp, demo_ctx: DeskContext) -> None:
    old = _take(demo_ctx, local(2025, 6, 30, 9, 0))
    new = _take(demo_ctx, local(2026, 11, 23, 8, 0))
    act(demo_ctx, new, "stop", reason="Cơ quan có thẩm quyền đề nghị dừng để xác minh")
    async with app.run_test(size=(110, 34)) as pilot:
        await settle(pilot)
        labels_new = await _labels(app, pilot, new)
        labels_old = await _labels(app, pilot, old)
    joined_new, joined_old = "\n".join(labels_new), "\n".join(labels_old)
    assert "Mẫu 05: Thông báo dừng giải quyết hồ sơ" in joined_new
    assert "Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ" in joined_new
    assert "Mẫu 05: Phiếu kiểm soát quá trình giải quyết hồ sơ" in joined_old
    assert "dừng giải quyết" not in joined_old and "Mẫu 06" not in joined_old
    assert all(label.startswith(f"{i}. ") for i, label in enumerate(labels_new, 1))
